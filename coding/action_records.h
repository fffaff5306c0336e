#pragma once
// Translating between this file's rows and action records: an SQLite session
// changeset becomes a list of operations on entities named by GUID or by a
// natural key of GUIDs, and such a list is applied to another copy, whose row
// ids differ. Only sync.cpp uses it.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace fokus::sql {
class Connection;
}

namespace fokus::sync::detail {

using nlohmann::json;

// The operations a changeset made, read after it was applied on `db`:
// {"ops": [{"t": table, "op": "i"|"u"|"d", "k": key, "v": {column: value}, "o": {column: old}}],
//  "coders": {guid: name}}. An old text is kept as its SHA-256 only: it
// serves to notice a concurrent change, and a replaced name
// (pseudonymisation) must not travel.
json operations_of(sql::Connection& db, const void* changeset, int size);

// The field a write to `column` of the entity `key` in `table` is, for versions and conflicts.
std::string entity_name(const std::string& table, const json& key);

// Whether `value` (a field's current value) is what `old` (as kept in "o") says.
bool matches_old(const json& value, const json& old);

// Applies the operations of one remote action (already inside a transaction).
// `seq` orders it against local versions; conflicts are written to sync_conflicts.
struct RemoteContext {
    std::int64_t seq = 0;
    std::string action;
    std::string coder;
};
void apply_operations(sql::Connection& db, const json& record, const RemoteContext& context);

// Local versions of the fields an own action wrote (seq NULL: not yet on the hub).
void note_own_writes(sql::Connection& db, const json& operations, const std::string& action, const std::string& coder);

// Reads and writes one field of an entity, for restoring a conflict's lost value.
std::optional<std::int64_t> find_row(sql::Connection& db, const std::string& table, const json& key);
void write_field(sql::Connection& db, const std::string& table, std::int64_t row, const std::string& column, const json& value);

}  // namespace fokus::sync::detail
