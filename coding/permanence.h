#pragma once
// Changes that must never be undone, such as replacing the names of the
// people in a transcript for sharing or archiving: after one, no original
// value survives anywhere Fokus keeps this project's data.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

class Project;

struct PermanenceReport {
    int steps_removed = 0;  // older steps of the history, which held the originals
    std::vector<std::filesystem::path> files_removed;  // backups and damaged copies made before
    std::filesystem::path new_backup;
    bool log_emptied = true;  // false when another program kept the write-ahead log in use
};

// Runs `change` as one action labelled `label` that cannot be undone. Then:
// every older step of the history goes (their changes and labels hold the
// originals, and none could be undone past this one anyway), the step's own
// changeset is emptied, freed pages are zeroed and the file rewritten
// (secure delete and VACUUM), the write-ahead log is emptied, and the
// backups and damaged copies made before are removed and one new backup made.
// The search index, derived data kept beside the project, is for the caller
// to build anew. Nothing is removed when `change` throws.
PermanenceReport act_permanently(Project& project, std::string_view label, const std::function<void()>& change);

}  // namespace fokus
