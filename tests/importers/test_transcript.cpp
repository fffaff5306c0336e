#include <doctest/doctest.h>

#include "coding/identity.h"
#include "coding/text.h"
#include "importers/transcript.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;

TEST_CASE("a transcript becomes a new document: name, format, source, checksum, NFC text and turns") {
    testing::ScratchDir dir;
    const std::string bytes = "Fokusgruppe, Kommune Ø\r\n[00:00:05] Interviewer: Hvad betyder det for børnene?\r\n"
                              "Borger 2: Det ved jeg ikke.\r\nMåske noget.\r\n";
    testing::write_file(dir / "kommune-ø-borgere.txt", bytes);
    const auto transcript = read_transcript(dir / "kommune-ø-borgere.txt");
    const auto& document = transcript.document;
    CHECK(document.name == "kommune-ø-borgere");
    CHECK(document.format == "txt");
    CHECK(document.source_name == "kommune-ø-borgere.txt");
    CHECK(document.source_checksum == sha256_hex(bytes));
    CHECK(transcript.encoding == "UTF-8");
    CHECK(transcript.warnings.empty());
    CHECK(document.text == "Fokusgruppe, Kommune Ø\n[00:00:05] Interviewer: Hvad betyder det for børnene?\n"
                           "Borger 2: Det ved jeg ikke.\nMåske noget.");
    CHECK(text::is_nfc(document.text));
    REQUIRE(document.turns.size() == 2);
    CHECK(document.turns[0].speaker == "Interviewer");
    CHECK(document.turns[0].time_ms == 5000);
    CHECK(document.turns[0].span == Span{23, 76});
    CHECK(document.turns[0].body_start == 47);
    CHECK(document.turns[1].speaker == "Borger 2");
    CHECK(document.turns[1].span.end == static_cast<std::int64_t>(text::count_code_points(document.text)));
}

TEST_CASE("warnings about replaced bytes reach the transcript") {
    testing::ScratchDir dir;
    testing::write_file(dir / "brudt.txt", "Interviewer: Hvordan går det?\nBorger 1: Det går \xFF godt.\n");
    TranscriptOptions options;
    options.read.replace_invalid_bytes = true;
    const auto transcript = read_transcript(dir / "brudt.txt", options);
    CHECK(transcript.warnings == std::vector<std::string>{"invalid bytes replaced on line 2"});
    CHECK(transcript.document.turns.size() == 2);
}
