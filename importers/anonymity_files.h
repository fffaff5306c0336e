#pragma once
// The deep anonymisation check. The check of the texts sees what the project
// shows; this one reads every file that belongs to a project, byte by byte:
// the project file (free pages and the undo history included), its
// write-ahead log and shared memory, its backups, damaged copies set aside,
// and the search index, for the listed names, CPR and phone numbers and
// e-mail addresses. It is how a researcher makes sure that what they share
// or archive holds no original value.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "importers/anonymity.h"

namespace fokus::importers {

struct StoredFinding {
    std::filesystem::path file;
    FindingKind kind = FindingKind::Name;
    std::string text;  // as found (a name as the search found it, a number as written)
    std::size_t count = 0;  // times in this file
    // In the project file: "in the tables documents, memos", "in the undo
    // history", or "in free pages or old rows" where no row holds it.
    std::string where;
};

// The files that belong to the project: the file itself and every file
// beside it whose name starts with the project's (P.fokus-wal, P.fokus.index/,
// P.fokus.backups/, P.fokus.damaged-...), in name order.
std::vector<std::filesystem::path> project_files(const std::filesystem::path& project);

// Reads each of those files. Names are looked for as written, in lower and
// upper case, and with æ, ø and å spelled out (as the search index folds
// them); numbers and addresses in their usual forms. Only CPR numbers with
// a plausible date count.
std::vector<StoredFinding> check_stored_files(const std::filesystem::path& project, const AnonymityOptions& options);

}  // namespace fokus::importers
