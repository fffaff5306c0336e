// Text from other programs made NFC with "\n" line ends, positions kept on their characters.
#include <doctest/doctest.h>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/mapped_text.h"

using namespace fokus;
using importers::map_text;

TEST_CASE("NFC text with \\n line ends is kept as it is, every position on itself") {
    const std::string danish = "Rådgiver 1: Vi får sparring.\nLeder: Så føler man sig tryg.";
    const auto mapped = map_text(danish, "prøven");
    CHECK(mapped.text == danish);
    REQUIRE(mapped.original_length() == static_cast<std::int64_t>(text::count_code_points(danish)));
    for (std::int64_t at = 0; at <= mapped.original_length(); ++at) CHECK(mapped.map(at) == at);
}

TEST_CASE("a byte-order mark is dropped and not counted") {
    const auto mapped = map_text("\xEF\xBB\xBF" "Ærø og Åbenrå", "prøven");
    CHECK(mapped.text == "Ærø og Åbenrå");
    CHECK(mapped.original_length() == 13);
    CHECK(mapped.map(7) == 7);
}

TEST_CASE("CRLF becomes \\n and positions after it move back by one per line end") {
    const std::string windows = "Borger 1: Jeg blev glad.\r\nRådgiver: Det gør mig tryg.\r\nSlut på båndet";
    const auto mapped = map_text(windows, "prøven");
    CHECK(mapped.text == "Borger 1: Jeg blev glad.\nRådgiver: Det gør mig tryg.\nSlut på båndet");
    // "Rådgiver" starts at 26 in the original (24 characters, CR, LF) and at 25 after.
    CHECK(mapped.map(26) == 25);
    // "tryg" ends the second line: at 51 in the original, 50 after.
    const std::string original_tryg_end = "Borger 1: Jeg blev glad.\r\nRådgiver: Det gør mig tryg";
    CHECK(mapped.map(static_cast<std::int64_t>(text::count_code_points(original_tryg_end))) ==
          static_cast<std::int64_t>(text::count_code_points("Borger 1: Jeg blev glad.\nRådgiver: Det gør mig tryg")));
    CHECK(mapped.map(mapped.original_length()) == static_cast<std::int64_t>(text::count_code_points(mapped.text)));
}

TEST_CASE("decomposed å and ø are composed, and positions after them shift back") {
    // "a" + COMBINING RING ABOVE is two code points in the original, one after.
    const std::string decomposed = "Ra\u030Adgiveren s\u00F8ger sa\u030Adan";
    const auto mapped = map_text(decomposed, "prøven");
    CHECK(mapped.text == "Rådgiveren søger sådan");
    CHECK(mapped.original_length() == 24);
    CHECK(mapped.map(0) == 0);
    CHECK(mapped.map(3) == 2);    // "d" of Rådgiveren
    CHECK(mapped.map(12) == 11);  // "s" of søger
    CHECK(mapped.map(24) == 22);
}

TEST_CASE("bytes that are not UTF-8 are refused naming the text") {
    CHECK_THROWS_WITH_AS(map_text("R\xE5" "dgiver", "the text of \"Kommune B\""),
                         doctest::Contains("the text of \"Kommune B\" is not UTF-8"), InputError);
}
