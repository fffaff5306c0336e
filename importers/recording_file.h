#pragma once
// Reading a recording file for linking: its checksum, size, duration and
// whether it is audio or video (GStreamer's discoverer, the same plug-ins the
// workbench plays it with), and finding recordings beside transcripts.
#include <filesystem>
#include <optional>
#include <vector>

#include "coding/recordings.h"

namespace fokus {
class Project;
}

namespace fokus::importers {

// The endings of the recordings Fokus links: WAV, MP3, OGG/Opus, M4A, MP4, WebM...
bool is_recording_name(const std::filesystem::path& file);

// FileError naming the file when it cannot be read, and FormatError when
// GStreamer finds neither audio nor video in it.
RecordingFile read_recording(const std::filesystem::path& file);

// The recording with the transcript's name beside it ("gruppe-1.vtt" and
// "gruppe-1.mp4"); audio before video, then by name, when there are several.
std::optional<std::filesystem::path> recording_beside(const std::filesystem::path& transcript);

// Links the file as the document's recording (one step).
void link_recording(Project& project, Id document, const std::filesystem::path& file);

// Recordings that are no longer where they were linked, looked for in
// `folder` and below by size and checksum (whatever they are called now), and
// each found one linked at its new place. Returns the documents whose
// recording was found; those still missing are left as they were.
struct FoundRecordings {
    std::vector<Id> found;
    std::vector<Id> still_missing;
};
FoundRecordings find_moved_recordings(Project& project, const std::filesystem::path& folder);

}  // namespace fokus::importers
