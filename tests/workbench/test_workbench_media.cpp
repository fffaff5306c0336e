// A recording beside its transcript, played in the real workbench under
// Xvfb. The speech is real: espeak-ng speaks each turn of a Danish focus
// group, sox joins the turns with known pauses (so every turn's true start is
// known to the sample), ffmpeg makes an MP4 of it, and the transcript is
// WebVTT with those times. GStreamer plays it through a sink that keeps time
// without sound, as there is no sound card here.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli_runner.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/history.h"
#include "coding/project.h"
#include "scratch.h"

using namespace fokus;

namespace {

const std::vector<std::pair<std::string, std::string>> turns = {
    {"Interviewer", "Velkommen til alle sammen. Hvad betyder samarbejdet med kommunen for jer?"},
    {"Borger 1", "Jeg synes, det er blevet bedre, siden vi fik én fast rådgiver."},
    {"Borger 2", "For mig er det stadig svært. Man føler sig lille over for systemet."},
    {"Interviewer", "Kan du fortælle lidt mere om det?"},
    {"Borger 2", "Ja. Når jeg ringer, er der aldrig nogen, der kender min sag på Ærø."},
    {"Borger 3", "Det kan jeg genkende. Vi skal forklare det hele forfra hver gang."},
    {"Borger 1", "Men det hjælper, når rådgiveren tager sig tid til at lytte."},
    {"Interviewer", "Tak. Hvad ville gøre den største forskel for jer?"},
    {"Borger 3", "At blive hørt, og at nogen følger op på det, de har lovet."},
};

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The number of samples in a WAV file, read from its header by sox's soxi.
long samples_of(const testing::ScratchDir& dir, const std::filesystem::path& wav) {
    const auto out = dir / "samples.txt";
    REQUIRE(run("soxi -s " + testing::shell_quote(wav.string()) + " >" + testing::shell_quote(out.string())) == 0);
    return std::stol(testing::read_file(out));
}

std::string vtt_time(long ms) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02ld:%02ld:%02ld.%03ld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
    return buffer;
}

struct MediaLine {
    long position_ms = 0;
    int followed_turn = 0;
};

std::vector<MediaLine> media_lines(const std::string& log) {
    std::vector<MediaLine> lines;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("media-position\t", 0) != 0) continue;
        std::istringstream fields(line.substr(15));
        MediaLine parsed;
        fields >> parsed.position_ms >> parsed.followed_turn;
        lines.push_back(parsed);
    }
    return lines;
}

}  // namespace

TEST_CASE("a spoken focus group plays from turn 5 at its true start, and the transcript follows it to turn 7") {
    testing::ScratchDir dir;
    const int rate = 22050;
    const auto folder = dir / "optagelser";
    std::filesystem::create_directories(folder);
    // Speech for each turn, and silences: 1 s before the first turn, then pauses of 0.6, 0.7, 0.8 ... s.
    std::string joined = testing::shell_quote((dir / "lead.wav").string());
    REQUIRE(run("sox -r 22050 -c 1 -b 16 -n " + joined + " trim 0 22050s") == 0);
    std::vector<long> starts_ms;
    long at_samples = rate;  // after the lead
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const auto speech = dir / ("turn-" + std::to_string(i + 1) + ".wav");
        const auto pause = dir / ("pause-" + std::to_string(i + 1) + ".wav");
        REQUIRE(run("espeak-ng -v da -w " + testing::shell_quote(speech.string()) + " " + testing::shell_quote(turns[i].second)) == 0);
        // espeak-ng writes 22050 Hz mono; sox makes sure of it.
        REQUIRE(run("sox " + testing::shell_quote(speech.string()) + " -r 22050 -c 1 -b 16 " + testing::shell_quote((speech.string() + ".norm.wav")) ) == 0);
        const long pause_samples = rate * (6 + static_cast<long>(i)) / 10;
        REQUIRE(run("sox -r 22050 -c 1 -b 16 -n " + testing::shell_quote(pause.string()) + " trim 0 " + std::to_string(pause_samples) + "s") == 0);
        starts_ms.push_back(at_samples * 1000 / rate);
        at_samples += samples_of(dir, speech.string() + ".norm.wav") + pause_samples;
        joined += " " + testing::shell_quote(speech.string() + ".norm.wav") + " " + testing::shell_quote(pause.string());
    }
    const auto wav = dir / "samlet.wav";
    REQUIRE(run("sox " + joined + " " + testing::shell_quote(wav.string())) == 0);
    REQUIRE(samples_of(dir, wav) == at_samples);
    REQUIRE(run("ffmpeg -nostdin -loglevel error -y -i " + testing::shell_quote(wav.string()) + " -c:a aac -b:a 96k " +
                testing::shell_quote((folder / "borgere-ærø.mp4").string())) == 0);
    std::string vtt = "WEBVTT\n\n";
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const long end = i + 1 < turns.size() ? starts_ms[i + 1] - 300 : at_samples * 1000 / rate;
        vtt += vtt_time(starts_ms[i]) + " --> " + vtt_time(end) + "\n<v " + turns[i].first + ">" + turns[i].second + "\n\n";
    }
    testing::write_file(folder / "borgere-ærø.vtt", vtt);

    const auto project = (dir / "lyd.fokus").string();
    REQUIRE(testing::run_cli(dir, {"new", project}).exit_code == 0);
    REQUIRE(testing::run_cli(dir, {"import", project, folder.string()}).exit_code == 0);
    REQUIRE(testing::run_cli(dir, {"media", project, "--json"}).out.find("optagelser/borgere-ærø.mp4") != std::string::npos);

    // From turn 5; then on, past the start of turn 7.
    const long seventh = starts_ms[6] + 400;
    // Coded before, and corrected while it plays: the coding keeps to its words.
    testing::write_file(dir / "steps.script", "open borgere-ærø\nselect min sag på Ærø\nkey 1\nplay-from-turn 5\nwait-for-media " +
                                                 std::to_string(seventh) + "\nselect sag\ncorrect sagsbehandler\nmedia-position\npause-media\nquit\n");
    const auto log_path = dir / "workbench.log";
    const std::string command =
        "GST_PLUGIN_FEATURE_RANK=pulsesink:NONE,alsasink:NONE,pipewiresink:NONE,jackaudiosink:NONE,osssink:NONE,oss4sink:NONE,openalsink:NONE "
        "FOKUS_NO_DIALOGS=1 FOKUS_CODER=Testkoder xvfb-run -a -s '-screen 0 1280x800x24' " +
        testing::shell_quote(FOKUS_WORKBENCH) + " --script " + testing::shell_quote((dir / "steps.script").string()) + " " +
        testing::shell_quote(project) + " >" + testing::shell_quote(log_path.string()) + " 2>&1";
    CHECK(run(command) == 0);
    const auto log = testing::read_file(log_path);
    INFO(log);
    const auto lines = media_lines(log);
    REQUIRE(lines.size() == 3);
    MESSAGE("turn 5 starts at " << starts_ms[4] << " ms; the workbench reported " << lines[0].position_ms << " ms");
    CHECK(std::labs(lines[0].position_ms - starts_ms[4]) <= 250);
    CHECK(lines[0].followed_turn == 5);
    CHECK(lines[1].position_ms >= seventh);
    CHECK(lines[1].position_ms < starts_ms[7]);
    CHECK(lines[1].followed_turn == 7);
    CHECK(lines[2].position_ms > lines[1].position_ms);  // the correction did not stop the recording
    CHECK(log.find("script: failed") == std::string::npos);
    auto opened = Project::open(project);
    const auto codings = CodingStore(opened).list();
    REQUIRE(codings.size() == 1);
    CHECK(DocumentStore(opened).excerpt(codings[0].document, codings[0].span) == "min sagsbehandler på Ærø");
    CHECK(History(opened).next_undo()->label == "edit the text of \"borgere-ærø\"");
}
