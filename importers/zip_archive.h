#pragma once
// Reading entries of zip containers (.docx, .odt, .qdpx) with the limits that
// keep a hostile file harmless: entry count, expanded size, and names that
// would reach outside the archive.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "importers/importer.h"

namespace fokus::importers {

class ZipArchive {
public:
    // Throws FormatError naming the file when it is not a zip, is damaged, or
    // breaks a limit.
    ZipArchive(const std::filesystem::path& path, const Limits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    // The entry's bytes; FormatError if missing or larger than the limit.
    std::string read(const std::string& name) const;
    const std::vector<std::string>& names() const { return names_; }

private:
    struct Handle;
    std::unique_ptr<Handle> handle_;
    std::string path_;
    Limits limits_;
    std::vector<std::string> names_;
};

}  // namespace fokus::importers
