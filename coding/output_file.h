#pragma once
// Files Fokus writes for the user (exports, codebooks, copies). They are
// written beside their target and renamed into place, so that a failure
// half-way never leaves a truncated file where a good one stood, and they
// never replace what an export must not: a project, the files that belong to
// it, or anything that is not an ordinary file.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace fokus {

// Why `target` may not be written, or nothing when it may: it is a Fokus
// project (any file named .fokus, or any SQLite file with Fokus's
// application id), a project's -wal, -shm or -journal file, inside a
// project's .index or .backups folder, or an existing folder, device, pipe,
// socket or dangling link. A link to an ordinary file is written through.
std::optional<std::string> unsafe_output_reason(const std::filesystem::path& target);

// FileError naming `target` when unsafe_output_reason has a reason.
void refuse_unsafe_output(const std::filesystem::path& target);

// Checks `target`, calls write(temporary_path) for a file in the target's
// folder, then renames it onto the target (onto the file a link points to).
// On any exception the temporary file is removed and the target is untouched.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// Writes bytes to target atomically; FileError naming target on failure.
void write_file(const std::filesystem::path& target, const std::string& bytes);

}  // namespace fokus
