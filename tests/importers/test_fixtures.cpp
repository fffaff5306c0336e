// The fixture files of tests/data/importers: one exchange in five formats.
#include <doctest/doctest.h>

#include "coding/text.h"
#include "importers/transcript.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

const std::filesystem::path fixtures = std::filesystem::path(FOKUS_TEST_DATA) / "importers";

std::string body_of(const NewDocument& document, const NewTurn& turn) {
    const text::OffsetMap map(document.text);
    const auto from = map.byte_of(static_cast<std::size_t>(turn.body_start));
    return document.text.substr(from, map.byte_of(static_cast<std::size_t>(turn.span.end)) - from);
}

}  // namespace

TEST_CASE("the .docx and .odt fixtures: title, bold labels, running speech with a colon, timestamp") {
    for (const char* name : {"samtale.docx", "samtale.odt"}) {
        CAPTURE(name);
        const auto document = read_transcript(fixtures / name).document;
        CHECK(text::is_nfc(document.text));
        CHECK(document.text ==
              "Fokusgruppe med rådgivere, Kommune Ø\n"
              "Interviewer: Hvordan oplever I medarbejderomsætningen?\n"
              "Rådgiver 1: Det er sådan: vi mister de erfarne kolleger, og børnene mærker det.\n"
              "Det er svært at nå det hele.\n"
              "[00:12:34] Leder (Kommune C): Vi ansætter to nye i år.");
        REQUIRE(document.turns.size() == 3);
        CHECK(document.turns[0].span.start == 37);
        CHECK(document.turns[1].speaker == "Rådgiver 1");
        CHECK(body_of(document, document.turns[1]) ==
              "Det er sådan: vi mister de erfarne kolleger, og børnene mærker det.\nDet er svært at nå det hele.");
        CHECK(document.turns[2].speaker == "Leder (Kommune C)");
        CHECK(document.turns[2].time_ms == 754000);
    }
}

TEST_CASE("the .vtt and .srt fixtures: one turn per speaker, timed by its first cue") {
    for (const char* name : {"samtale.vtt", "samtale.srt"}) {
        CAPTURE(name);
        const auto document = read_transcript(fixtures / name).document;
        REQUIRE(document.turns.size() == 3);
        CHECK(document.turns[0].speaker == "Interviewer");
        CHECK(document.turns[0].time_ms == 1000);
        CHECK(document.turns[1].speaker == "Rådgiver 1");
        CHECK(document.turns[1].time_ms == 5000);
        CHECK(body_of(document, document.turns[1]) == "Det er sådan: vi mister de erfarne kolleger, og børnene mærker det.");
        CHECK(document.turns[2].speaker == "Leder (Kommune C)");
        CHECK(document.turns[2].time_ms == 754000);
    }
    CHECK(read_transcript(fixtures / "samtale.vtt").document.text.find("i år & næste år.") != std::string::npos);
}

TEST_CASE("the .pdf fixture: the hyphenated compound joined, Danish letters from WinAnsi") {
    const auto document = read_transcript(fixtures / "samtale.pdf").document;
    CHECK(document.format == "pdf");
    CHECK(document.text == "Rådgiver 1: Vi taler om medarbejderomsætning og børnenes trivsel på Ærø.");
    REQUIRE(document.turns.size() == 1);
    CHECK(document.turns[0].speaker == "Rådgiver 1");
}

TEST_CASE("a report's headings, notes and captions ending in a colon are no speakers, in .txt and .docx") {
    for (const char* name : {"rapport-regioner.txt", "rapport-regioner.docx"}) {
        CAPTURE(name);
        const auto document = read_transcript(fixtures / name).document;
        CHECK(document.turns.empty());
        for (const char* line : {"Region: Nordjylland", "Anm.: Tre kommuner", "Myndighed: Region Sjælland",
                                 "Befolkningstal: 592.000", "Tabel 3: Antal forebyggende", "Kilde: Egne beregninger"}) {
            CHECK_MESSAGE(document.text.find(line) != std::string::npos, line);
        }
    }
    // Read with detection off, a transcript has no speakers either.
    TranscriptOptions off;
    off.turns.detection = SpeakerDetection::Off;
    CHECK(read_transcript(fixtures / "samtale.docx", off).document.turns.empty());
}
