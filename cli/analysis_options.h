#pragma once
// Options shared by the analysis commands: which codes or themes, and which
// segments (documents, coders, document or participant attributes).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "coding/segments.h"

#include <string_view>

namespace fokus::cli {

struct AnalysisOptions {
    std::string path;
    std::vector<std::string> codes;  // names, ids, or theme:NAME; all codable codes when empty
    std::vector<std::string> filters;
    std::vector<std::string> documents;
    std::vector<std::string> coders;
    bool json = false;
    bool csv = false;
    bool without_interviewers = false;

    SegmentFilter filter(Project& project) const;
    std::vector<CodeItem> items(Project& project) const;
};

// Adds PROJECT, --code, --theme, --filter, --document, --coder, --without-interviewers, --json and --csv.
void add_analysis_options(CLI::App& command, AnalysisOptions& options);

// The help of --without-interviewers, the same wherever it is offered.
inline constexpr std::string_view without_interviewers_help =
    "Leave out interviewers' and moderators' turns: speakers whose participant.role is Interviewer, Moderator, "
    "Ordstyrer or Facilitator, or, without a role, whose label is (I, Interviewer 2, Moderatoren ...)";

}  // namespace fokus::cli
