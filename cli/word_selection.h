#pragma once
// The part of the transcripts a word command looks at, from the command line:
// documents, attributes of documents or participants, speakers, the words
// inside a code's codings, and leaving out interviewers.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "search/index.h"

namespace fokus::cli {

struct WordSelectionOptions {
    std::vector<std::string> filters, documents, speakers;
    std::string code;  // words inside its codings: a code, or theme:NAME
    bool without_interviewers = false;

    // Checks every name against the project: a misspelt one would select
    // nothing, and look like a finding.
    search::SearchFilter filter(Project& project) const;
};

void add_word_selection_options(CLI::App& command, WordSelectionOptions& options);

// Checks that some document has a speaker so labelled; NotFoundError else.
void check_speaker_label(Project& project, const std::string& label);

// Checks that the attribute takes each of the condition's values somewhere:
// "participant.role=Leder" where the roles are Afdelingsleder and Teamleder
// would count nothing. NotFoundError naming the values it takes.
void check_attribute_values(Project& project, const AttributeCondition& condition);

// The index beside the project, saying on stderr when it had to be built.
search::Index open_word_index(Project& project);

}  // namespace fokus::cli
