#pragma once
// What an open index holds; shared by the files of search/, not part of its interface.
#include <xapian.h>

#include <filesystem>

#include "coding/project.h"
#include "coding/sqlite.h"
#include "search/index.h"

namespace fokus::search {

struct Index::State {
    Project& project;
    std::filesystem::path path;
    Xapian::WritableDatabase db;
    bool rebuilt = false;

    std::int64_t journal_end() { return project.db().scalar_int("SELECT coalesce(max(seq), 0) FROM change_journal"); }

    // `fresh`: the index has nothing of this document yet, so nothing to delete.
    void index_document(Id id, bool fresh = false);
};

}  // namespace fokus::search
