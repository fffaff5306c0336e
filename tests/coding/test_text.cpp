#include <doctest/doctest.h>

#include "coding/collation.h"
#include "coding/error.h"
#include "coding/text.h"

using namespace fokus;

TEST_CASE("offsets convert between code points, UTF-8 bytes and UTF-16 units") {
    // "Rådgiver 😀 sagde: ø" — å and ø take 2 bytes, the emoji 4 bytes and 2 UTF-16 units.
    const std::string text = "Rådgiver \xF0\x9F\x98\x80 sagde: ø";
    const text::OffsetMap map(text);
    CHECK(map.code_points() == 19);
    CHECK(map.bytes() == text.size());
    CHECK(map.utf16_units() == 20);
    CHECK(map.byte_of(1) == 1);   // å starts at byte 1
    CHECK(map.byte_of(2) == 3);   // d after the two bytes of å
    CHECK(map.byte_of(9) == 10);  // the emoji
    CHECK(map.byte_of(10) == 14);
    CHECK(map.utf16_of(10) == 11);
    CHECK(map.byte_of(19) == text.size());
    CHECK(map.byte_of(500) == text.size());
    CHECK(map.code_point_of_byte(2) == 1);  // inside å maps to å
    CHECK(map.code_point_of_byte(12) == 9); // inside the emoji
    CHECK(map.code_point_of_utf16(10) == 9);
    CHECK(map.code_point_of_utf16(11) == 10);
    for (std::size_t cp = 0; cp <= map.code_points(); ++cp) {
        CHECK(map.code_point_of_byte(map.byte_of(cp)) == cp);
        CHECK(map.code_point_of_utf16(map.utf16_of(cp)) == cp);
    }
}

TEST_CASE("offsets stay right across many blocks of Danish text") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "Børn og unge på Ærø får hjælp. ";
    const text::OffsetMap map(text);
    std::size_t byte = 0;
    std::size_t cp = 0;
    while (byte < text.size()) {
        REQUIRE(map.byte_of(cp) == byte);
        REQUIRE(map.code_point_of_byte(byte) == cp);
        const auto lead = static_cast<unsigned char>(text[byte]);
        byte += lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
        ++cp;
    }
    CHECK(map.code_points() == cp);
}

TEST_CASE("text is normalised to NFC and invalid UTF-8 is refused with its offset") {
    const std::string decomposed = "ra\xCC\x8A" "dgiver";  // a + combining ring
    CHECK_FALSE(text::is_nfc(decomposed));
    CHECK(text::to_nfc(decomposed) == "rådgiver");
    CHECK(text::is_nfc("rådgiver"));
    CHECK(text::count_code_points("æøå") == 3);
    CHECK(text::find_invalid_utf8("Søren\xFF") == 6);
    CHECK_THROWS_WITH_AS(text::to_nfc("s\xF8ster", "the memo"), "the memo is not valid UTF-8 (bad byte at offset 1)",
                         InputError);
}

TEST_CASE("case folding, trimming and quoting for names") {
    CHECK(text::fold_case("ÆBLEGRØD Å") == "æblegrød å");
    CHECK(text::trim("  \t Faglig tryghed\u00A0\n") == "Faglig tryghed");
    CHECK(text::trim("   ") == "");
    CHECK(text::quote("Ø") == "\"Ø\"");
}

TEST_CASE("Danish collation puts æ, ø, å after z and aa with å") {
    std::vector<std::string> names = {"Åbenrå", "Ølstykke", "Zealand", "Ærø", "Aarhus", "Odense"};
    text::sort_danish(names);
    CHECK(names == std::vector<std::string>{"Odense", "Zealand", "Ærø", "Ølstykke", "Åbenrå", "Aarhus"});
}
