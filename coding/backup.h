#pragma once
// Backups beside the project: copies made with SQLite's online backup, the
// newest few kept, checked before they are offered, and restored in place of
// a damaged project (which is kept aside, never deleted).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fokus {

class Project;

namespace backups {

// "<project>.backups", beside the project file.
std::filesystem::path folder_for(const std::filesystem::path& project);

struct Backup {
    std::filesystem::path path;
    std::string made_at;  // UTC, from the file's name: 2026-11-22 15:04:05
};

// Newest first.
std::vector<Backup> list(const std::filesystem::path& project);

// Copies the project as it is now, consistently even while it is open, and
// keeps the newest `keep` backups. Returns the new backup's path. FileError
// naming the backup folder when the copy cannot be written (a full disk), with
// no part of it left behind.
std::filesystem::path make(Project& project, int keep = 5);

// Whether a backup opens as a Fokus project, passes SQLite's integrity check
// and holds every document's text as it was stored.
bool is_good(const std::filesystem::path& backup);
std::optional<Backup> newest_good(const std::filesystem::path& project);
// "; the newest good backup is … (made …): restore it with fokus-cli restore …",
// to end a message about damage; empty when there is no good backup.
std::string restore_advice(const std::filesystem::path& project);

// Puts `backup` (the newest good one when not given) in place of the project,
// which must not be open for changes. The file it replaces is moved aside to
// "<project>.damaged-<time>", whose path is returned. InputError, changing
// nothing, when there is no good backup or the chosen one fails the check.
std::filesystem::path restore(const std::filesystem::path& project, std::optional<std::filesystem::path> backup = std::nullopt);

// The damaged files restore() set aside beside the project, oldest first.
std::vector<std::filesystem::path> damaged_copies(const std::filesystem::path& project);

}  // namespace backups
}  // namespace fokus
