#include "search/index_integrity.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "coding/error.h"

namespace fokus::search {
namespace fs = std::filesystem;
namespace {

// Xapian's lock file holds no data and changes with every writer.
constexpr const char* lock_file = "flintlock";
constexpr const char* header = "fokus-index-integrity 1";

struct FileState {
    std::uintmax_t size = 0;
    std::int64_t modified = 0;  // nanoseconds since the clock's epoch
    std::uint32_t crc = 0;
};
using States = std::map<std::string, FileState>;

bool recorded(const fs::path& file) {
    const auto name = file.filename().string();
    // Names are written space-separated; Xapian's own have no spaces.
    return name != lock_file && name.rfind(integrity_file, 0) != 0 && name.find_first_of(" \t\r\n") == std::string::npos;
}

std::int64_t modified_of(const fs::path& file, std::error_code& error) {
    const auto time = fs::last_write_time(file, error);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

std::optional<std::uint32_t> crc_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<char> buffer(1 << 20);
    uLong crc = crc32(0L, Z_NULL, 0);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = in.gcount();
        if (got > 0) crc = crc32(crc, reinterpret_cast<const Bytef*>(buffer.data()), static_cast<uInt>(got));
    }
    if (in.bad()) return std::nullopt;
    return static_cast<std::uint32_t>(crc);
}

std::optional<States> read_record(const fs::path& index) {
    std::ifstream in(index / integrity_file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line) || line != header) return std::nullopt;
    States states;
    bool ended = false;
    while (std::getline(in, line)) {
        if (line == "end") {
            ended = true;
            break;
        }
        std::istringstream fields(line);
        std::string name;
        FileState state;
        if (!(fields >> name >> state.size >> state.modified >> state.crc) || !fields.eof()) return std::nullopt;
        states[name] = state;
    }
    // Written whole, so a record cut short, or with more after its end, is not Fokus's.
    if (!ended || states.empty() || in.peek() != std::ifstream::traits_type::eof()) return std::nullopt;
    return states;
}

void write_record(const fs::path& index, const States& states) {
    const auto target = index / integrity_file;
    auto temporary = target;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << header << '\n';
        for (const auto& [name, state] : states) out << name << ' ' << state.size << ' ' << state.modified << ' ' << state.crc << '\n';
        out << "end\n";
        out.flush();
        if (!out) throw FileError(temporary.string(), "cannot write the search index's record of its files");
    }
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) throw FileError(target.string(), "cannot write the search index's record of its files: " + error.message());
}

}  // namespace

void record_integrity(const fs::path& index) {
    // A file unchanged since the last record keeps its checksum unread.
    const auto previous = read_record(index).value_or(States{});
    States states;
    for (const auto& entry : fs::directory_iterator(index)) {
        if (!entry.is_regular_file() || !recorded(entry.path())) continue;
        const auto name = entry.path().filename().string();
        std::error_code error;
        FileState state{entry.file_size(), modified_of(entry.path(), error), 0};
        if (error) throw FileError(entry.path().string(), "cannot record the search index's file: " + error.message());
        const auto known = previous.find(name);
        if (known != previous.end() && known->second.size == state.size && known->second.modified == state.modified) {
            state.crc = known->second.crc;
        } else {
            const auto crc = crc_of(entry.path());
            if (!crc) throw FileError(entry.path().string(), "cannot read the search index's file to record it");
            state.crc = *crc;
        }
        states[name] = state;
    }
    write_record(index, states);
}

Integrity integrity_of(const fs::path& index) {
    std::error_code error;
    if (!fs::exists(index / integrity_file, error)) return Integrity::Unrecorded;
    const auto states = read_record(index);
    if (!states) return Integrity::Broken;
    for (const auto& [name, state] : *states) {
        const auto file = index / name;
        std::error_code error;
        const auto size = fs::file_size(file, error);
        if (error || size != state.size) return Integrity::Broken;
        const auto modified = modified_of(file, error);
        if (!error && modified == state.modified) continue;
        // Copied or touched, perhaps, yet whole.
        const auto crc = crc_of(file);
        if (!crc || *crc != state.crc) return Integrity::Broken;
    }
    return Integrity::Holds;
}

bool writer_at_work(const fs::path& index) {
    // Xapian's writer holds an open-file-description lock on the lock file;
    // asking does not take it.
    const int descriptor = ::open((index / lock_file).c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return false;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool held = ::fcntl(descriptor, F_OFD_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(descriptor);
    return held;
}

}  // namespace fokus::search
