#include <doctest/doctest.h>

#include "coding/error.h"
#include "importers/importer.h"
#include "read_helpers.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;
using testing::lines_of;

namespace {

std::string utf16(const std::u16string& text, bool little_endian) {
    std::string bytes;
    for (const char16_t unit : text) {
        const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
        bytes += little_endian ? low : high;
        bytes += little_endian ? high : low;
    }
    return bytes;
}

ReadResult read_bytes(const std::string& bytes, const ReadOptions& options = {}) {
    testing::ScratchDir dir;
    testing::write_file(dir / "udskrift.txt", bytes);
    return read_file(dir / "udskrift.txt", options);
}

}  // namespace

TEST_CASE("UTF-8 with and without a byte-order mark; CRLF and CR become LF") {
    const auto with_bom = read_bytes("\xEF\xBB\xBFInterviewer: Hvad gør I?\r\nBorger 1: Vi får hjælp.\r\n");
    CHECK(with_bom.encoding == "UTF-8");
    CHECK(lines_of(with_bom) == "Interviewer: Hvad gør I?\nBorger 1: Vi får hjælp.\n");
    const auto old_mac = read_bytes("Interviewer: Hvad gør I?\rBorger 1: Vi får hjælp.");
    CHECK(lines_of(old_mac) == "Interviewer: Hvad gør I?\nBorger 1: Vi får hjælp.\n");
}

TEST_CASE("UTF-16 with a byte-order mark, in both byte orders, and without one") {
    const std::u16string text = u"Borger 2: Jeg fik en ny rådgiver på Ærø.\r\n";
    const auto little = read_bytes("\xFF\xFE" + utf16(text, true));
    CHECK(little.encoding == "UTF-16LE");
    CHECK(lines_of(little) == "Borger 2: Jeg fik en ny rådgiver på Ærø.\n");
    const auto big = read_bytes("\xFE\xFF" + utf16(text, false));
    CHECK(big.encoding == "UTF-16BE");
    CHECK(lines_of(big) == lines_of(little));
    const auto bare = read_bytes(utf16(text, true));
    CHECK(bare.encoding == "UTF-16LE");
    CHECK(lines_of(bare) == lines_of(little));
}

TEST_CASE("windows-1252 from older Windows tools, typographic quotes included") {
    const auto result = read_bytes("Interviewer: Hvordan g\xE5r det med b\xF8rnene?\r\n"
                                   "Borger 2: \x93Sv\xE6rt\x94, men vi f\xE5r st\xF8tte p\xE5 \xC6r\xF8.\r\n");
    CHECK(result.encoding == "windows-1252");
    CHECK(lines_of(result) == "Interviewer: Hvordan går det med børnene?\n"
                              "Borger 2: \u201CSvært\u201D, men vi får støtte på Ærø.\n");
}

TEST_CASE("invalid UTF-8 fails naming the line, or is replaced with a warning") {
    const std::string bytes = "Interviewer: Hvordan går det?\nBorger 1: Det går \xFF godt.\nBorger 2: Også \xC3 her.\n";
    CHECK_THROWS_WITH_AS(read_bytes(bytes), doctest::Contains("has bytes that are not valid UTF-8 on line 2"), FileError);
    ReadOptions replace;
    replace.replace_invalid_bytes = true;
    const auto result = read_bytes(bytes, replace);
    CHECK(lines_of(result) == "Interviewer: Hvordan går det?\nBorger 1: Det går \uFFFD godt.\nBorger 2: Også \uFFFD her.\n");
    CHECK(result.warnings == std::vector<std::string>{"invalid bytes replaced on line 2", "invalid bytes replaced on line 3"});
}

TEST_CASE("a byte that windows-1252 leaves undefined fails naming the line, or is replaced") {
    const std::string bytes = "Interviewer: Hvordan g\xE5r det?\r\nBorger 1: Det g\xE5r \x81 godt.\r\n";
    CHECK_THROWS_WITH_AS(read_bytes(bytes), doctest::Contains("not valid windows-1252 on line 2"), FileError);
    ReadOptions replace;
    replace.replace_invalid_bytes = true;
    const auto result = read_bytes(bytes, replace);
    CHECK(lines_of(result) == "Interviewer: Hvordan går det?\nBorger 1: Det går \uFFFD godt.\n");
    CHECK(result.warnings == std::vector<std::string>{"invalid bytes replaced on line 2"});
}

TEST_CASE("an unpaired surrogate in UTF-16 is refused or replaced") {
    const std::string bytes = "\xFF\xFE" + utf16(u"Borger 1: Jeg er glad for min rådgiver.\n", true) + std::string("\x00\xD8", 2) +
                              utf16(u" Også på Ærø.\n", true);
    CHECK_THROWS_WITH_AS(read_bytes(bytes), doctest::Contains("not valid UTF-16LE on line 2"), FileError);
    ReadOptions replace;
    replace.replace_invalid_bytes = true;
    const auto result = read_bytes(bytes, replace);
    CHECK(lines_of(result) == "Borger 1: Jeg er glad for min rådgiver.\n\uFFFD Også på Ærø.\n");
}

TEST_CASE("binary bytes are not taken for text, with or without NUL bytes") {
    CHECK_THROWS_WITH_AS(read_bytes(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), doctest::Contains("looks like a binary file"),
                         FileError);
    std::string noisy;
    for (int i = 1; i < 2000; ++i) noisy += static_cast<char>((i * 37) % 255 + 1);
    CHECK_THROWS_WITH_AS(read_bytes(noisy), doctest::Contains("looks like a binary file"), FileError);
    CHECK_THROWS_WITH_AS(read_bytes(" \r\n\t\n"), doctest::Contains("has no text"), FileError);
}
