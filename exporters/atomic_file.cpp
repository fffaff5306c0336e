#include "exporters/atomic_file.h"

#include <fstream>
#include <system_error>
#include <unistd.h>

#include "coding/error.h"

namespace fokus::exporters {

namespace fs = std::filesystem;

void write_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path{"."};
    if (!fs::is_directory(directory)) {
        throw FileError(target.string(), "the folder " + directory.string() + " does not exist");
    }
    const fs::path temporary =
        directory / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
    try {
        write(temporary);
        std::error_code error;
        fs::rename(temporary, target, error);
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
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) throw FileError(target.string(), "could not be written");
    });
}

}  // namespace fokus::exporters
