#pragma once
// Writing zip containers (.docx, .odt, .qdpx) with libzip. Entries are kept in
// the order added, which matters for ODF: "mimetype" must come first, stored.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace fokus::exporters {

class ZipWriter {
public:
    // Creates (or truncates) the archive at path; FileError naming it on failure.
    explicit ZipWriter(const std::filesystem::path& path);
    // Discards the archive if commit() was not reached. Never throws.
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    enum class Compression { Deflate, Store };
    void add(const std::string& name, std::string bytes, Compression compression = Compression::Deflate);
    // Writes the archive to disk; FileError naming the path on failure.
    void commit();

private:
    struct Handle;
    std::unique_ptr<Handle> handle_;
};

// Writes a whole archive to target atomically: entries are added by fill.
void write_zip(const std::filesystem::path& target, const std::function<void(ZipWriter&)>& fill);

}  // namespace fokus::exporters
