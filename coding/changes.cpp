#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "changes.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "sqlite.h"

namespace fokus {

std::set<Id> Changes::coded_documents() const {
    std::set<Id> found;
    for (const auto& coding : codings) found.insert(coding.document);
    return found;
}

std::set<Id> Changes::coded_codes() const {
    std::set<Id> found;
    for (const auto& coding : codings) found.insert(coding.code);
    return found;
}

std::optional<Span> Changes::coded_span_in(Id document) const {
    std::optional<Span> covered;
    for (const auto& coding : codings) {
        if (coding.document != document) continue;
        covered = covered ? Span{std::min(covered->start, coding.span.start), std::max(covered->end, coding.span.end)} : coding.span;
    }
    return covered;
}

namespace detail {
namespace {

struct ChangesetIterator {
    sqlite3_changeset_iter* iterator = nullptr;
    ~ChangesetIterator() { sqlite3changeset_finalize(iterator); }
};

// Column positions by name, read from the table itself, as later schema
// versions may add columns.
std::map<std::string, int> columns_of(sql::Connection& db, const std::string& table) {
    std::map<std::string, int> columns;
    auto query = db.prepare("SELECT cid, name FROM pragma_table_info(?)");
    query.bind_all(table);
    while (query.step()) columns[query.text(1)] = static_cast<int>(query.int64(0));
    return columns;
}

// The value of `column` in the row's old (before) or new (after) image, if the changeset holds it.
std::optional<std::int64_t> value_of(sqlite3_changeset_iter* iterator, int column, bool after) {
    if (column < 0) return std::nullopt;
    sqlite3_value* value = nullptr;
    const int rc = after ? sqlite3changeset_new(iterator, column, &value) : sqlite3changeset_old(iterator, column, &value);
    if (rc != SQLITE_OK || value == nullptr || sqlite3_value_type(value) == SQLITE_NULL) return std::nullopt;
    return sqlite3_value_int64(value);
}

const std::set<std::string>& document_content_tables() {
    static const std::set<std::string> tables = {"documents", "turns", "speakers", "document_attributes"};
    return tables;
}

}  // namespace

Changes describe_changeset(sql::Connection& db, const void* changeset, int size) {
    Changes changes;
    ChangesetIterator rows;
    if (const int rc = sqlite3changeset_start(&rows.iterator, size, const_cast<void*>(changeset)); rc != SQLITE_OK) {
        db.fail("reading what a step changed", rc);
    }
    std::map<std::string, std::map<std::string, int>> columns;
    const auto column = [&](const std::string& table, const char* name) {
        auto known = columns.find(table);
        if (known == columns.end()) known = columns.emplace(table, columns_of(db, table)).first;
        const auto found = known->second.find(name);
        return found == known->second.end() ? -1 : found->second;
    };
    int rc = SQLITE_OK;
    while ((rc = sqlite3changeset_next(rows.iterator)) == SQLITE_ROW) {
        const char* name = nullptr;
        int count = 0;
        int operation = 0;
        sqlite3changeset_op(rows.iterator, &name, &count, &operation, nullptr);
        const std::string table = name;
        changes.tables.insert(table);
        const bool has_before = operation != SQLITE_INSERT;
        const bool has_after = operation != SQLITE_DELETE;
        if (table == "codings") {
            const int id_column = column(table, "id");
            const int columns_read[] = {column(table, "document_id"), column(table, "code_id"), column(table, "start"), column(table, "end")};
            const auto image = [&](bool after) {
                CodingChange row;
                row.coding = value_of(rows.iterator, id_column, after && operation == SQLITE_INSERT).value_or(0);
                row.document = value_of(rows.iterator, columns_read[0], after).value_or(0);
                row.code = value_of(rows.iterator, columns_read[1], after).value_or(0);
                row.span = Span{value_of(rows.iterator, columns_read[2], after).value_or(0), value_of(rows.iterator, columns_read[3], after).value_or(0)};
                return row;
            };
            if (operation == SQLITE_UPDATE) {
                // An update holds the key and the columns it changed; the rest is as the row is now.
                const Id id = value_of(rows.iterator, id_column, false).value_or(0);
                auto now = db.prepare("SELECT document_id, code_id, start, end FROM codings WHERE id = ?");
                now.bind_all(id);
                if (!now.step()) continue;
                const CodingChange current{id, now.int64(0), now.int64(1), Span{now.int64(2), now.int64(3)}};
                CodingChange before = current;
                if (const auto v = value_of(rows.iterator, columns_read[0], false)) before.document = *v;
                if (const auto v = value_of(rows.iterator, columns_read[1], false)) before.code = *v;
                if (const auto v = value_of(rows.iterator, columns_read[2], false)) before.span.start = *v;
                if (const auto v = value_of(rows.iterator, columns_read[3], false)) before.span.end = *v;
                changes.codings.push_back(current);
                if (!(before == current)) changes.codings.push_back(before);
            } else {
                changes.codings.push_back(image(has_after));
            }
        }
        if (document_content_tables().count(table)) {
            const int document_column = table == "documents" ? column(table, "id") : column(table, "document_id");
            auto document = value_of(rows.iterator, document_column, has_after && operation == SQLITE_INSERT);
            if (!document && has_before) document = value_of(rows.iterator, document_column, false);
            if (document) {
                changes.documents.insert(*document);
            } else if (operation == SQLITE_UPDATE) {
                // An update of a row keyed otherwise: its document as the row is now.
                const auto id = value_of(rows.iterator, column(table, "id"), false);
                if (id) {
                    auto now = db.prepare("SELECT document_id FROM " + table + " WHERE id = ?");
                    now.bind_all(*id);
                    if (now.step()) changes.documents.insert(now.int64(0));
                }
            }
        }
    }
    if (rc != SQLITE_DONE) db.fail("reading what a step changed", rc);
    return changes;
}

}  // namespace detail
}  // namespace fokus
