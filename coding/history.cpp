#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "history.h"

#include <sqlite3.h>

#include <cstring>
#include <functional>

#include "error.h"
#include "passages.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "sync.h"

namespace fokus {
namespace {

// The history and the journal describe changes; they are not themselves undone.
int is_user_data(void*, const char* table) {
    return std::strcmp(table, "undo_log") != 0 && std::strcmp(table, "change_journal") != 0 &&
           std::strcmp(table, "sqlite_sequence") != 0 && !sync::detail::is_bookkeeping(table);
}

struct SqliteBuffer {
    void* data = nullptr;
    int size = 0;
    ~SqliteBuffer() { sqlite3_free(data); }
};

bool same_value(sqlite3_value* a, sqlite3_value* b) {
    const int type = sqlite3_value_type(a);
    if (type != sqlite3_value_type(b)) return false;
    switch (type) {
        case SQLITE_NULL: return true;
        case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
        case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
        default: {
            const int size = sqlite3_value_bytes(a);
            if (size != sqlite3_value_bytes(b)) return false;
            return size == 0 || std::memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), static_cast<std::size_t>(size)) == 0;
        }
    }
}

// True when the row in the database already holds every value the update would write.
bool update_already_applied(sqlite3_changeset_iter* iterator, int columns) {
    for (int column = 0; column < columns; ++column) {
        sqlite3_value* target = nullptr;
        if (sqlite3changeset_new(iterator, column, &target) != SQLITE_OK || target == nullptr) continue;  // unchanged column
        sqlite3_value* current = nullptr;
        if (sqlite3changeset_conflict(iterator, column, &current) != SQLITE_OK || current == nullptr) return false;
        if (!same_value(target, current)) return false;
    }
    return true;
}

// True when the row differs from what a delete expects only in columns that
// are now NULL: an ON DELETE SET NULL of the same step got there first.
bool differs_only_by_nulls(sqlite3_changeset_iter* iterator, int columns) {
    for (int column = 0; column < columns; ++column) {
        sqlite3_value* expected = nullptr;
        sqlite3_value* current = nullptr;
        if (sqlite3changeset_old(iterator, column, &expected) != SQLITE_OK || expected == nullptr) return false;
        if (sqlite3changeset_conflict(iterator, column, &current) != SQLITE_OK || current == nullptr) return false;
        if (!same_value(expected, current) && sqlite3_value_type(current) != SQLITE_NULL) return false;
    }
    return true;
}

// A step's own foreign-key actions can run ahead of its recorded changes:
// rows already gone when a delete is replayed were removed by a cascade, and
// a row already holding an update's values, or missing only the values a
// delete expects in its references, was set by ON DELETE SET NULL (undoing
// "new participant, mapped to a speaker" deletes the participant first;
// undoing answers added to a survey's document deletes their speakers before
// their turns). Anything else means the project changed underneath this step.
int on_conflict(void*, int conflict, sqlite3_changeset_iter* iterator) {
    const char* table = nullptr;
    int columns = 0;
    int operation = 0;
    sqlite3changeset_op(iterator, &table, &columns, &operation, nullptr);
    if (conflict == SQLITE_CHANGESET_NOTFOUND && operation == SQLITE_DELETE) return SQLITE_CHANGESET_OMIT;
    if (conflict == SQLITE_CHANGESET_DATA && operation == SQLITE_UPDATE && update_already_applied(iterator, columns)) {
        return SQLITE_CHANGESET_OMIT;
    }
    if (conflict == SQLITE_CHANGESET_DATA && operation == SQLITE_DELETE && differs_only_by_nulls(iterator, columns)) {
        return SQLITE_CHANGESET_REPLACE;
    }
    return SQLITE_CHANGESET_ABORT;
}

HistoryStep read_step(sql::Statement& row) {
    return HistoryStep{row.int64(0), row.text(1), row.text(2), row.int64(3) != 0, row.int64(4) != 0};
}

std::optional<HistoryStep> find_step(Project& project, const char* where_order) {
    auto query = project.db().prepare(std::string("SELECT id, label, created_at, undone, permanent FROM undo_log ") +
                                      where_order + " LIMIT 1");
    if (!query.step()) return std::nullopt;
    return read_step(query);
}

Changes apply(Project& project, const HistoryStep& step, bool invert, const char* verb) {
    auto& db = project.db();
    auto load = db.prepare("SELECT changeset FROM undo_log WHERE id = ?");
    load.bind_all(step.id);
    load.step();
    auto changeset = load.blob(0);
    SqliteBuffer inverted;
    void* data = changeset.data();
    int size = static_cast<int>(changeset.size());
    if (invert) {
        if (const int rc = sqlite3changeset_invert(size, data, &inverted.size, &inverted.data); rc != SQLITE_OK) {
            db.fail(std::string("inverting history step ") + std::to_string(step.id), rc);
        }
        data = inverted.data;
        size = inverted.size;
    }
    const auto journal_before = db.scalar_int("SELECT coalesce(max(seq), 0) FROM change_journal");
    const int rc = sqlite3changeset_apply(db.handle(), size, data, nullptr, on_conflict, nullptr);
    if (rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT) {
        throw InputError(std::string("cannot ") + verb + " \"" + step.label +
                         "\": the project has been changed since in a way that conflicts with it");
    }
    if (rc != SQLITE_OK) db.fail(std::string(verb) + " of \"" + step.label + "\"", rc);
    // A step recorded before unlabelled passages (schema 8) brings back text without them.
    std::vector<Id> changed;
    auto touched = db.prepare("SELECT DISTINCT document_id FROM change_journal WHERE seq > ? AND what IN ('document', 'turns')");
    touched.bind_all(journal_before);
    while (touched.step()) changed.push_back(touched.int64(0));
    add_unlabelled_passages(db, changed);
    // Undo stays personal, and reaches the others as an action of its own.
    sync::detail::record_action(project, data, size, std::string(invert ? "Undo: " : "Redo: ") + step.label, project.coder_id());
    auto mark = db.prepare("UPDATE undo_log SET undone = ? WHERE id = ?");
    mark.bind_all(invert ? 1 : 0, step.id).run();
    auto changes = project.has_subscribers() ? detail::describe_changeset(db, data, size) : Changes{};
    // Passages added for an old step change the document's turns beyond what the changeset says.
    if (project.has_subscribers() && !changed.empty()) {
        changes.tables.insert("turns");
        changes.documents.insert(changed.begin(), changed.end());
    }
    return changes;
}

// Each row change of the steps that stand (not undone), oldest first.
void for_each_kept_change(sql::Connection& db, const char* doing, const std::function<void(sqlite3_changeset_iter*)>& each) {
    auto steps = db.prepare("SELECT changeset FROM undo_log WHERE undone = 0 ORDER BY id");
    while (steps.step()) {
        auto changeset = steps.blob(0);
        sqlite3_changeset_iter* iterator = nullptr;
        if (const int rc = sqlite3changeset_start(&iterator, static_cast<int>(changeset.size()), changeset.data()); rc != SQLITE_OK) {
            db.fail(doing, rc);
        }
        try {
            while (sqlite3changeset_next(iterator) == SQLITE_ROW) each(iterator);
        } catch (...) {
            sqlite3changeset_finalize(iterator);
            throw;
        }
        if (const int rc = sqlite3changeset_finalize(iterator); rc != SQLITE_OK) db.fail(doing, rc);
    }
}

}  // namespace

std::optional<HistoryStep> History::next_undo() const {
    return find_step(project_, "WHERE undone = 0 ORDER BY id DESC");
}

std::optional<HistoryStep> History::next_redo() const {
    return find_step(project_, "WHERE undone = 1 ORDER BY id ASC");
}

std::vector<HistoryStep> History::steps(int limit) const {
    auto query = project_.db().prepare(
        "SELECT id, label, created_at, undone, permanent FROM undo_log ORDER BY id DESC LIMIT ?");
    query.bind_all(limit);
    std::vector<HistoryStep> result;
    while (query.step()) result.push_back(read_step(query));
    return result;
}

std::set<std::string> History::deleted_guids(const std::string& table) const {
    auto& db = project_.db();
    int guid_column = -1;
    {
        auto columns = db.prepare("SELECT cid FROM pragma_table_info(?) WHERE name = 'guid'");
        columns.bind_all(table);
        if (!columns.step()) throw InputError("the project has no table " + table + " with GUIDs");
        guid_column = static_cast<int>(columns.int64(0));
    }
    std::set<std::string> deleted;
    for_each_kept_change(db, "reading the history's deletions", [&](sqlite3_changeset_iter* iterator) {
        const char* changed_table = nullptr;
        int columns = 0, operation = 0;
        sqlite3changeset_op(iterator, &changed_table, &columns, &operation, nullptr);
        if (operation != SQLITE_DELETE || table != changed_table || guid_column >= columns) return;
        sqlite3_value* guid = nullptr;
        if (sqlite3changeset_old(iterator, guid_column, &guid) == SQLITE_OK && guid && sqlite3_value_type(guid) == SQLITE_TEXT) {
            deleted.insert(reinterpret_cast<const char*>(sqlite3_value_text(guid)));
        }
    });
    // Deleted and made again (an undo recorded as a step of its own, a merge): present now.
    auto present = db.prepare("SELECT 1 FROM " + table + " WHERE guid = ?");
    for (auto guid = deleted.begin(); guid != deleted.end();) {
        present.reset();
        present.bind_all(*guid);
        guid = present.step() ? deleted.erase(guid) : std::next(guid);
    }
    return deleted;
}

std::set<std::string> History::changed_columns(const std::string& table, Id id) const {
    auto& db = project_.db();
    std::vector<std::string> names;
    {
        auto columns = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        columns.bind_all(table);
        while (columns.step()) names.push_back(columns.text(0));
    }
    std::set<std::string> changed;
    for_each_kept_change(db, "reading the history's changes", [&](sqlite3_changeset_iter* iterator) {
        const char* changed_table = nullptr;
        int columns = 0, operation = 0;
        sqlite3changeset_op(iterator, &changed_table, &columns, &operation, nullptr);
        if (operation != SQLITE_UPDATE || table != changed_table) return;
        sqlite3_value* key = nullptr;
        // The id is the first column, the primary key, always present in an update.
        if (sqlite3changeset_old(iterator, 0, &key) != SQLITE_OK || !key || sqlite3_value_int64(key) != id) return;
        for (int column = 1; column < columns && column < static_cast<int>(names.size()); ++column) {
            sqlite3_value* value = nullptr;
            if (sqlite3changeset_new(iterator, column, &value) == SQLITE_OK && value) changed.insert(names[static_cast<std::size_t>(column)]);
        }
    });
    return changed;
}

HistoryStep History::undo() {
    if (project_.read_only()) throw InputError(project_.path().string() + " is open read-only");
    if (project_.acting()) throw Error("undo requested inside a user action");
    sql::Transaction transaction(project_.db());
    const auto step = next_undo();
    if (!step) throw InputError("nothing to undo");
    if (step->permanent) {
        throw InputError("\"" + step->label + "\" cannot be undone: it was made permanent, and what it replaced is kept nowhere");
    }
    const auto changes = apply(project_, *step, true, "undo");
    transaction.commit();
    if (!changes.empty()) project_.announce(changes);
    return *step;
}

HistoryStep History::redo() {
    if (project_.read_only()) throw InputError(project_.path().string() + " is open read-only");
    if (project_.acting()) throw Error("redo requested inside a user action");
    sql::Transaction transaction(project_.db());
    const auto step = next_redo();
    if (!step) throw InputError("nothing to redo");
    const auto changes = apply(project_, *step, false, "redo");
    transaction.commit();
    if (!changes.empty()) project_.announce(changes);
    return *step;
}

namespace detail {

ActionRecording::ActionRecording(Project& project) : project_(project) {
    auto& db = project.db();
    sqlite3_session* session = nullptr;
    if (const int rc = sqlite3session_create(db.handle(), "main", &session); rc != SQLITE_OK) {
        db.fail("starting the history of an action", rc);
    }
    session_ = session;
    sqlite3session_table_filter(session, is_user_data, nullptr);
    if (const int rc = sqlite3session_attach(session, nullptr); rc != SQLITE_OK) {
        db.fail("starting the history of an action", rc);
    }
}

ActionRecording::~ActionRecording() { sqlite3session_delete(static_cast<sqlite3_session*>(session_)); }

Changes ActionRecording::finish(std::string_view label, Id coder, bool describe) {
    auto& db = project_.db();
    SqliteBuffer changeset;
    if (const int rc = sqlite3session_changeset(static_cast<sqlite3_session*>(session_), &changeset.size,
                                                &changeset.data);
        rc != SQLITE_OK) {
        db.fail("recording the history of \"" + std::string(label) + "\"", rc);
    }
    if (changeset.size == 0) return {};
    // A new action makes the undone ones unreachable, as in any editor.
    db.exec("DELETE FROM undo_log WHERE undone = 1");
    auto insert = db.prepare(
        "INSERT INTO undo_log(label, changeset, coder_id, created_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, label).bind_blob(2, changeset.data, static_cast<std::size_t>(changeset.size));
    insert.bind(3, coder).bind(4, now_utc()).run();
    sync::detail::record_action(project_, changeset.data, changeset.size, std::string(label), coder);
    // History is bounded, by steps and by size (an import carries its whole
    // text); the newest step is always kept.
    db.exec(
        "DELETE FROM undo_log WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER newest AS age, "
        "sum(length(changeset)) OVER newest AS bytes FROM undo_log WINDOW newest AS (ORDER BY id DESC)) "
        "WHERE age > 1 AND (age > 1000 OR bytes > 268435456))");
    return describe ? describe_changeset(db, changeset.data, changeset.size) : Changes{};
}

}  // namespace detail
}  // namespace fokus
