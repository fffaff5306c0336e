#include <doctest/doctest.h>

#include "coding/error.h"
#include "importers/importer.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

ReadResult read_named(const std::string& name, const std::string& content) {
    testing::ScratchDir dir;
    testing::write_file(dir / name, content);
    return read_file(dir / name);
}

}  // namespace

TEST_CASE("WebVTT: voices, consecutive cues of one speaker merged with the first cue's time") {
    const auto vtt = read_named("møde.vtt",
                                "WEBVTT - Teams\n\nNOTE optaget i Teams\nover to linjer\n\n1\n00:00:01.000 --> 00:00:04.000\n"
                                "<v Teamleder 1>Vi har haft stor udskiftning.</v>\n\n00:00:04.500 --> 00:00:08.000 line:90%\n"
                                "<v Teamleder 1>Især blandt de <c.gul>nyuddannede</c>.</v>\n\n"
                                "01:09.000 --> 01:12.000\n<v.loud Moderator><i>Hvorfor</i> tror I det &amp; hvad gør I?</v>\n\n"
                                "01:00:00.250 --> 01:00:03.000\n<v Teamleder 1>Det er løn &lt;og&gt; sagstal.\n");
    CHECK(vtt.format == "vtt");
    REQUIRE(vtt.paragraphs.size() == 3);
    CHECK(vtt.paragraphs[0].text == "Teamleder 1: Vi har haft stor udskiftning. Især blandt de nyuddannede.");
    CHECK(vtt.paragraphs[0].voice == "Teamleder 1");
    CHECK(vtt.paragraphs[0].time_ms == 1000);
    CHECK(vtt.paragraphs[1].text == "Moderator: Hvorfor tror I det & hvad gør I?");
    CHECK(vtt.paragraphs[1].time_ms == 69000);
    CHECK(vtt.paragraphs[2].text == "Teamleder 1: Det er løn <og> sagstal.");
    CHECK(vtt.paragraphs[2].time_ms == 3600250);
}

TEST_CASE("SubRip: numbered cues; a label in the cue text is the voice, running speech is not") {
    const auto srt = read_named("møde.srt",
                                "1\r\n00:00:01,000 --> 00:00:03,000\r\nRådgiver 2: Vi får sparring.\r\n\r\n2\r\n"
                                "00:00:03,500 --> 00:00:05,000\r\nRådgiver 2: Hver uge.\r\n\r\n3\r\n00:00:06,000 --> 00:00:08,000\r\n"
                                "Det er sådan: vi mødes om tirsdagen.\r\n\r\n4\r\n00:00:09,000 --> 00:00:10,000\r\nI: Og lederen?\r\n");
    CHECK(srt.format == "srt");
    REQUIRE(srt.paragraphs.size() == 3);
    CHECK(srt.paragraphs[0].text == "Rådgiver 2: Vi får sparring. Hver uge.");
    CHECK(srt.paragraphs[0].time_ms == 1000);
    CHECK(srt.paragraphs[1].voice.empty());
    CHECK(srt.paragraphs[1].text == "Det er sådan: vi mødes om tirsdagen.");
    CHECK(srt.paragraphs[2].voice == "I");
    CHECK(srt.paragraphs[2].time_ms == 9000);
}

TEST_CASE("subtitle files that break the format are refused naming the line") {
    CHECK_THROWS_WITH_AS(read_named("brudt.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej på Ærø.\n\nløs tekst uden tid\n"),
                         doctest::Contains("brudt.vtt: line 6 should start a cue"), FormatError);
    CHECK_THROWS_WITH_AS(read_named("ingen-hoved.vtt", "00:00:01.000 --> 00:00:02.000\nHej på Ærø.\n"),
                         doctest::Contains("is named .vtt but does not start with WEBVTT"), FormatError);
}
