#pragma once
// What every command shares: the person acting, and how to open a project.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "coding/project.h"

namespace fokus::cli {

// Exit codes, documented in `fokus-cli --help`.
enum Exit : int {
    ok = 0,
    refused = 1,        // the request was wrong or refused: unknown code, bad span, empty name
    usage = 2,          // the command line itself was wrong
    project_problem = 3,  // missing, not a project, damaged, too new, in use
    file_problem = 4,   // a file could not be read or written, or is malformed
    internal = 5,       // anything else
    partial = 6,        // some items of a batch failed, the rest were done
    hub_problem = 7,    // the hub could not be reached, or would not do what was asked
};

// Thrown after a command has reported its outcome itself, to exit with
// `exit_code`: a batch some of whose items failed (`partial`, or the
// failures' own code when none was done), or a check that found something.
struct ExitAfterReport {
    Exit exit_code = partial;
};

struct Context {
    std::string coder;

    Project open(const std::string& path, bool writable = true) const;
};

// Adds the --json flag every listing command offers.
CLI::Option* add_json_flag(CLI::App& command, bool& json);

void print_json(const nlohmann::json& value);

// The speaker of a unit for people, and in JSON (null): an unlabelled passage
// has none, and is never shown as if someone said it.
inline std::string speaker_text(const std::string& label) { return label.empty() ? "(no speaker)" : label; }
inline nlohmann::json speaker_json(const std::string& label) { return label.empty() ? nlohmann::json() : nlohmann::json(label); }

// Asks on the terminal; false when stdin is not a terminal.
bool confirm(const std::string& question);

void add_project_commands(CLI::App& app, Context& context);
void add_code_commands(CLI::App& app, Context& context);
void add_coding_commands(CLI::App& app, Context& context);
void add_analysis_commands(CLI::App& app, Context& context);
void add_bikva_commands(CLI::App& app, Context& context);
void add_import_commands(CLI::App& app, Context& context);
void add_anonymity_commands(CLI::App& app, Context& context);
void add_search_commands(CLI::App& app, Context& context);
void add_matrix_export_commands(CLI::App& app, Context& context);
void add_backup_commands(CLI::App& app, Context& context);
void add_check_command(CLI::App& app, Context& context);
void add_hub_commands(CLI::App& app, Context& context);
void add_agreement_commands(CLI::App& app, Context& context);
void add_quote_commands(CLI::App& app, Context& context);
void add_exchange_commands(CLI::App& app, Context& context);
void add_word_commands(CLI::App& app, Context& context);
void add_concordance_command(CLI::App& app, Context& context);
void add_transcript_command(CLI::App& app, Context& context);
void add_survey_commands(CLI::App& app, Context& context);
void add_media_commands(CLI::App& app, Context& context);

}  // namespace fokus::cli
