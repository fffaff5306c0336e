#pragma once
// Runs fokus-cli as a user would, capturing its output and exit code.
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "scratch.h"

namespace fokus::testing {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& argument) {
    std::string quoted = "'";
    for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

inline CliResult run_cli(const ScratchDir& dir, const std::vector<std::string>& arguments, const std::string& input = {}) {
    std::string command = shell_quote(FOKUS_CLI);
    for (const auto& argument : arguments) command += " " + shell_quote(argument);
    const auto out = dir / "cli.out";
    const auto err = dir / "cli.err";
    command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
    if (!input.empty()) {
        write_file(dir / "cli.in", input);
        command += " <" + shell_quote((dir / "cli.in").string());
    } else {
        command += " </dev/null";
    }
    const int status = std::system(command.c_str());
    return CliResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

}  // namespace fokus::testing
