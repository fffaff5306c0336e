#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "action_records.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "error.h"
#include "identity.h"
#include "sqlite.h"
#include "sync.h"

namespace fokus::sync::detail {
namespace {

// What a table looks like to the sync, read from the schema itself, so that
// tables added by later versions sync without being listed here.
struct TableShape {
    std::string name;
    std::vector<std::string> columns;
    int rowid_column = -1;                           // an INTEGER PRIMARY KEY, local to this file
    std::map<std::string, std::string> references;  // column → table it points into
    enum class Identity { Guid, Natural, Whole } identity = Identity::Whole;
    std::vector<std::string> key_columns;  // Natural and Whole: the columns that name a row

    int index_of(const std::string& column) const {
        const auto found = std::find(columns.begin(), columns.end(), column);
        return found == columns.end() ? -1 : static_cast<int>(found - columns.begin());
    }
};

// A condensation is its cell, whose unique index is on expressions (coalesce)
// that the index pragmas do not name.
const std::map<std::string, std::vector<std::string>>& natural_keys_by_hand() {
    static const std::map<std::string, std::vector<std::string>> keys{
        {"condensations", {"code_id", "document_id", "attribute_name", "attribute_value"}}};
    return keys;
}

class RawStatement {
public:
    RawStatement(sql::Connection& db, const std::string& text) : db_(db) {
        if (const int rc = sqlite3_prepare_v2(db.handle(), text.c_str(), -1, &stmt_, nullptr); rc != SQLITE_OK) {
            db.fail("preparing " + text, rc);
        }
    }
    ~RawStatement() { sqlite3_finalize(stmt_); }
    RawStatement(const RawStatement&) = delete;
    RawStatement& operator=(const RawStatement&) = delete;
    sqlite3_stmt* get() const { return stmt_; }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        db_.fail(std::string("running ") + sqlite3_sql(stmt_), rc);
    }
    // Steps to completion; returns the result code so that a caller may refuse a constraint itself.
    int run_allowing_constraint() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_DONE || (rc & 0xFF) == SQLITE_CONSTRAINT) return rc;
        db_.fail(std::string("running ") + sqlite3_sql(stmt_), rc);
    }

private:
    sql::Connection& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

std::string quoted(const std::string& identifier) {
    std::string result = "\"";
    for (const char c : identifier) result += c == '"' ? std::string("\"\"") : std::string(1, c);
    return result + "\"";
}

class Shapes {
public:
    explicit Shapes(sql::Connection& db) : db_(db) {}

    const TableShape& of(const std::string& table) {
        if (const auto found = shapes_.find(table); found != shapes_.end()) return found->second;
        TableShape shape;
        shape.name = table;
        std::vector<std::pair<int, std::string>> primary_key;
        {
            auto info = db_.prepare("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid");
            info.bind_all(table);
            while (info.step()) {
                shape.columns.push_back(info.text(0));
                if (info.int64(2) > 0) primary_key.emplace_back(static_cast<int>(info.int64(2)), info.text(0));
                std::string type = info.text(1);
                std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::toupper(c); });
                if (info.int64(2) == 1 && type == "INTEGER") shape.rowid_column = static_cast<int>(shape.columns.size()) - 1;
            }
        }
        if (shape.columns.empty()) throw Error("an action names the table \"" + table + "\", which this project does not have");
        if (primary_key.size() != 1) shape.rowid_column = -1;
        std::sort(primary_key.begin(), primary_key.end());
        {
            auto keys = db_.prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
            keys.bind_all(table);
            while (keys.step()) shape.references[keys.text(0)] = keys.text(1);
        }
        if (shape.index_of("guid") >= 0) {
            shape.identity = TableShape::Identity::Guid;
        } else if (const auto by_hand = natural_keys_by_hand().find(table); by_hand != natural_keys_by_hand().end()) {
            shape.identity = TableShape::Identity::Natural;
            shape.key_columns = by_hand->second;
        } else if (shape.rowid_column < 0 && !primary_key.empty()) {
            shape.identity = TableShape::Identity::Natural;
            for (const auto& [order, column] : primary_key) shape.key_columns.push_back(column);
        } else if (auto unique = unique_columns(table); !unique.empty()) {
            shape.identity = TableShape::Identity::Natural;
            shape.key_columns = std::move(unique);
        } else {
            for (int column = 0; column < static_cast<int>(shape.columns.size()); ++column) {
                if (column != shape.rowid_column) shape.key_columns.push_back(shape.columns[static_cast<std::size_t>(column)]);
            }
        }
        return shapes_.emplace(table, std::move(shape)).first->second;
    }

private:
    // The columns of the table's first unique index on plain columns.
    std::vector<std::string> unique_columns(const std::string& table) {
        auto indexes = db_.prepare("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 ORDER BY seq DESC");
        indexes.bind_all(table);
        while (indexes.step()) {
            std::vector<std::string> columns;
            bool plain = true;
            auto info = db_.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno");
            info.bind_all(indexes.text(0));
            while (info.step()) {
                if (info.is_null(0)) plain = false;
                else columns.push_back(info.text(0));
            }
            if (plain && !columns.empty()) return columns;
        }
        return {};
    }

    sql::Connection& db_;
    std::map<std::string, TableShape> shapes_;
};

std::string to_hex(const void* data, int size) {
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (int i = 0; i < size; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0xF];
    }
    return hex;
}

std::vector<unsigned char> from_hex(const std::string& hex) {
    std::vector<unsigned char> bytes;
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        bytes.push_back(static_cast<unsigned char>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
    }
    return bytes;
}

json plain_value(sqlite3_value* value) {
    if (value == nullptr) return nullptr;
    switch (sqlite3_value_type(value)) {
        case SQLITE_NULL: return nullptr;
        case SQLITE_INTEGER: return sqlite3_value_int64(value);
        case SQLITE_FLOAT: return sqlite3_value_double(value);
        case SQLITE_TEXT:
            return std::string(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                               static_cast<std::size_t>(sqlite3_value_bytes(value)));
        default: return json{{"blob", to_hex(sqlite3_value_blob(value), sqlite3_value_bytes(value))}};
    }
}

// Texts are kept as their SHA-256 only: an old value serves to notice a
// concurrent change, and a name replaced by pseudonymisation must not travel.
json old_value_kept(const json& value) {
    if (!value.is_string()) return value;
    return json{{"sha256", sha256_hex(value.dump())}};
}

// Rows as the sync names them.
class Encoder {
public:
    Encoder(sql::Connection& db, Shapes& shapes) : db_(db), shapes_(shapes) {}

    // A row about to vanish (deleted in this changeset) is named from its old image.
    void remember_deleted(const std::string& table, std::int64_t row, const json& key) { deleted_[{table, row}] = key; }

    json key_of_row(const std::string& table, std::int64_t row) {
        if (const auto found = deleted_.find({table, row}); found != deleted_.end()) return found->second;
        const auto& shape = shapes_.of(table);
        if (shape.identity == TableShape::Identity::Guid) {
            const bool is_coder = table == "coders";
            RawStatement query(db_, "SELECT guid" + std::string(is_coder ? ", name" : "") + " FROM " + quoted(table) +
                                        " WHERE rowid = ?");
            sqlite3_bind_int64(query.get(), 1, row);
            if (!query.step()) return nullptr;
            const std::string guid = reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 0));
            if (is_coder) coders_[guid] = reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 1));
            return guid;
        }
        RawStatement query(db_, "SELECT * FROM " + quoted(table) + " WHERE rowid = ?");
        sqlite3_bind_int64(query.get(), 1, row);
        if (!query.step()) return nullptr;
        std::map<std::string, json> values;
        for (int column = 0; column < static_cast<int>(shape.columns.size()); ++column) {
            values[shape.columns[static_cast<std::size_t>(column)]] = plain_value(sqlite3_column_value(query.get(), column));
        }
        return key_of(shape, values);
    }

    // A column's value as the sync writes it: a reference becomes the key of the row it points to.
    json encode(const TableShape& shape, const std::string& column, const json& plain) {
        const auto reference = shape.references.find(column);
        if (reference == shape.references.end() || !plain.is_number_integer()) return plain;
        return key_of_row(reference->second, plain.get<std::int64_t>());
    }

    json key_of(const TableShape& shape, const std::map<std::string, json>& plain_row) {
        if (shape.identity == TableShape::Identity::Guid) {
            const auto& guid = plain_row.at("guid");
            if (shape.name == "coders" && plain_row.count("name")) coders_[guid.get<std::string>()] = plain_row.at("name");
            return guid;
        }
        json key = json::object();
        for (const auto& column : shape.key_columns) {
            const auto found = plain_row.find(column);
            key[column] = encode(shape, column, found == plain_row.end() ? json(nullptr) : found->second);
        }
        return key;
    }

    const std::map<std::string, json>& coders() const { return coders_; }

private:
    sql::Connection& db_;
    Shapes& shapes_;
    std::map<std::pair<std::string, std::int64_t>, json> deleted_;
    std::map<std::string, json> coders_;
};

struct ChangesetIterator {
    sqlite3_changeset_iter* iterator = nullptr;
    ChangesetIterator(sql::Connection& db, const void* changeset, int size) {
        if (const int rc = sqlite3changeset_start(&iterator, size, const_cast<void*>(changeset)); rc != SQLITE_OK) {
            db.fail("reading an action's changes", rc);
        }
    }
    ~ChangesetIterator() { sqlite3changeset_finalize(iterator); }
    bool next() { return sqlite3changeset_next(iterator) == SQLITE_ROW; }
};

bool recorded_table(const char* table) { return !is_bookkeeping(table) && std::strcmp(table, "project_info") != 0; }

std::map<std::string, json> image(const TableShape& shape, sqlite3_changeset_iter* iterator, bool after) {
    std::map<std::string, json> row;
    for (int column = 0; column < static_cast<int>(shape.columns.size()); ++column) {
        sqlite3_value* value = nullptr;
        const int rc = after ? sqlite3changeset_new(iterator, column, &value) : sqlite3changeset_old(iterator, column, &value);
        if (rc == SQLITE_OK && value != nullptr) row[shape.columns[static_cast<std::size_t>(column)]] = plain_value(value);
    }
    return row;
}

// The row as it is now, found by the primary key values the changeset holds.
std::map<std::string, json> current_row(sql::Connection& db, const TableShape& shape, sqlite3_changeset_iter* iterator) {
    unsigned char* primary = nullptr;
    int columns = 0;
    sqlite3changeset_pk(iterator, &primary, &columns);
    std::string where;
    std::vector<sqlite3_value*> values;
    for (int column = 0; column < columns; ++column) {
        if (!primary[column]) continue;
        sqlite3_value* value = nullptr;
        sqlite3changeset_old(iterator, column, &value);
        where += std::string(where.empty() ? "" : " AND ") + quoted(shape.columns[static_cast<std::size_t>(column)]) + " IS ?";
        values.push_back(value);
    }
    RawStatement query(db, "SELECT * FROM " + quoted(shape.name) + " WHERE " + where);
    for (std::size_t i = 0; i < values.size(); ++i) sqlite3_bind_value(query.get(), static_cast<int>(i + 1), values[i]);
    std::map<std::string, json> row;
    if (!query.step()) return row;
    for (int column = 0; column < static_cast<int>(shape.columns.size()); ++column) {
        row[shape.columns[static_cast<std::size_t>(column)]] = plain_value(sqlite3_column_value(query.get(), column));
    }
    return row;
}

}  // namespace

std::string entity_name(const std::string& table, const json& key) { return table + " " + key.dump(); }

bool matches_old(const json& value, const json& old) {
    if (old.is_object() && old.size() == 1 && old.contains("sha256")) return sha256_hex(value.dump()) == old["sha256"];
    return value == old;
}

json operations_of(sql::Connection& db, const void* changeset, int size) {
    Shapes shapes(db);
    Encoder encoder(db, shapes);
    // Rows deleted by this action can no longer be looked up: name them from their old images first.
    for (ChangesetIterator pass(db, changeset, size); pass.next();) {
        const char* table = nullptr;
        int columns = 0;
        int operation = 0;
        sqlite3changeset_op(pass.iterator, &table, &columns, &operation, nullptr);
        if (operation != SQLITE_DELETE || !recorded_table(table)) continue;
        const auto& shape = shapes.of(table);
        if (shape.rowid_column < 0) continue;
        const auto row = image(shape, pass.iterator, false);
        const auto& id = row.at(shape.columns[static_cast<std::size_t>(shape.rowid_column)]);
        encoder.remember_deleted(table, id.get<std::int64_t>(), encoder.key_of(shape, row));
    }
    json ops = json::array();
    for (ChangesetIterator pass(db, changeset, size); pass.next();) {
        const char* table = nullptr;
        int columns = 0;
        int operation = 0;
        sqlite3changeset_op(pass.iterator, &table, &columns, &operation, nullptr);
        if (!recorded_table(table)) continue;
        const auto& shape = shapes.of(table);
        const auto is_rowid = [&](const std::string& column) {
            return shape.rowid_column >= 0 && shape.columns[static_cast<std::size_t>(shape.rowid_column)] == column;
        };
        json op{{"t", table}};
        if (operation == SQLITE_INSERT) {
            const auto row = image(shape, pass.iterator, true);
            op["op"] = "i";
            op["k"] = encoder.key_of(shape, row);
            json values = json::object();
            for (const auto& [column, value] : row) {
                if (!is_rowid(column)) values[column] = encoder.encode(shape, column, value);
            }
            op["v"] = std::move(values);
        } else if (operation == SQLITE_DELETE) {
            op["op"] = "d";
            op["k"] = encoder.key_of(shape, image(shape, pass.iterator, false));
        } else {
            auto before = current_row(db, shape, pass.iterator);
            const auto changed_to = image(shape, pass.iterator, true);
            const auto changed_from = image(shape, pass.iterator, false);
            json values = json::object();
            json old = json::object();
            for (const auto& [column, value] : changed_to) {
                if (is_rowid(column)) continue;
                values[column] = encoder.encode(shape, column, value);
                if (const auto was = changed_from.find(column); was != changed_from.end()) {
                    before[column] = was->second;
                    old[column] = old_value_kept(encoder.encode(shape, column, was->second));
                }
            }
            if (before.empty()) continue;  // the row is gone again within the same action
            op["op"] = "u";
            op["k"] = encoder.key_of(shape, before);
            op["v"] = std::move(values);
            op["o"] = std::move(old);
        }
        ops.push_back(std::move(op));
    }
    json coders = json::object();
    for (const auto& [guid, name] : encoder.coders()) coders[guid] = name;
    return json{{"ops", std::move(ops)}, {"coders", std::move(coders)}};
}

namespace {

struct Unresolved {};

// Rows as this copy numbers them.
class Decoder {
public:
    Decoder(sql::Connection& db, Shapes& shapes, const json& coders) : db_(db), shapes_(shapes), coders_(coders) {}

    std::optional<std::int64_t> find(const std::string& table, const json& key) {
        const auto& shape = shapes_.of(table);
        if (shape.identity == TableShape::Identity::Guid) {
            if (!key.is_string()) return std::nullopt;
            RawStatement query(db_, "SELECT rowid FROM " + quoted(table) + " WHERE guid = ?");
            const auto guid = key.get<std::string>();
            sqlite3_bind_text(query.get(), 1, guid.c_str(), static_cast<int>(guid.size()), SQLITE_TRANSIENT);
            if (query.step()) return sqlite3_column_int64(query.get(), 0);
            if (table == "coders") return coder(guid);
            return std::nullopt;
        }
        std::string where;
        std::vector<json> values;
        try {
            for (const auto& column : shape.key_columns) {
                where += std::string(where.empty() ? "" : " AND ") + quoted(column) + " IS ?";
                values.push_back(decode(shape, column, key.contains(column) ? key[column] : json(nullptr)));
            }
        } catch (const Unresolved&) {
            return std::nullopt;
        }
        RawStatement query(db_, "SELECT rowid FROM " + quoted(table) + " WHERE " + where + " LIMIT 1");
        for (std::size_t i = 0; i < values.size(); ++i) bind(query.get(), static_cast<int>(i + 1), values[i]);
        if (query.step()) return sqlite3_column_int64(query.get(), 0);
        return std::nullopt;
    }

    // A value as this copy stores it; Unresolved when it names a row this copy does not have.
    json decode(const TableShape& shape, const std::string& column, const json& value) {
        const auto reference = shape.references.find(column);
        if (reference == shape.references.end() || value.is_null()) return value;
        const auto row = find(reference->second, value);
        if (!row) throw Unresolved{};
        return *row;
    }

    static void bind(sqlite3_stmt* statement, int index, const json& value) {
        if (value.is_null()) sqlite3_bind_null(statement, index);
        else if (value.is_number_integer()) sqlite3_bind_int64(statement, index, value.get<std::int64_t>());
        else if (value.is_number()) sqlite3_bind_double(statement, index, value.get<double>());
        else if (value.is_string()) {
            const auto& text = value.get_ref<const std::string&>();
            sqlite3_bind_text(statement, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        } else if (value.is_object() && value.contains("blob")) {
            const auto bytes = from_hex(value["blob"].get<std::string>());
            sqlite3_bind_blob(statement, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_text(statement, index, value.dump().c_str(), -1, SQLITE_TRANSIENT);
        }
    }

private:
    // A coder first met in another copy's action: found by name, else added.
    std::optional<std::int64_t> coder(const std::string& guid) {
        if (!coders_.contains(guid)) return std::nullopt;
        const auto name = coders_[guid].get<std::string>();
        auto find = db_.prepare("SELECT id FROM coders WHERE name = ?");
        find.bind_all(name);
        if (find.step()) return find.int64(0);
        db_.prepare("INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)").bind_all(guid, name, now_utc()).run();
        return db_.last_insert_id();
    }

    sql::Connection& db_;
    Shapes& shapes_;
    const json& coders_;
};

struct FieldVersion {
    std::optional<std::int64_t> seq;
    std::string action;
    std::string coder;
};

std::optional<FieldVersion> version_of(sql::Connection& db, const std::string& entity, const std::string& field) {
    auto query = db.prepare("SELECT seq, action, coder FROM sync_field_versions WHERE entity = ? AND field = ?");
    query.bind_all(entity, field);
    if (!query.step()) return std::nullopt;
    return FieldVersion{query.optional_int64(0), query.text(1), query.text(2)};
}

void set_version(sql::Connection& db, const std::string& entity, const std::string& field, std::optional<std::int64_t> seq,
                 const std::string& action, const std::string& coder) {
    db.prepare("INSERT OR REPLACE INTO sync_field_versions(entity, field, action, seq, coder) VALUES (?, ?, ?, ?, ?)")
        .bind_all(entity, field, action, seq, coder)
        .run();
}

struct ConflictNote {
    std::string kind, table, entity, field;
    std::optional<json> kept, lost;
    std::string kept_by, kept_action, lost_by, lost_action;
};

void note_conflict(sql::Connection& db, const ConflictNote& note) {
    const auto text = [](const std::optional<json>& value) -> std::optional<std::string> {
        return value ? std::optional<std::string>(value->dump()) : std::nullopt;
    };
    db.prepare(
          "INSERT INTO sync_conflicts(kind, entity_type, entity, field, kept_value, kept_by, kept_action, lost_value, lost_by, "
          "lost_action, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(note.kind, note.table, note.entity, note.field, text(note.kept), note.kept_by, note.kept_action, text(note.lost),
                  note.lost_by, note.lost_action, now_utc())
        .run();
}

// Who and when a row was last written are settled like any field, but are
// not themselves worth a conflict: the field that was written is.
bool bookkeeping(const std::string& column) {
    return column == "coder_id" || column == "modified_at" || column == "created_at" || column == "imported_by" ||
           column == "imported_at";
}

json current_value(sql::Connection& db, const std::string& table, std::int64_t row, const std::string& column) {
    RawStatement query(db, "SELECT " + quoted(column) + " FROM " + quoted(table) + " WHERE rowid = ?");
    sqlite3_bind_int64(query.get(), 1, row);
    return query.step() ? plain_value(sqlite3_column_value(query.get(), 0)) : json(nullptr);
}

class Applier {
public:
    Applier(sql::Connection& db, const json& record, const RemoteContext& context)
        : db_(db), shapes_(db), coders_(record.value("coders", json::object())), decoder_(db, shapes_, coders_),
          encoder_(db, shapes_), context_(context) {}

    void run(const json& ops) {
        std::vector<const json*> inserts, updates;
        for (const auto& op : ops) {
            const auto kind = op.at("op").get<std::string>();
            if (kind == "d") remove(op);
            else if (kind == "i") inserts.push_back(&op);
            else updates.push_back(&op);
        }
        // Parents before children, whatever order the changeset listed them in.
        while (!inserts.empty()) {
            std::vector<const json*> waiting;
            for (const auto* op : inserts) {
                if (!insert(*op)) waiting.push_back(op);
            }
            if (waiting.size() == inserts.size()) {
                for (const auto* op : waiting) note_unplaceable(*op, "orphaned");
                break;
            }
            inserts = std::move(waiting);
        }
        for (const auto* op : updates) update(*op, false);
    }

private:
    void remove(const json& op) {
        const auto table = op.at("t").get<std::string>();
        const auto row = decoder_.find(table, op.at("k"));
        if (!row) return;  // already gone here
        RawStatement statement(db_, "DELETE FROM " + quoted(table) + " WHERE rowid = ?");
        sqlite3_bind_int64(statement.get(), 1, *row);
        statement.step();
    }

    // False when a row it points to is not (yet) here.
    bool insert(const json& op) {
        const auto table = op.at("t").get<std::string>();
        const auto& shape = shapes_.of(table);
        if (decoder_.find(table, op.at("k"))) {
            // Already here: the same action again, or the same natural key written concurrently.
            if (shape.identity != TableShape::Identity::Whole) update(op, true);
            return true;
        }
        std::string columns, marks;
        std::vector<json> values;
        try {
            for (const auto& [column, value] : op.at("v").items()) {
                if (shape.index_of(column) < 0) continue;  // a column this version does not know
                columns += std::string(columns.empty() ? "" : ", ") + quoted(column);
                marks += std::string(marks.empty() ? "" : ", ") + "?";
                values.push_back(decoder_.decode(shape, column, value));
            }
        } catch (const Unresolved&) {
            return false;
        }
        RawStatement statement(db_, "INSERT INTO " + quoted(table) + "(" + columns + ") VALUES (" + marks + ")");
        for (std::size_t i = 0; i < values.size(); ++i) Decoder::bind(statement.get(), static_cast<int>(i + 1), values[i]);
        if (statement.run_allowing_constraint() != SQLITE_DONE) {
            note_unplaceable(op, "refused");
            return true;
        }
        if (shape.identity == TableShape::Identity::Natural) {
            const auto entity = entity_name(table, op.at("k"));
            for (const auto& [column, value] : op.at("v").items()) set_version(db_, entity, column, context_.seq, context_.action, context_.coder);
        }
        return true;
    }

    // Writes each field unless this copy holds a later write of it; either
    // way, a value that loses is kept as a conflict.
    void update(const json& op, bool from_insert) {
        const auto table = op.at("t").get<std::string>();
        const auto& shape = shapes_.of(table);
        const auto row = decoder_.find(table, op.at("k"));
        const auto entity = entity_name(table, op.at("k"));
        if (!row) {
            note_conflict(db_, {"gone", table, op.at("k").dump(), "", std::nullopt, op.at("v"), "", "", context_.coder, context_.action});
            return;
        }
        const json old = op.value("o", json::object());
        std::string assignments;
        std::vector<json> values;
        for (const auto& [column, value] : op.at("v").items()) {
            if (shape.index_of(column) < 0 || (shape.rowid_column >= 0 && shape.index_of(column) == shape.rowid_column)) continue;
            if (from_insert && std::find(shape.key_columns.begin(), shape.key_columns.end(), column) != shape.key_columns.end()) continue;
            const auto here = encoder_.encode(shape, column, current_value(db_, table, *row, column));
            const auto version = version_of(db_, entity, column);
            if (version && (!version->seq || *version->seq > context_.seq)) {
                // This copy holds a later write: the remote value loses.
                if (here != value && !bookkeeping(column)) {
                    note_conflict(db_, {"overwritten", table, op.at("k").dump(), column, here, value, version->coder, version->action,
                                        context_.coder, context_.action});
                }
                continue;
            }
            const bool author_saw_it = old.contains(column) ? matches_old(here, old[column]) : !from_insert;
            if (!author_saw_it && here != value && !bookkeeping(column)) {
                note_conflict(db_, {"overwritten", table, op.at("k").dump(), column, value, here, context_.coder, context_.action,
                                    version ? version->coder : std::string(), version ? version->action : std::string()});
            }
            json local;
            try {
                local = decoder_.decode(shape, column, value);
            } catch (const Unresolved&) {
                note_conflict(db_, {"orphaned", table, op.at("k").dump(), column, std::nullopt, value, "", "", context_.coder, context_.action});
                continue;
            }
            assignments += std::string(assignments.empty() ? "" : ", ") + quoted(column) + " = ?";
            values.push_back(std::move(local));
            set_version(db_, entity, column, context_.seq, context_.action, context_.coder);
        }
        if (assignments.empty()) return;
        RawStatement statement(db_, "UPDATE " + quoted(table) + " SET " + assignments + " WHERE rowid = ?");
        for (std::size_t i = 0; i < values.size(); ++i) Decoder::bind(statement.get(), static_cast<int>(i + 1), values[i]);
        sqlite3_bind_int64(statement.get(), static_cast<int>(values.size() + 1), *row);
        if (statement.run_allowing_constraint() != SQLITE_DONE) {
            note_conflict(db_, {"refused", table, op.at("k").dump(), "", std::nullopt, op.at("v"), "", "", context_.coder, context_.action});
        }
    }

    // Kept whole, to be restored by hand: a coding whose code was deleted here, a name already taken.
    void note_unplaceable(const json& op, const std::string& kind) {
        note_conflict(db_, {kind, op.at("t").get<std::string>(), op.at("k").dump(), "", std::nullopt, op.at("v"), "", "",
                            context_.coder, context_.action});
    }

    sql::Connection& db_;
    Shapes shapes_;
    json coders_;
    Decoder decoder_;
    Encoder encoder_;
    const RemoteContext& context_;
};

}  // namespace

void apply_operations(sql::Connection& db, const json& record, const RemoteContext& context) {
    // Checked at commit: rows of one action may arrive in any order.
    db.exec("PRAGMA defer_foreign_keys = ON");
    Applier(db, record, context).run(record.at("ops"));
}

void note_own_writes(sql::Connection& db, const json& operations, const std::string& action, const std::string& coder) {
    Shapes shapes(db);
    for (const auto& op : operations.at("ops")) {
        const auto kind = op.at("op").get<std::string>();
        const auto table = op.at("t").get<std::string>();
        if (kind == "d" || (kind == "i" && shapes.of(table).identity != TableShape::Identity::Natural)) continue;
        const auto entity = entity_name(table, op.at("k"));
        for (const auto& [column, value] : op.at("v").items()) set_version(db, entity, column, std::nullopt, action, coder);
    }
}

std::optional<std::int64_t> find_row(sql::Connection& db, const std::string& table, const json& key) {
    Shapes shapes(db);
    const json no_coders = json::object();
    return Decoder(db, shapes, no_coders).find(table, key);
}

void write_field(sql::Connection& db, const std::string& table, std::int64_t row, const std::string& column, const json& value) {
    Shapes shapes(db);
    const json no_coders = json::object();
    Decoder decoder(db, shapes, no_coders);
    const auto& shape = shapes.of(table);
    if (shape.index_of(column) < 0) throw InputError("the table " + table + " has no field " + column);
    json local;
    try {
        local = decoder.decode(shape, column, value);
    } catch (const Unresolved&) {
        throw InputError("the value to restore names something that no longer exists in this project");
    }
    RawStatement statement(db, "UPDATE " + quoted(table) + " SET " + quoted(column) + " = ? WHERE rowid = ?");
    Decoder::bind(statement.get(), 1, local);
    sqlite3_bind_int64(statement.get(), 2, row);
    if (statement.run_allowing_constraint() != SQLITE_DONE) {
        throw InputError("the value to restore is refused by the project (" + std::string(sqlite3_errmsg(db.handle())) + ")");
    }
}

}  // namespace fokus::sync::detail
