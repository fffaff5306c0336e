#include "recordings.h"

#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* recording_columns = "id, document_id, path, checksum, size, duration_ms, kind, linked_at";

Recording recording_of(const sql::Statement& row) {
    return Recording{row.int64(0), row.int64(1), row.text(2), row.text(3), row.int64(4), row.optional_int64(5), row.text(6), row.text(7)};
}

}  // namespace

std::optional<Recording> RecordingStore::of(Id document) const {
    auto select = project_.db().prepare(std::string("SELECT ") + recording_columns + " FROM recordings WHERE document_id = ?");
    select.bind_all(document);
    if (!select.step()) return std::nullopt;
    return recording_of(select);
}

std::vector<Recording> RecordingStore::all() const {
    std::vector<Recording> result;
    DocumentStore documents(project_);
    for (const auto& document : documents.all()) {
        if (auto recording = of(document.id)) result.push_back(std::move(*recording));
    }
    return result;
}

std::filesystem::path RecordingStore::location(const Recording& recording) const {
    const std::filesystem::path stored(recording.path);
    if (stored.is_absolute()) return stored;
    return (std::filesystem::absolute(project_.path()).parent_path() / stored).lexically_normal();
}

bool RecordingStore::present(const Recording& recording) const {
    std::error_code error;
    const auto size = std::filesystem::file_size(location(recording), error);
    return !error && static_cast<std::int64_t>(size) == recording.size;
}

std::string RecordingStore::stored_path(const std::filesystem::path& file) const {
    const auto folder = std::filesystem::absolute(project_.path()).parent_path();
    const auto absolute = std::filesystem::absolute(file).lexically_normal();
    const auto relative = absolute.lexically_relative(folder);
    return (relative.empty() ? absolute : relative).generic_string();
}

void RecordingStore::link(Id document, const RecordingFile& file) {
    const auto target = DocumentStore(project_).get(document);
    if (file.kind != "audio" && file.kind != "video") {
        throw InputError(file.path.string() + " is neither audio nor video, so it cannot be the recording of " + text::quote(target.name));
    }
    project_.act("link recording to " + text::quote(target.name), [&] {
        auto& db = project_.db();
        db.prepare("DELETE FROM recordings WHERE document_id = ?").bind_all(document).run();
        db.prepare("INSERT INTO recordings(document_id, path, checksum, size, duration_ms, kind, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind_all(document, stored_path(file.path), file.checksum, file.size, file.duration_ms, file.kind, now_utc())
            .run();
    });
}

void RecordingStore::relocate(Id document, const std::filesystem::path& found) {
    const auto target = DocumentStore(project_).get(document);
    if (!of(document)) throw NotFoundError(text::quote(target.name) + " has no recording linked");
    project_.act("find recording of " + text::quote(target.name), [&] {
        project_.db().prepare("UPDATE recordings SET path = ? WHERE document_id = ?").bind_all(stored_path(found), document).run();
    });
}

void RecordingStore::unlink(Id document) {
    const auto target = DocumentStore(project_).get(document);
    if (!of(document)) throw NotFoundError(text::quote(target.name) + " has no recording linked");
    project_.act("unlink recording of " + text::quote(target.name), [&] {
        project_.db().prepare("DELETE FROM recordings WHERE document_id = ?").bind_all(document).run();
    });
}

std::vector<SyncPoint> RecordingStore::sync_points(Id document) const {
    auto select = project_.db().prepare(
        "SELECT id, document_id, position, time_ms FROM sync_points WHERE document_id = ? ORDER BY position, id");
    select.bind_all(document);
    std::vector<SyncPoint> result;
    while (select.step()) result.push_back(SyncPoint{select.int64(0), select.int64(1), select.int64(2), select.int64(3)});
    return result;
}

Id RecordingStore::mark_sync_point(Id document, std::int64_t position, std::int64_t time_ms) {
    const auto target = DocumentStore(project_).get(document);
    if (position < 0 || position > target.length) {
        throw InputError("a sync point in " + text::quote(target.name) + " must lie within its " + std::to_string(target.length) +
                         " characters; " + std::to_string(position) + " does not");
    }
    if (time_ms < 0) throw InputError("a sync point's time cannot be before the recording starts (" + std::to_string(time_ms) + " ms)");
    Id id = 0;
    project_.act("mark sync point " + format_time(time_ms) + " in " + text::quote(target.name), [&] {
        auto& db = project_.db();
        auto existing = db.prepare("SELECT id FROM sync_points WHERE document_id = ? AND position = ?");
        existing.bind_all(document, position);
        if (existing.step()) {
            id = existing.int64(0);
            db.prepare("UPDATE sync_points SET time_ms = ? WHERE id = ?").bind_all(time_ms, id).run();
            return;
        }
        db.prepare("INSERT INTO sync_points(document_id, position, time_ms) VALUES (?, ?, ?)").bind_all(document, position, time_ms).run();
        id = db.last_insert_id();
    });
    return id;
}

void RecordingStore::remove_sync_point(Id sync_point) {
    auto select = project_.db().prepare("SELECT time_ms FROM sync_points WHERE id = ?");
    select.bind_all(sync_point);
    if (!select.step()) throw NotFoundError("no sync point " + std::to_string(sync_point));
    const auto time_ms = select.int64(0);
    project_.act("remove sync point " + format_time(time_ms), [&] {
        project_.db().prepare("DELETE FROM sync_points WHERE id = ?").bind_all(sync_point).run();
    });
}

Timeline RecordingStore::timeline(Id document) const {
    const auto target = DocumentStore(project_).get(document);
    std::vector<TimeAnchor> anchors;
    // Sync points first: marked by hand, they win over a cue's time at the same place.
    for (const auto& point : sync_points(document)) anchors.push_back(TimeAnchor{point.position, point.time_ms});
    for (const auto& turn : DocumentStore(project_).turns(document)) {
        if (turn.time_ms) anchors.push_back(TimeAnchor{turn.span.start, *turn.time_ms});
    }
    const auto recording = of(document);
    return Timeline(std::move(anchors), target.length, recording ? recording->duration_ms : std::nullopt);
}

}  // namespace fokus
