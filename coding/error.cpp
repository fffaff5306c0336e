#include "error.h"

#include <utility>

namespace fokus {

FileError::FileError(std::string path, const std::string& problem)
    : Error(path.empty() ? problem : path + ": " + problem), path_(std::move(path)) {}

ProjectError::ProjectError(std::string path, Reason reason, const std::string& problem)
    : FileError(std::move(path), problem), reason_(reason) {}

DatabaseError::DatabaseError(std::string path, const std::string& operation, int extended_code,
                             const std::string& detail)
    : FileError(std::move(path), operation + " failed: " + detail + " (SQLite error " +
                                     std::to_string(extended_code) + ")"),
      extended_code_(extended_code) {}

}  // namespace fokus
