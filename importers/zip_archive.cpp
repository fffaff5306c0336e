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
    std::string bytes;  // of an archive held in memory, which libzip reads in place
    zip_t* archive = nullptr;
    ~Handle() {
        if (archive) zip_discard(archive);
    }
};

void ExpansionBudget::spend(std::uintmax_t bytes, const std::string& source, const std::string& what) {
    if (bytes > left_) {
        left_ = 0;
        throw FormatError(source, what + " would take what this import expands past " + std::to_string(total_ >> 20) +
                                      " MB in all (an entry used again and again, or a zip bomb?); the file is refused");
    }
    left_ -= bytes;
}

namespace {

[[noreturn]] void refuse_unopened(const std::string& source, int error, bool looks_like_zip) {
    if (error == ZIP_ER_NOZIP && !looks_like_zip) {
        throw FormatError(source, "is not a zip archive, so not a Word or OpenDocument file");
    }
    zip_error_t detail;
    zip_error_init_with_code(&detail, error);
    const std::string message = zip_error_strerror(&detail);
    zip_error_fini(&detail);
    throw FormatError(source, "the archive is damaged or truncated (" + message + ")");
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path, const Limits& limits)
    : handle_(std::make_unique<Handle>()), path_(path.string()), limits_(limits) {
    int error = 0;
    handle_->archive = zip_open(path_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!handle_->archive) refuse_unopened(path_, error, starts_like_zip(path));
    open_entries();
}

ZipArchive::ZipArchive(std::string bytes, std::string name, const Limits& limits)
    : handle_(std::make_unique<Handle>()), path_(std::move(name)), limits_(limits) {
    handle_->bytes = std::move(bytes);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(handle_->bytes.data(), handle_->bytes.size(), 0, &error);
    if (source) {
        handle_->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!handle_->archive) zip_source_free(source);
    }
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (!handle_->archive) {
        refuse_unopened(path_, code, std::string_view(handle_->bytes).substr(0, 4) == std::string_view("PK\x03\x04", 4));
    }
    open_entries();
}

void ZipArchive::open_entries() {
    if (!limits_.budget) limits_.budget = std::make_shared<ExpansionBudget>(limits_.max_total_expanded_bytes);
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

std::uintmax_t ZipArchive::stated_size(const std::string& name) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(handle_->archive, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) return 0;
    return stat.size;
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
    // The stated size is taken from the budget before a byte is inflated, so
    // an entry read too often is refused at once; what comes out beyond it
    // is taken as it comes.
    const std::uintmax_t stated = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    limits_.budget->spend(stated, path_, name);
    zip_file_t* file = zip_fopen(handle_->archive, name.c_str(), 0);
    if (!file) throw FormatError(path_, name + " cannot be read from the archive: " + zip_strerror(handle_->archive));
    struct Closer {
        zip_file_t* file;
        ~Closer() { zip_fclose(file); }
    } closer{file};
    std::string content;
    if (stated > 0) content.reserve(stated);
    char buffer[65536];
    while (true) {
        const auto got = zip_fread(file, buffer, sizeof buffer);
        if (got < 0) throw FormatError(path_, name + " is damaged in the archive (" + zip_file_strerror(file) + ")");
        if (got == 0) break;
        const auto chunk = static_cast<std::size_t>(got);
        // The stated size can lie; count what really comes out.
        if (content.size() + chunk > limit) {
            throw FormatError(path_, name + " expands to more than the limit of " + std::to_string(limit) +
                                         " bytes (a zip bomb?)");
        }
        if (content.size() + chunk > stated) {
            limits_.budget->spend(content.size() + chunk - std::max<std::uintmax_t>(stated, content.size()), path_, name);
        }
        content.append(buffer, chunk);
    }
    return content;
}

}  // namespace fokus::importers
