#pragma once
// The workbench's command line, one table read both by the program (its
// --help) and by the tool that writes fokus(1), so the two cannot drift.
// No wx here: the tool is built without it.
#include <span>

namespace fokus::workbench {

struct CommandLineOption {
    const char* name;         // the long name, without dashes
    const char* value;        // the value's placeholder; nullptr for a switch
    const char* description;  // in English; the program shows it translated
};

// The one optional argument, the project to open, as --help names it.
extern const char* const project_argument_description;

std::span<const CommandLineOption> command_line_options();

}  // namespace fokus::workbench
