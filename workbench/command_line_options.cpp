#include "workbench/command_line_options.h"

// Marks the strings for xgettext (scripts/update-translations) without
// needing wx, which defines the same macro the same way.
#ifndef wxTRANSLATE
#define wxTRANSLATE(text) text
#endif

namespace fokus::workbench {

const char* const project_argument_description = wxTRANSLATE("project");

std::span<const CommandLineOption> command_line_options() {
    static const CommandLineOption options[] = {
        {"lang", "LANGUAGE", wxTRANSLATE("the language of the interface: da or en (default: the system's)")},
        {"script", "FILE", wxTRANSLATE("run the commands of a script file (for tests)")},
        {"help", nullptr, wxTRANSLATE("show this help")},
    };
    return options;
}

}  // namespace fokus::workbench
