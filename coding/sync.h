#pragma once
// A project copy that syncs with a team hub. Each user action (and each undo
// or redo) is kept, beside its undo step, as an action record: what it did to
// entities named by GUID (or by a natural key of GUIDs), independent of this
// file's row ids. The hub orders the records of every copy; each copy applies
// the others' records in that order, each in one transaction. Concurrent
// writes to one field settle by hub order, and the value that lost is kept
// as a conflict. This is the core half; hub/ talks to the server.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fokus {

class Project;

namespace sync {

struct HubLink {
    std::string conninfo;       // libpq connection string, never with a password
    std::string project;        // the project's name on the hub
    std::string coder;          // who this copy acts for
    std::int64_t applied_seq = 0;  // every hub action up to here is in this copy
};

// Whether the project is a hub copy, and of which hub.
std::optional<HubLink> hub_link(Project& project);
// Makes the project a hub copy: from now on every action is recorded for the
// hub. `applied_seq` is how far the project's content already reaches in the
// hub's log (0 for a project just published, the snapshot's for a join).
// A joined copy starts with no history of its own: the undo steps and sync
// records that came with the snapshot are someone else's.
enum class Start { Published, Joined };
void link_to_hub(Project& project, const HubLink& link, Start start);
// Forgets the hub and everything recorded for it (a published snapshot is
// stored without them).
void unlink(Project& project);

// The project as a new member starts from: a compact copy without the undo
// history or the sync records of the copy it was made from.
std::string snapshot_of(Project& project);
// Writes a snapshot to `path` (which must not exist), whole or not at all.
void write_snapshot(const std::filesystem::path& path, const std::string& bytes);

struct ActionRecord {
    std::string guid;
    std::string label;
    std::string coder;
    std::string created_at;
    std::string body;  // JSON: {"guid", "label", "coder", "at", "ops": [...], "coders": {...}}
};

// This copy's actions that the hub does not have yet, oldest first.
std::vector<ActionRecord> waiting_actions(Project& project, int limit = 1000);
std::int64_t waiting_count(Project& project);
// The hub has committed `guid` as number `seq` in its log.
void mark_sent(Project& project, const std::string& guid, std::int64_t seq);
// The hub refused `guid` (the member's role does not allow it): it is not
// sent again, it loses to every other write, and the refusal is listed as a conflict.
void mark_refused(Project& project, const std::string& guid, const std::string& reason);

struct RemoteAction {
    std::int64_t seq = 0;
    std::string body;  // as made by another copy
};

enum class Applied { Applied, AlreadyHere };
// Applies one action from the hub, in one transaction that also records
// `seq` as applied: all of it or none. An action this copy already has (its
// own, or one applied before) changes nothing but that record.
Applied apply_remote(Project& project, const RemoteAction& action);

struct Conflict {
    std::int64_t id = 0;
    std::string kind;         // overwritten, orphaned (its entity's owner was gone), refused, gone
    std::string entity_type;  // the table: codes, document_attributes, condensations…
    std::string entity;       // its GUID or key, as JSON
    std::string field;
    std::optional<std::string> kept_value, lost_value;  // as JSON
    std::string kept_by, lost_by;
    std::string kept_action, lost_action;
    std::string noted_at;
    bool resolved = false;
};
std::vector<Conflict> conflicts(Project& project, bool include_resolved = false);
// Puts the lost value back, as a new action of this copy (which syncs), and
// marks the conflict resolved; or only marks it resolved (keep what won).
void revert_conflict(Project& project, std::int64_t conflict);
void keep_conflict(Project& project, std::int64_t conflict);

namespace detail {
// Called by the history when an action, undo or redo has been made, inside
// its transaction: records it for the hub when the project is a hub copy.
void record_action(Project& project, const void* changeset, int size, const std::string& label, std::int64_t coder);
// The hub's own bookkeeping tables (sync_hub, sync_actions, sync_field_versions,
// sync_conflicts): neither undone nor synced. Other tables named sync_… (a
// recording's sync points) are the user's data.
bool is_bookkeeping(const char* table);
}  // namespace detail

}  // namespace sync
}  // namespace fokus
