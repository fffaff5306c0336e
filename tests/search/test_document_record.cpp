#include <doctest/doctest.h>

#include "coding/error.h"
#include "search/document_record.h"

using namespace fokus;
using namespace fokus::search;

namespace {

DocumentRecord focus_group() {
    DocumentRecord record;
    record.document = 7;
    record.turns.push_back(IndexedTurn{11, Span{13, 80}, "Rådgiver 1", 3, 1, 12});
    record.turns.push_back(IndexedTurn{12, Span{90, 90}, "Moderator", 0, 2061, 0});  // "(griner)" alone: no words
    record.turns.push_back(IndexedTurn{13, Span{101, 400}, "Borger 2 (Ærø)", 5, 4109, 55});
    return record;
}

}  // namespace

TEST_CASE("a document's record keeps its turns, speakers and word positions") {
    const auto record = focus_group();
    const auto decoded = DocumentRecord::decode(record.encode());
    CHECK(decoded.document == 7);
    REQUIRE(decoded.turns.size() == 3);
    CHECK(decoded.turns[0].speaker == "Rådgiver 1");
    CHECK(decoded.turns[2].speaker == "Borger 2 (Ærø)");
    CHECK(decoded.turns[2].body == Span{101, 400});
    CHECK(decoded.turns[2].participant == 5);
    CHECK(decoded.turns[2].first_position == 4109);
    CHECK(decoded.word_count() == 67);

    CHECK(decoded.turn_at(1)->turn == 11);
    CHECK(decoded.turn_at(12)->turn == 11);
    CHECK(decoded.turn_at(13) == nullptr);    // the gap after a turn
    CHECK(decoded.turn_at(2061) == nullptr);  // a turn without words holds no position
    CHECK(decoded.turn_at(4109)->turn == 13);
    CHECK(decoded.turn_at(4163)->turn == 13);
    CHECK(decoded.turn_at(4164) == nullptr);
    CHECK(decoded.turn_at(0) == nullptr);
}

TEST_CASE("a damaged record is refused with a way out, not read past its end") {
    const auto encoded = focus_group().encode();
    for (const auto cut : {std::size_t{1}, encoded.size() / 2, encoded.size() - 1}) {
        CAPTURE(cut);
        CHECK_THROWS_WITH_AS(DocumentRecord::decode(encoded.substr(0, cut)), doctest::Contains("rebuild the index (fokus-cli reindex)"),
                             Error);
    }
    // A count of turns far beyond what the bytes could hold.
    CHECK_THROWS_WITH_AS(DocumentRecord::decode(std::string("\x07\xff\xff\xff\x0f", 5)), doctest::Contains("is damaged"), Error);
}
