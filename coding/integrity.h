#pragma once
// The full check of a project file: SQLite's own integrity and foreign-key
// checks, the checksum of every document's text, and the code tree; and the
// repair of what can be repaired without losing anything (the code tree).
// Opening a project runs only SQLite's quick check, which misses damage such
// as an index that disagrees with its table or a changed byte of text.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "backup.h"

namespace fokus {

class Project;

namespace sql {
class Connection;
}

struct IntegrityProblem {
    enum class Kind { File, ForeignKey, Text, CodeTree };
    Kind kind = Kind::File;
    std::string subject;  // what is damaged: a table, a document, a code
    std::string problem;
};

struct IntegrityReport {
    std::vector<IntegrityProblem> problems;
    std::optional<backups::Backup> newest_good_backup;  // looked up only when there are problems

    bool clean() const noexcept { return problems.empty(); }
    bool repairable() const noexcept;  // some problems are in the code tree
};

// Reads the project on a connection of its own, read-only: safe beside the
// project being open elsewhere, and on a worker thread. ProjectError when the
// file is missing, not a Fokus project or too new; damage is reported, not thrown.
IntegrityReport check_integrity(const std::filesystem::path& project);

// The names of the documents whose text does not match its stored checksum.
std::vector<std::string> documents_with_changed_text(sql::Connection& db);

struct CodeTreeRepair {
    std::vector<std::string> moved_to_top;  // codes taken out of a loop of parents
    std::vector<std::string> reattached;    // codes whose parent was gone

    bool nothing_done() const noexcept { return moved_to_top.empty() && reattached.empty(); }
};

// Moves every code of a loop of parents, and every code whose parent is gone,
// to the top level, as one undoable action. Nothing is removed.
CodeTreeRepair repair_code_tree(Project& project);

}  // namespace fokus
