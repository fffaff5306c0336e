// fokus-cli media: recordings found beside transcripts or named in the
// manifest, linked by hand, listed, found again after a move; turn times.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>

#include "cli_runner.h"

using namespace fokus;
using testing::run_cli;

namespace {

// A mono 16-bit PCM WAV of `milliseconds` of a quiet tone at 16 kHz, written
// byte by byte, so its duration is known without any audio library.
void write_wav(const std::filesystem::path& path, int milliseconds) {
    const std::uint32_t rate = 16000;
    const std::uint32_t samples = rate * static_cast<std::uint32_t>(milliseconds) / 1000;
    std::string bytes;
    auto u32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) bytes += static_cast<char>((v >> (8 * i)) & 0xFF); };
    auto u16 = [&](std::uint16_t v) { bytes += static_cast<char>(v & 0xFF); bytes += static_cast<char>(v >> 8); };
    bytes += "RIFF";
    u32(36 + samples * 2);
    bytes += "WAVEfmt ";
    u32(16), u16(1), u16(1), u32(rate), u32(rate * 2), u16(2), u16(16);
    bytes += "data";
    u32(samples * 2);
    for (std::uint32_t i = 0; i < samples; ++i) u16(static_cast<std::uint16_t>((i / 20) % 2 ? 300 : -300));
    testing::write_file(path, bytes);
}

const char* const vtt =
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:02.000\n<v Interviewer>Hvordan oplever I samarbejdet?\n\n"
    "00:00:02.500 --> 00:00:03.200\n<v Rådgiver 1>Det er blevet bedre på Ærø.\n";

}  // namespace

TEST_CASE("a recording beside a transcript is linked at import, listed, and found again after a move") {
    testing::ScratchDir dir;
    std::filesystem::create_directories(dir / "indsamling");
    testing::write_file(dir / "indsamling" / "møde-ø.vtt", vtt);
    write_wav(dir / "indsamling" / "møde-ø.wav", 3500);
    const auto project = (dir / "studie.fokus").string();
    REQUIRE(run_cli(dir, {"new", project}).exit_code == 0);
    const auto imported = run_cli(dir, {"import", project, (dir / "indsamling").string()});
    REQUIRE(imported.exit_code == 0);
    auto listed = nlohmann::json::parse(run_cli(dir, {"media", project, "--json"}).out);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["document"] == "møde-ø");
    CHECK(listed[0]["path"] == "indsamling/møde-ø.wav");
    CHECK(listed[0]["kind"] == "audio");
    CHECK(listed[0]["duration_ms"] == 3500);
    CHECK(listed[0]["present"] == true);
    const auto times = nlohmann::json::parse(run_cli(dir, {"media", project, "møde-ø", "--json"}).out);
    REQUIRE(times["turns"].size() == 2);
    CHECK(times["turns"][1]["time_ms"] == 2500);
    CHECK(times["turns"][1]["speaker"] == "Rådgiver 1");

    // Moved, under another name: found by its checksum.
    std::filesystem::create_directories(dir / "arkiv" / "2026");
    std::filesystem::rename(dir / "indsamling" / "møde-ø.wav", dir / "arkiv" / "2026" / "optagelse.wav");
    CHECK(nlohmann::json::parse(run_cli(dir, {"media", project, "--json"}).out)[0]["present"] == false);
    const auto found = run_cli(dir, {"media", project, "--find", (dir / "arkiv").string()});
    CHECK(found.exit_code == 0);
    CHECK(found.out == "Found the recording of \"møde-ø\"\n");
    listed = nlohmann::json::parse(run_cli(dir, {"media", project, "--json"}).out);
    CHECK(listed[0]["path"] == "arkiv/2026/optagelse.wav");
    CHECK(listed[0]["present"] == true);

    // A sync point, and the time of a place between it and the next turn.
    CHECK(run_cli(dir, {"media", project, "møde-ø", "--sync", "10@00:00:01.600"}).exit_code == 0);
    const auto at = nlohmann::json::parse(run_cli(dir, {"media", project, "møde-ø", "--time-at", "0", "--json"}).out);
    CHECK(at["time_ms"] == 1000);
    // Position 5 lies halfway between the turn at 0 (1 s) and the sync point at 10 (1.6 s).
    CHECK(nlohmann::json::parse(run_cli(dir, {"media", project, "møde-ø", "--time-at", "5", "--json"}).out)["time_ms"] == 1300);
    // A coding carries the time its words are heard.
    REQUIRE(run_cli(dir, {"code", project, "møde-ø", "Motivation", "--span", "5-9"}).exit_code == 0);
    const auto codings = nlohmann::json::parse(run_cli(dir, {"codings", project, "--json"}).out);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["time_ms"] == 1300);
    CHECK(run_cli(dir, {"media", project, "møde-ø", "--sync", "ti@1:00"}).exit_code == 1);
    // A copy to share leaves the recording's link behind unless asked for.
    const auto shared = run_cli(dir, {"share", project, (dir / "deling.fokus").string()});
    CHECK(shared.out.find("; left out the links to 1 recordings") != std::string::npos);
    CHECK(nlohmann::json::parse(run_cli(dir, {"media", (dir / "deling.fokus").string(), "--json"}).out).empty());
    REQUIRE(run_cli(dir, {"share", project, (dir / "med-lyd.fokus").string(), "--with-recordings"}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"media", (dir / "med-lyd.fokus").string(), "--json"}).out).size() == 1);
    CHECK(run_cli(dir, {"media", project, "møde-ø", "--unlink"}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"media", project, "--json"}).out).empty());
}

TEST_CASE("the manifest's recording column links a recording by hand-given path; a file that is not one is refused") {
    testing::ScratchDir dir;
    std::filesystem::create_directories(dir / "tekster");
    std::filesystem::create_directories(dir / "lyd");
    testing::write_file(dir / "tekster" / "gruppe-1.txt", "[00:00:01] Interviewer: Velkommen.\n[00:00:04] Borger 1: Tak, det er rart at være her.\n");
    write_wav(dir / "lyd" / "gr1-optagelse.wav", 6000);
    testing::write_file(dir / "manifest.csv", "file,municipality,recording\ngruppe-1.txt,Kommune Ø,lyd/gr1-optagelse.wav\n");
    const auto project = (dir / "p.fokus").string();
    REQUIRE(run_cli(dir, {"new", project}).exit_code == 0);
    REQUIRE(run_cli(dir, {"import", project, (dir / "tekster").string(), "--manifest", (dir / "manifest.csv").string()}).exit_code == 0);
    const auto listed = nlohmann::json::parse(run_cli(dir, {"media", project, "--json"}).out);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["path"] == "lyd/gr1-optagelse.wav");
    CHECK(listed[0]["duration_ms"] == 6000);
    const auto info = nlohmann::json::parse(run_cli(dir, {"info", project, "--json"}).out);
    CHECK_FALSE(info["documents"][0]["attributes"].contains("recording"));
    const auto times = nlohmann::json::parse(run_cli(dir, {"media", project, "gruppe-1", "--json"}).out);
    REQUIRE(times["turns"].size() == 2);
    CHECK(times["turns"][1]["time_ms"] == 4000);

    testing::write_file(dir / "noter.wav", "ikke lyd, kun tekst om Ærø");
    const auto refused = run_cli(dir, {"media", project, "gruppe-1", (dir / "noter.wav").string()});
    CHECK(refused.exit_code == 4);
    CHECK(refused.err.find("noter.wav") != std::string::npos);
    CHECK(nlohmann::json::parse(run_cli(dir, {"media", project, "--json"}).out)[0]["path"] == "lyd/gr1-optagelse.wav");
    write_wav(dir / "ny.wav", 2000);
    const auto linked = run_cli(dir, {"media", project, "gruppe-1", (dir / "ny.wav").string()});
    CHECK(linked.exit_code == 0);
    CHECK(linked.out == "Linked ny.wav (audio, 00:00:02) to \"gruppe-1\"\n");
}
