#pragma once
// The command line's reference, written from CLI11's own definitions so that
// the man page and the shell completion can never drift from `--help`: every
// command added to the app appears in them without anything written by hand.
#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "cli/context.h"

namespace fokus::cli {

// fokus-cli(1) as roff, every command and option with its help text.
void write_man_page(const CLI::App& app, const std::string& version, std::ostream& out);

// A bash completion script: commands, options, project files, and the
// document and code names of the project on the line.
void write_bash_completion(const CLI::App& app, std::ostream& out);

// The names the completion offers, one a line: "documents" or "codes".
void write_names(const Context& context, const std::string& kind, const std::string& project, std::ostream& out);

// Handles the hidden reference options (--man, --bash-completion,
// --complete-names KIND PROJECT) before the command line is parsed; the exit
// code when one was given.
std::optional<int> answer_reference_request(const CLI::App& app, const Context& context, int argc, char** argv);

}  // namespace fokus::cli
