#pragma once
// Whether the files of a search index are as Fokus last left them (internal
// to search/). A damaged Xapian table can crash a search or give wrong hits
// without any error, so after each commit Fokus records the size,
// modification time and CRC-32 of every file of the index in a small file
// beside them, written whole or not at all. Opening compares sizes and times,
// which costs a few stat calls; only a file whose size or time differs is
// read to compare its checksum.
#include <filesystem>

namespace fokus::search {

// The record's name inside the index folder.
inline constexpr const char* integrity_file = "fokus-integrity";

// Records the index's files as they are now. Called by the holder of the
// index's writer lock after a commit and before letting go of the lock, so
// that no other program sees the files and the record disagree unless a
// writer is at work.
void record_integrity(const std::filesystem::path& index);

enum class Integrity {
    Holds,
    Unrecorded,  // no record: an index of an earlier version, or one whose building was cut short
    Broken,      // the record unreadable, or a file it names missing or not of its checksum
};
Integrity integrity_of(const std::filesystem::path& index);

// Whether a program holds the index's writer lock, as Xapian takes it.
bool writer_at_work(const std::filesystem::path& index);

}  // namespace fokus::search
