// Danish word and sentence breaking. The expected spans are code-point
// offsets of the words and sentences as UAX #29 defines them, counted in
// Python over the same strings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "coding/text_breaks.h"

using namespace fokus;

namespace {

const std::string compounds =
    "Sagsbehandlerne på Ærø, f.eks. i Børne- og Ungeforvaltningen, bruger 3,5 timer på rådgiver/sagsbehandler-møder.";

}  // namespace

TEST_CASE("words: æ, ø and å inside words, compounds whole, f.eks. one word, a decimal comma kept") {
    text::DanishBreaks breaks(text::BreakUnit::Word);
    // Sagsbehandlerne, på, Ærø, f.eks, i, Børne, og, Ungeforvaltningen, bruger, 3,5, timer, på, rådgiver,
    // sagsbehandler, møder: the hyphen and the slash part words; the full stop inside "f.eks" does not.
    const std::vector<Span> expected = {{0, 15},  {16, 18}, {19, 22}, {24, 29}, {31, 32},  {33, 38},  {40, 42}, {43, 60},
                                        {62, 68}, {69, 72}, {73, 78}, {79, 81}, {82, 90}, {91, 104}, {105, 110}};
    CHECK(breaks.words(compounds) == expected);
    // The same breaker serves the next text.
    CHECK(breaks.words("Åse og Bjørn") == std::vector<Span>{{0, 3}, {4, 6}, {7, 12}});
    CHECK(breaks.words("").empty());
}

TEST_CASE("a walk gives every piece in order, with its bytes and code points") {
    text::DanishBreaks breaks(text::BreakUnit::Word);
    std::string joined;
    std::int64_t end = 0;
    std::size_t words = 0;
    auto walk = breaks.walk(compounds);
    while (const auto piece = walk.next()) {
        CHECK(piece->span.start == end);
        CHECK(piece->byte == joined.size());
        joined += piece->utf8;
        end = piece->span.end;
        if (piece->is_word) ++words;
        if (piece->utf8 == "Ærø") {
            CHECK(piece->byte == 20);  // "Sagsbehandlerne på " is 19 characters, 20 bytes with the å
            CHECK(piece->span == Span{19, 22});
        }
    }
    CHECK(joined == compounds);
    CHECK(end == 111);
    CHECK(words == 15);
}

TEST_CASE("sentences: f.eks. before a small letter ends none; !, ? and . before a capital do, spaces trimmed") {
    text::DanishBreaks breaks(text::BreakUnit::Sentence);
    const std::string text = "Vi mødes f.eks. om mandagen. Så taler vi om børnene!\nHvad så?  Ja, især på Ærø.";
    // "Vi mødes f.eks. om mandagen.", "Så taler vi om børnene!", "Hvad så?", "Ja, især på Ærø."
    CHECK(breaks.sentences(text) == std::vector<Span>{{0, 28}, {29, 52}, {53, 61}, {63, 79}});
    CHECK(breaks.sentences("  \n").empty());
    CHECK(breaks.sentences("Så.") == std::vector<Span>{{0, 3}});
}

TEST_CASE("trailing white space is stepped over back to the floor, never below it") {
    const std::string text = "Ærø.  \n";
    CHECK(text::before_trailing_space(text, {text.size(), 7}, 0).code_point == 4);
    CHECK(text::before_trailing_space(text, {text.size(), 7}, 0).byte == 6);  // Æ and ø take two bytes each
    CHECK(text::before_trailing_space(text, {text.size(), 7}, 5).code_point == 5);
}
