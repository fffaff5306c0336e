#pragma once
// Bringing another project's work into this one: another coder's copy of the
// project, or a REFI-QDA project from another tool. Documents are matched by
// their text, codes by GUID and then by name, coders by name, but only with
// what the project held before: items of the one incoming file are never
// matched with each other. What is new is added, what is already here is not
// added twice, and edits that disagree are listed and settled by the user's
// choice, never silently. What this project deleted is not brought back, and
// a document whose names were replaced here does not come back with them.
// One action.
#include <filesystem>
#include <string>
#include <vector>

#include "exchange.h"

namespace fokus {

class Project;

struct MergeOptions {
    std::string source;     // how the other project is named in the report and in the origins kept
    bool dry_run = false;   // report what would change, change nothing
    bool take_theirs = false;  // settle conflicts with the other project's values instead of keeping this one's
};

struct MergeConflict {
    std::string item;   // e.g. code "Motivation": colour
    std::string ours;
    std::string theirs;
    bool took_theirs = false;
};

struct MergeCounts {
    int added = 0;
    int present = 0;  // matched, or identical and so not added again
    int deleted_here = 0;  // deleted in this project since, and so not brought back
    int withheld = 0;      // on a document whose text here has had details replaced (see the notes)
};

struct MergeReport {
    MergeCounts coders, documents, codes, code_sets, participants, attributes, codings, memos, links;
    // Merged only from a Fokus project: REFI-QDA has no place for them.
    MergeCounts quote_sets, quotes, condensations;
    std::vector<MergeConflict> conflicts;
    std::vector<std::string> notes;  // near-matches to review, items left out and why
    bool dry_run = false;

    bool changes_anything() const;
};

MergeReport merge_exchange(Project& project, const ProjectExchange& other, const MergeOptions& options);

// A .fokus project file merged into this one (the other file is only read).
MergeReport merge_project_file(Project& project, const std::filesystem::path& other, const MergeOptions& options);

}  // namespace fokus
