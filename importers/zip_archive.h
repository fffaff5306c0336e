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
    // An archive held in memory, such as an entry of another archive; `name`
    // stands for it in messages.
    ZipArchive(std::string bytes, std::string name, const Limits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    // The entry's bytes; FormatError if missing, larger than the limit, or
    // more than is left of the import's expansion budget.
    std::string read(const std::string& name) const;
    // The size the archive states for the entry, before reading it (it can
    // lie; read() counts what really comes out); 0 when unknown.
    std::uintmax_t stated_size(const std::string& name) const;
    // The archive's name in messages.
    const std::string& source() const { return path_; }
    const std::vector<std::string>& names() const { return names_; }

private:
    struct Handle;
    void open_entries();
    std::unique_ptr<Handle> handle_;
    std::string path_;
    Limits limits_;
    std::vector<std::string> names_;
};

}  // namespace fokus::importers
