#pragma once
// Shared by the fuzz targets: a scratch folder of this process only
// (/tmp/fokus-fuzz-<pid>/, made once and removed at a normal exit), where an
// input is written for the readers that take a path. Each target overwrites
// its one file every iteration.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fokus::fuzz {

class ScratchFolder {
public:
    ScratchFolder() : path_(std::filesystem::path("/tmp") / ("fokus-fuzz-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
        // Readers that need a temporary file of their own (a rich-text source
        // inside a .qdpx) ask temp_directory_path(): keep them in here too.
        ::setenv("TMPDIR", path_.c_str(), 1);
        // A project made by a target needs a coder's name.
        ::setenv("FOKUS_CODER", "Fuzz", 0);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline const ScratchFolder& scratch() {
    static const ScratchFolder folder;
    return folder;
}

// Writes the input to `name` in the scratch folder, replacing what was there.
inline std::filesystem::path write_input(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const auto path = scratch().path() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) std::abort();  // the harness itself failed, not the code under test
    return path;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace fokus::fuzz
