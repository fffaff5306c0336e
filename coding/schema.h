#pragma once
// The project file's schema: versions, migrations and the marks that tell a
// Fokus project apart from any other SQLite file.
#include <cstdint>
#include <filesystem>

namespace fokus::sql {
class Connection;
}

namespace fokus::schema {

// PRAGMA application_id of every Fokus project ("Foku").
inline constexpr std::int32_t application_id = 0x466F6B75;

// What a file's header says, read from its first 100 bytes without SQLite,
// which would take locks, could make a -wal beside a file it does not own,
// and may not get to the header of a file damaged further on.
struct FileHeader {
    bool sqlite = false;  // "SQLite format 3"
    std::uint32_t application_id = 0;
    std::uint32_t user_version = 0;
    std::uint32_t page_size = 0;
    // Pages in the file by the header, when its writer kept that count (0 if not).
    std::uint32_t page_count = 0;
    bool fokus() const { return sqlite && application_id == static_cast<std::uint32_t>(schema::application_id); }
};
FileHeader read_header(const std::filesystem::path& path);

// The row of project_info that a program opening the project for changes
// writes, and removes when it closes it. Found with no such program running,
// it says the last one ended without closing the project (a crash, a kill, a
// power cut), and the file is checked as it opens.
inline constexpr const char* open_for_changes_key = "open_for_changes";

// The schema version this build writes and reads.
int current_version();

// Applies each migration after the database's user_version, up to `target`,
// all in one transaction with the version set at the end.
void migrate(sql::Connection& db, int target);

}  // namespace fokus::schema
