#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "sync.h"

#include <cstring>

#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "action_records.h"
#include "changes.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "schema.h"
#include "sqlite.h"

namespace fokus::sync {

using nlohmann::json;

std::optional<HubLink> hub_link(Project& project) {
    auto query = project.db().prepare("SELECT conninfo, project, coder, applied_seq FROM sync_hub");
    if (!query.step()) return std::nullopt;
    return HubLink{query.text(0), query.text(1), query.text(2), query.int64(3)};
}

void link_to_hub(Project& project, const HubLink& link, Start start) {
    if (project.read_only()) throw InputError(project.path().string() + " is open read-only");
    auto& db = project.db();
    sql::Transaction transaction(db);
    if (start == Start::Joined) {
        db.exec("DELETE FROM undo_log; DELETE FROM sync_actions; DELETE FROM sync_field_versions; DELETE FROM sync_conflicts;");
    }
    db.prepare("INSERT OR REPLACE INTO sync_hub(id, conninfo, project, coder, applied_seq) VALUES (1, ?, ?, ?, ?)")
        .bind_all(link.conninfo, link.project, link.coder, link.applied_seq)
        .run();
    transaction.commit();
    project.set_coder(link.coder);
}

void unlink(Project& project) {
    auto& db = project.db();
    sql::Transaction transaction(db);
    db.exec("DELETE FROM sync_hub; DELETE FROM sync_actions; DELETE FROM sync_field_versions; DELETE FROM sync_conflicts;");
    transaction.commit();
}

std::vector<ActionRecord> waiting_actions(Project& project, int limit) {
    auto query = project.db().prepare(
        "SELECT guid, label, coder, created_at, body FROM sync_actions WHERE own = 1 AND seq IS NULL ORDER BY rowid LIMIT ?");
    query.bind_all(limit);
    std::vector<ActionRecord> waiting;
    while (query.step()) waiting.push_back({query.text(0), query.text(1), query.text(2), query.text(3), query.text(4)});
    return waiting;
}

std::int64_t waiting_count(Project& project) {
    return project.db().scalar_int("SELECT count(*) FROM sync_actions WHERE own = 1 AND seq IS NULL");
}

void mark_sent(Project& project, const std::string& guid, std::int64_t seq) {
    auto& db = project.db();
    sql::Transaction transaction(db);
    db.prepare("UPDATE sync_actions SET seq = ?, body = NULL WHERE guid = ? AND seq IS NULL").bind_all(seq, guid).run();
    db.prepare("UPDATE sync_field_versions SET seq = ? WHERE action = ? AND seq IS NULL").bind_all(seq, guid).run();
    transaction.commit();
}

void mark_refused(Project& project, const std::string& guid, const std::string& reason) {
    auto& db = project.db();
    sql::Transaction transaction(db);
    auto label = db.prepare("SELECT label, coder FROM sync_actions WHERE guid = ?");
    label.bind_all(guid);
    if (!label.step()) throw NotFoundError("no action " + guid + " in " + project.path().string());
    // Negative numbers, never used by the hub, keep refused actions apart from those waiting.
    const auto mark = db.scalar_int("SELECT coalesce(min(seq), 0) - 1 FROM sync_actions WHERE seq < 0");
    db.prepare("UPDATE sync_actions SET seq = ? WHERE guid = ?").bind_all(mark, guid).run();
    db.prepare("UPDATE sync_field_versions SET seq = 0 WHERE action = ?").bind_all(guid).run();
    db.prepare(
          "INSERT INTO sync_conflicts(kind, entity_type, entity, field, lost_value, lost_by, lost_action, noted_at) "
          "VALUES ('refused', 'action', ?, '', ?, ?, ?, ?)")
        .bind_all(json(label.text(0)).dump(), json(reason).dump(), label.text(1), guid, now_utc())
        .run();
    transaction.commit();
}

std::string snapshot_of(Project& project) {
    namespace fs = std::filesystem;
    auto copy = project.path();
    copy += ".snapshot-" + new_guid();
    struct Removed {
        fs::path path;
        ~Removed() {
            std::error_code ignored;
            fs::remove(path, ignored);
        }
    } removed{copy};
    project.db().prepare("VACUUM INTO ?").bind_all(copy.string()).run();
    {
        sql::Connection db(copy.string(), sql::Connection::Mode::ReadWrite);
        db.exec("DELETE FROM undo_log; DELETE FROM sync_hub; DELETE FROM sync_actions; DELETE FROM sync_field_versions; "
                "DELETE FROM sync_conflicts;");
        db.prepare("DELETE FROM project_info WHERE key = ?").bind_all(schema::open_for_changes_key).run();
        db.exec("VACUUM");
    }
    std::ifstream in(copy, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) throw FileError(copy.string(), "cannot be read back");
    return bytes.str();
}

void write_snapshot(const std::filesystem::path& path, const std::string& bytes) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (fs::exists(path, error)) throw FileError(path.string(), "already exists; choose another name for the new copy");
    auto partial = path;
    partial += ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            fs::remove(partial, error);
            throw FileError(path.string(), "cannot be written (is the disk full?)");
        }
    }
    fs::rename(partial, path, error);
    if (error) {
        fs::remove(partial, error);
        throw FileError(path.string(), "cannot be written: " + error.message());
    }
}

namespace {

json parse_record(const std::string& body) {
    try {
        auto record = json::parse(body);
        if (!record.contains("guid") || !record.contains("ops") || !record["ops"].is_array()) throw std::runtime_error("no guid or ops");
        return record;
    } catch (const std::exception& error) {
        throw InputError(std::string("an action from the hub is malformed: ") + error.what());
    }
}

struct Session {
    sqlite3_session* session = nullptr;
    ~Session() {
        if (session) sqlite3session_delete(session);
    }
};

}  // namespace

Applied apply_remote(Project& project, const RemoteAction& action) {
    if (project.read_only()) throw InputError(project.path().string() + " is open read-only");
    if (project.acting()) throw Error("a hub action applied inside a user action");
    const auto record = parse_record(action.body);
    const auto guid = record["guid"].get<std::string>();
    auto& db = project.db();
    Changes changes;
    {
        sql::Transaction transaction(db);
        auto known = db.prepare("SELECT own, seq FROM sync_actions WHERE guid = ?");
        known.bind_all(guid);
        const bool here = known.step();
        if (here && known.is_null(1)) {
            // Our own action, committed on the hub before this copy heard back.
            db.prepare("UPDATE sync_actions SET seq = ?, body = NULL WHERE guid = ?").bind_all(action.seq, guid).run();
            db.prepare("UPDATE sync_field_versions SET seq = ? WHERE action = ? AND seq IS NULL").bind_all(action.seq, guid).run();
        }
        if (!here) {
            Session watch;
            if (project.has_subscribers()) {
                if (sqlite3session_create(db.handle(), "main", &watch.session) != SQLITE_OK ||
                    sqlite3session_attach(watch.session, nullptr) != SQLITE_OK) {
                    db.fail("watching a hub action", SQLITE_ERROR);
                }
            }
            const detail::RemoteContext context{action.seq, guid, record.value("coder", "")};
            detail::apply_operations(db, record, context);
            db.prepare("INSERT INTO sync_actions(guid, seq, own, label, coder, created_at) VALUES (?, ?, 0, ?, ?, ?)")
                .bind_all(guid, action.seq, record.value("label", ""), context.coder, record.value("at", ""))
                .run();
            if (watch.session) {
                void* data = nullptr;
                int size = 0;
                if (sqlite3session_changeset(watch.session, &size, &data) == SQLITE_OK && size > 0) {
                    changes = ::fokus::detail::describe_changeset(db, data, size);
                }
                sqlite3_free(data);
            }
        }
        db.prepare("UPDATE sync_hub SET applied_seq = max(applied_seq, ?)").bind_all(action.seq).run();
        transaction.commit();
        if (here) return Applied::AlreadyHere;
    }
    if (!changes.empty()) project.announce(changes);
    return Applied::Applied;
}

std::vector<Conflict> conflicts(Project& project, bool include_resolved) {
    auto query = project.db().prepare(
        "SELECT id, kind, entity_type, entity, field, kept_value, lost_value, kept_by, lost_by, kept_action, lost_action, noted_at, "
        "resolved FROM sync_conflicts WHERE resolved = 0 OR ? ORDER BY id");
    query.bind_all(include_resolved ? 1 : 0);
    std::vector<Conflict> found;
    while (query.step()) {
        found.push_back({query.int64(0), query.text(1), query.text(2), query.text(3), query.text(4), query.optional_text(5),
                         query.optional_text(6), query.text(7), query.text(8), query.text(9), query.text(10), query.text(11),
                         query.int64(12) != 0});
    }
    return found;
}

namespace {

Conflict find_conflict(Project& project, std::int64_t id) {
    for (const auto& conflict : conflicts(project, true)) {
        if (conflict.id == id) return conflict;
    }
    throw NotFoundError("no conflict numbered " + std::to_string(id));
}

void mark_resolved(Project& project, std::int64_t id) {
    project.db().prepare("UPDATE sync_conflicts SET resolved = 1 WHERE id = ?").bind_all(id).run();
}

}  // namespace

void revert_conflict(Project& project, std::int64_t id) {
    const auto conflict = find_conflict(project, id);
    if (conflict.kind != "overwritten" || !conflict.lost_value) {
        throw InputError("conflict " + std::to_string(id) + " is not an overwritten field; restore it by hand from its value: " +
                         conflict.lost_value.value_or(""));
    }
    project.act("Restore " + conflict.field + " from a conflict", [&] {
        auto& db = project.db();
        const auto row = detail::find_row(db, conflict.entity_type, json::parse(conflict.entity));
        if (!row) throw InputError("conflict " + std::to_string(id) + ": the " + conflict.entity_type + " it is about no longer exists");
        detail::write_field(db, conflict.entity_type, *row, conflict.field, json::parse(*conflict.lost_value));
        mark_resolved(project, id);
    });
}

void keep_conflict(Project& project, std::int64_t id) {
    find_conflict(project, id);
    mark_resolved(project, id);
}

namespace detail {

bool is_bookkeeping(const char* table) {
    for (const char* own : {"sync_hub", "sync_actions", "sync_field_versions", "sync_conflicts"}) {
        if (std::strcmp(table, own) == 0) return true;
    }
    return false;
}

void record_action(Project& project, const void* changeset, int size, const std::string& label, std::int64_t coder) {
    auto& db = project.db();
    auto link = db.prepare("SELECT 1 FROM sync_hub");
    if (!link.step()) return;
    auto operations = sync::detail::operations_of(db, changeset, size);
    if (operations["ops"].empty()) return;
    std::string coder_name = project.coder_name();
    std::string coder_guid;
    auto who = db.prepare("SELECT guid, name FROM coders WHERE id = ?");
    who.bind_all(coder);
    if (who.step()) {
        coder_guid = who.text(0);
        coder_name = who.text(1);
        operations["coders"][coder_guid] = coder_name;
    }
    const auto guid = new_guid();
    const auto at = now_utc();
    json record{{"guid", guid}, {"label", label}, {"coder", coder_name}, {"coder_guid", coder_guid}, {"at", at},
                {"ops", operations["ops"]}, {"coders", operations["coders"]}};
    sync::detail::note_own_writes(db, record, guid, coder_name);
    db.prepare("INSERT INTO sync_actions(guid, seq, own, label, coder, created_at, body) VALUES (?, NULL, 1, ?, ?, ?, ?)")
        .bind_all(guid, label, coder_name, at, record.dump())
        .run();
}

}  // namespace detail
}  // namespace fokus::sync
