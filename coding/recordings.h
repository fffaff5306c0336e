#pragma once
// Recordings beside transcripts: the audio or video a document was
// transcribed from, linked by a path relative to the project (never copied
// into it), with the checksum and size that find it again after a move; and
// the sync points that tie places in the text to times in the recording.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "timeline.h"
#include "types.h"

namespace fokus {

class Project;

// A recording file as read from disk (importers/recording_file.h reads one).
struct RecordingFile {
    std::filesystem::path path;  // absolute
    std::string checksum;        // SHA-256 of its bytes
    std::int64_t size = 0;
    std::optional<std::int64_t> duration_ms;
    std::string kind;  // "audio" or "video"
};

struct Recording {
    Id id = 0;
    Id document = 0;
    std::string path;  // as stored: relative to the project's folder, with '/'
    std::string checksum;
    std::int64_t size = 0;
    std::optional<std::int64_t> duration_ms;
    std::string kind;
    std::string linked_at;
};

struct SyncPoint {
    Id id = 0;
    Id document = 0;
    std::int64_t position = 0;  // code point
    std::int64_t time_ms = 0;
};

class RecordingStore {
public:
    explicit RecordingStore(Project& project) : project_(project) {}

    std::optional<Recording> of(Id document) const;
    // Every linked recording, in the order of the documents' names.
    std::vector<Recording> all() const;
    // Where the recording is on this machine: the project's folder joined with its path.
    std::filesystem::path location(const Recording& recording) const;
    // Whether the file is where the link says, with the size it had.
    bool present(const Recording& recording) const;

    // Links (or links anew) the document's recording, as one step labelled
    // `link recording to "DOC"`. InputError for a kind other than audio or video.
    void link(Id document, const RecordingFile& file);
    // The recording found at another place (moved with its checksum unchanged): one step.
    void relocate(Id document, const std::filesystem::path& found);
    void unlink(Id document);

    std::vector<SyncPoint> sync_points(Id document) const;
    // A sync point at `position` heard at `time_ms`, as one step; a sync
    // point already at that place is moved to the new time. InputError for a
    // position outside the text or a negative time.
    Id mark_sync_point(Id document, std::int64_t position, std::int64_t time_ms);
    void remove_sync_point(Id sync_point);

    // The document's anchors: each timed turn's start, and every sync point,
    // ending at the recording's end when its duration is known.
    Timeline timeline(Id document) const;

private:
    std::string stored_path(const std::filesystem::path& file) const;
    Project& project_;
};

}  // namespace fokus
