#pragma once
// Damage as a disk or another program leaves it: bytes of a closed project
// file changed in place, inside the page of one table or index, so that
// SQLite still opens and reads the file.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "coding/sqlite.h"
#include "scratch.h"

namespace fokus::testing {

struct PageLocation {
    std::int64_t offset = 0;  // of the page in the file
    std::int64_t size = 0;
};

// The root page of a table or index of a closed project; a small table's only page.
inline PageLocation root_page_of(const std::filesystem::path& project, const std::string& table_or_index) {
    std::int64_t root_page = 0;
    {
        sql::Connection db(project.string(), sql::Connection::Mode::ReadOnly);
        auto root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = ?");
        root.bind_all(table_or_index);
        REQUIRE(root.step());
        root_page = root.int64(0);
    }
    // The page size is the big-endian 16-bit number at offset 16 of the header; 1 stands for 65536.
    const std::string header = read_file(project).substr(0, 100);
    REQUIRE(header.rfind("SQLite format 3", 0) == 0);
    std::int64_t page_size = (static_cast<unsigned char>(header[16]) << 8) | static_cast<unsigned char>(header[17]);
    if (page_size == 1) page_size = 65536;
    return PageLocation{(root_page - 1) * page_size, page_size};
}

// Replaces the first `from` inside the root page of `table_or_index` with
// `to`, of the same length, in the file itself.
inline void change_bytes_in_page(const std::filesystem::path& project, const std::string& table_or_index,
                                 const std::string& from, const std::string& to) {
    REQUIRE(from.size() == to.size());
    // Every page is in the file itself, none waiting in a write-ahead log.
    const std::filesystem::path log(project.string() + "-wal");
    REQUIRE((!std::filesystem::exists(log) || std::filesystem::file_size(log) == 0));
    const auto page = root_page_of(project, table_or_index);
    std::string bytes = read_file(project);
    REQUIRE(static_cast<std::int64_t>(bytes.size()) >= page.offset + page.size);
    const auto at = bytes.substr(static_cast<std::size_t>(page.offset), static_cast<std::size_t>(page.size)).find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the page of " << table_or_index << ": " << from);
    bytes.replace(static_cast<std::size_t>(page.offset) + at, to.size(), to);
    write_file(project, bytes);
}

// Codes "Ærlighed" and "Åbenhed", each the other's parent, the first also in
// the theme "Tillid": set by SQL, as only a damaged file could have them.
inline void make_loop_of_parents(const std::filesystem::path& project) {
    sql::Connection db(project.string(), sql::Connection::Mode::ReadWrite);
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec("INSERT INTO codes(guid, parent_id, name, color, position) VALUES "
            "('0b8e5a2c-1111-4c6f-9a53-000000000001', NULL, 'Ærlighed', '#1F77B4', 100), "
            "('0b8e5a2c-1111-4c6f-9a53-000000000002', NULL, 'Åbenhed', '#D62728', 101)");
    db.exec("UPDATE codes SET parent_id = (SELECT id FROM codes WHERE name = 'Åbenhed') WHERE name = 'Ærlighed'");
    db.exec("UPDATE codes SET parent_id = (SELECT id FROM codes WHERE name = 'Ærlighed') WHERE name = 'Åbenhed'");
    db.exec("INSERT INTO code_sets(guid, name) VALUES ('0b8e5a2c-2222-4c6f-9a53-000000000003', 'Tillid')");
    db.exec("INSERT INTO code_set_members(set_id, code_id, position) SELECT s.id, c.id, 0 FROM code_sets s, codes c "
            "WHERE s.name = 'Tillid' AND c.name = 'Ærlighed'");
}

}  // namespace fokus::testing
