#pragma once
// Exports are written beside their target and renamed into place, so that a
// failure half-way never leaves a truncated report where a good one stood.
#include <filesystem>
#include <functional>
#include <string>

namespace fokus::exporters {

// Calls write(temporary_path), then renames the temporary file onto target.
// On any exception the temporary file is removed and the target is untouched.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// Writes bytes to target atomically; FileError naming target on failure.
void write_file(const std::filesystem::path& target, const std::string& bytes);

}  // namespace fokus::exporters
