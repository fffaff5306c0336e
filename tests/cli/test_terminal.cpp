// Names are data: a code or coder named with escape sequences is shown
// escaped on a terminal, and written exactly as stored to a file or pipe.
#include <doctest/doctest.h>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sstream>

#include "cli/terminal.h"
#include "cli_runner.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

const std::string clear_screen = "\x1b[2J\x1b[H";
const std::string retitle = "\x1b]0;ejet\x07";

struct TerminalResult {
    int exit_code = -1;
    std::string screen;  // all the terminal received
};

// Runs fokus-cli on a pseudo-terminal, as in a terminal window.
TerminalResult run_on_terminal(const std::vector<std::string>& arguments) {
    int terminal = -1;
    const pid_t child = forkpty(&terminal, nullptr, nullptr, nullptr);
    REQUIRE(child >= 0);
    if (child == 0) {
        std::vector<char*> argv{const_cast<char*>(FOKUS_CLI)};
        for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        execv(FOKUS_CLI, argv.data());
        _exit(127);
    }
    TerminalResult result;
    char buffer[4096];
    while (true) {
        const auto got = read(terminal, buffer, sizeof buffer);
        if (got <= 0) break;  // EIO once the child has closed its side
        result.screen.append(buffer, static_cast<std::size_t>(got));
    }
    int status = 0;
    waitpid(child, &status, 0);
    close(terminal);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace

TEST_CASE("control characters, C1 controls and bidirectional overrides are escaped; Danish letters are not") {
    CHECK(cli::escape_controls("Tryghed" + retitle + " i Ærø") == "Tryghed\\x1b]0;ejet\\x07 i Ærø");
    CHECK(cli::escape_controls("Leder\xc2\x9b" "31m") == "Leder\\u009b31m");
    CHECK(cli::escape_controls("r\xe2\x80\xae" "evig\xe2\x81\xa6") == "r\\u202eevig\\u2066");
    CHECK(cli::escape_controls("linje\tto\nsidste\x7f") == "linje\tto\nsidste\\x7f");
    CHECK(cli::escape_controls("\xe2\x80\x94 og \xc2\xa0") == "\xe2\x80\x94 og \xc2\xa0");  // a dash and a no-break space stay
}

TEST_CASE("a stream split in the middle of a sequence is escaped whole") {
    std::ostringstream out;
    {
        cli::EscapingBuffer escaping(out);
        out << "Kode \xe2";
        out << "\x80";
        out << "\xae slut \x1b";
        out << "[2J";
    }
    CHECK(out.str() == "Kode \\u202e slut \\x1b[2J");
}

TEST_CASE("codes, code and codings show escape sequences in names escaped on a terminal, and exactly in a pipe") {
    testing::ScratchDir dir;
    const auto path = (dir / "studie.fokus").string();
    {
        auto project = Project::create(path);
        testing::add_focus_group(project);
    }
    const std::string code = "Tryghed" + retitle;
    const std::string coder = "Åse" + clear_screen;
    REQUIRE(run_cli(dir, {"codes", path, "add", code}).exit_code == 0);
    const auto coded = run_on_terminal({"--coder", coder, "code", path, "Fokusgruppe Kommune B", code, "--span", "0-20"});
    CHECK(coded.exit_code == 0);
    for (const auto& arguments : {std::vector<std::string>{"codes", path}, std::vector<std::string>{"codings", path}}) {
        CAPTURE(arguments);
        const auto shown = run_on_terminal(arguments);
        CHECK(shown.exit_code == 0);
        CHECK(shown.screen.find('\x1b') == std::string::npos);
        CHECK(shown.screen.find('\x07') == std::string::npos);
        CHECK(shown.screen.find("Tryghed\\x1b]0;ejet\\x07") != std::string::npos);
        if (arguments[0] == "codings") CHECK(shown.screen.find("Åse\\x1b[2J\\x1b[H") != std::string::npos);
    }
    CHECK(coded.screen.find('\x1b') == std::string::npos);
    // An unknown name in a message is escaped too.
    const auto refused = run_on_terminal({"code", path, "Fokusgruppe Kommune B", "Ukendt" + clear_screen, "--span", "0-20"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.screen.find('\x1b') == std::string::npos);
    CHECK(refused.screen.find("Ukendt\\x1b[2J") != std::string::npos);
    // A pipe gets the names as they are stored: output is data there.
    const auto piped = run_cli(dir, {"codings", path});
    CHECK(piped.out.find(code) != std::string::npos);
    CHECK(piped.out.find(coder) != std::string::npos);
}
