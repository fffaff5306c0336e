#pragma once
// The project file's schema: versions, migrations and the marks that tell a
// Fokus project apart from any other SQLite file.
#include <cstdint>

namespace fokus::sql {
class Connection;
}

namespace fokus::schema {

// PRAGMA application_id of every Fokus project ("Foku").
inline constexpr std::int32_t application_id = 0x466F6B75;

// The schema version this build writes and reads.
int current_version();

// Applies each migration after the database's user_version, up to `target`,
// all in one transaction with the version set at the end.
void migrate(sql::Connection& db, int target);

}  // namespace fokus::schema
