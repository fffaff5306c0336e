#include "coding/output_file.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <string_view>
#include <system_error>

#include "coding/error.h"
#include "coding/schema.h"

namespace fokus {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_project_file(const fs::path& path) {
    std::error_code error;
    if (!fs::is_regular_file(path, error)) return false;
    return path.extension() == ".fokus" || schema::read_header(path).fokus();
}

// The project that `path` belongs to by its name: "P.fokus-wal" -> "P.fokus".
std::optional<fs::path> project_by_suffix(const fs::path& path, std::initializer_list<std::string_view> suffixes) {
    const std::string name = path.filename().string();
    for (const auto suffix : suffixes) {
        if (ends_with(name, suffix) && name.size() > suffix.size()) {
            const auto owner = path.parent_path() / name.substr(0, name.size() - suffix.size());
            if (is_project_file(owner)) return owner;
        }
    }
    return std::nullopt;
}

fs::path resolved(const fs::path& target) {
    std::error_code error;
    auto absolute = fs::weakly_canonical(fs::absolute(target, error), error);
    return error ? fs::absolute(target) : absolute;
}

}  // namespace

std::optional<std::string> unsafe_output_reason(const fs::path& target) {
    std::error_code error;
    const auto status = fs::symlink_status(target, error);
    if (fs::is_symlink(status) && !fs::exists(target, error)) return "is a link to a file that does not exist";
    const fs::path path = resolved(target);
    const auto kind = fs::status(path, error);
    if (fs::exists(kind)) {
        if (fs::is_directory(kind)) return "is a folder";
        if (!fs::is_regular_file(kind)) return "is not an ordinary file (a device, pipe or socket); choose a file name";
        if (is_project_file(path)) {
            return "is a Fokus project; an export never replaces a project (choose another file name)";
        }
    }
    if (const auto owner = project_by_suffix(path, {"-wal", "-shm", "-journal"})) {
        return "belongs to the project " + owner->string() + " (its SQLite journal); choose another file name";
    }
    for (auto folder = path.parent_path(); !folder.empty() && folder != folder.root_path(); folder = folder.parent_path()) {
        if (const auto owner = project_by_suffix(folder, {".index", ".backups"})) {
            return "lies inside " + folder.string() + ", which belongs to the project " + owner->string() +
                   "; choose a file outside it";
        }
    }
    return std::nullopt;
}

void refuse_unsafe_output(const fs::path& target) {
    if (const auto reason = unsafe_output_reason(target)) throw FileError(target.string(), "cannot be written: it " + *reason);
}

void write_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    refuse_unsafe_output(target);
    const fs::path destination = resolved(target);
    const fs::path directory = destination.parent_path();
    std::error_code error;
    if (!fs::is_directory(directory, error)) {
        throw FileError(target.string(), "the folder " + directory.string() + " does not exist");
    }
    // Unique within the process too, since exports may run on several threads.
    static std::atomic<unsigned> counter{0};
    const fs::path temporary = directory / ("." + destination.filename().string() + "." + std::to_string(::getpid()) + "." +
                                            std::to_string(counter++) + ".tmp");
    try {
        write(temporary);
        fs::rename(temporary, destination, error);
        if (error) throw FileError(target.string(), "could not be written: " + error.message());
    } catch (...) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw;
    }
}

void write_file(const fs::path& target, const std::string& bytes) {
    write_atomically(target, [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw FileError(target.string(), "cannot be created in its folder");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) throw FileError(target.string(), "could not be written completely (is the disk full?)");
    });
}

}  // namespace fokus
