#pragma once
// A fingerprint of every row of every table of a project, to show that a
// refused change left the project exactly as it was.
#include <set>
#include <string>

#include "coding/identity.h"
#include "coding/project.h"
#include "coding/sqlite.h"

namespace fokus::testing {

// Tables that record that something happened rather than what the project holds.
inline const std::set<std::string> bookkeeping = {"undo_log", "change_journal", "sqlite_sequence"};

inline std::string table_contents(Project& project, const std::set<std::string>& skip = {}) {
    auto& db = project.db();
    std::vector<std::string> tables;
    auto list = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (list.step()) {
        if (!skip.count(list.text(0))) tables.push_back(list.text(0));
    }
    std::string dump;
    for (const auto& table : tables) {
        std::string row_sql;
        auto columns = db.prepare("SELECT name FROM pragma_table_info(?)");
        columns.bind_all(table);
        while (columns.step()) row_sql += (row_sql.empty() ? "" : " || '|' || ") + ("quote(\"" + columns.text(0) + "\")");
        dump += "== " + table + "\n";
        auto rows = db.prepare("SELECT " + row_sql + " FROM \"" + table + "\" ORDER BY rowid");
        while (rows.step()) dump += rows.text(0) + "\n";
    }
    return dump;
}

inline std::string tables_checksum(Project& project) { return sha256_hex(table_contents(project)); }

}  // namespace fokus::testing
