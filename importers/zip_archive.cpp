#include "importers/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <fstream>
#include <string_view>

#include "coding/error.h"

namespace fokus::importers {
namespace {

bool escapes_archive(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
    if (name.find(':') != std::string::npos) return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = name.find_first_of("/\\", start);
        const auto part = name.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (part == "..") return true;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return false;
}

// A zip whose end was cut off still starts with a local file header.
bool starts_like_zip(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && std::string_view(magic, 4) == std::string_view("PK\x03\x04", 4);
}

}  // namespace

struct ZipArchive::Handle {
    zip_t* archive = nullptr;
    ~Handle() {
        if (archive) zip_discard(archive);
    }
};

ZipArchive::ZipArchive(const std::filesystem::path& path, const Limits& limits)
    : handle_(std::make_unique<Handle>()), path_(path.string()), limits_(limits) {
    int error = 0;
    handle_->archive = zip_open(path_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!handle_->archive) {
        if (error == ZIP_ER_NOZIP && !starts_like_zip(path)) {
            throw FormatError(path_, "is not a zip archive, so not a Word or OpenDocument file");
        }
        zip_error_t detail;
        zip_error_init_with_code(&detail, error);
        const std::string message = zip_error_strerror(&detail);
        zip_error_fini(&detail);
        throw FormatError(path_, "the archive is damaged or truncated (" + message + ")");
    }
    const auto count = zip_get_num_entries(handle_->archive, 0);
    if (count < 0 || static_cast<std::size_t>(count) > limits_.max_zip_entries) {
        throw FormatError(path_, "the archive has " + std::to_string(count) + " entries, more than the " +
                                     std::to_string(limits_.max_zip_entries) + " allowed");
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(handle_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        if (!name) throw FormatError(path_, "the archive's table of contents is damaged");
        if (escapes_archive(name)) {
            throw FormatError(path_, "the archive holds an entry named \"" + std::string(name) +
                                         "\" that points outside it; the file is refused");
        }
        names_.emplace_back(name);
    }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::has(const std::string& name) const {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string ZipArchive::read(const std::string& name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(handle_->archive, name.c_str(), 0, &stat) != 0) {
        throw FormatError(path_, "the archive has no " + name);
    }
    const auto limit = limits_.max_expanded_bytes;
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) {
        throw FormatError(path_, name + " expands to " + std::to_string(stat.size) + " bytes, more than the limit of " +
                                     std::to_string(limit) + " (a zip bomb?)");
    }
    zip_file_t* file = zip_fopen(handle_->archive, name.c_str(), 0);
    if (!file) throw FormatError(path_, name + " cannot be read from the archive: " + zip_strerror(handle_->archive));
    std::string content;
    char buffer[65536];
    while (true) {
        const auto got = zip_fread(file, buffer, sizeof buffer);
        if (got < 0) {
            const std::string message = zip_file_strerror(file);
            zip_fclose(file);
            throw FormatError(path_, name + " is damaged in the archive (" + message + ")");
        }
        if (got == 0) break;
        // The stated size can lie; count what really comes out.
        if (content.size() + static_cast<std::size_t>(got) > limit) {
            zip_fclose(file);
            throw FormatError(path_, name + " expands to more than the limit of " + std::to_string(limit) +
                                         " bytes (a zip bomb?)");
        }
        content.append(buffer, static_cast<std::size_t>(got));
    }
    zip_fclose(file);
    return content;
}

}  // namespace fokus::importers
