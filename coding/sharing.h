#pragma once
// A copy of a project to share with a colleague or an archive: only what the
// project holds now, none of what it once held. No undo history (which
// keeps every earlier text), no change journal, no backups, no record of
// where merged items came from, free pages gone; optionally without memos,
// without the coders' names (Coder 1, Coder 2 ...), or without some documents.
// The same choices apply to a REFI-QDA export.
#include <filesystem>
#include <string>
#include <vector>

#include "exchange.h"
#include "types.h"

namespace fokus {

class Project;

struct SharingOptions {
    bool without_memos = false;
    bool anonymous_coders = false;  // "Coder 1", "Coder 2" ..., in the order coders first acted
    std::vector<Id> without_documents;
    // Recordings are personal data: their links (path, checksum) stay behind unless asked for.
    bool with_recordings = false;
};

struct SharingReport {
    int documents_left_out = 0;
    int memos_left_out = 0;
    int coders_renamed = 0;
    int recordings_left_out = 0;
};

// Writes the copy to `target`, which must not exist: whole or not at all.
// The copy's search index is for the caller to build.
SharingReport write_copy_to_share(Project& project, const std::filesystem::path& target, const SharingOptions& options);

// The same choices made on a project on its way out as REFI-QDA.
void prepare_for_sharing(Project& project, ProjectExchange& exchange, const SharingOptions& options);

}  // namespace fokus
