#include "schema.h"

#include <charconv>
#include <fstream>
#include <map>
#include <string>

#include "embedded.h"
#include "error.h"
#include "passages.h"
#include "sqlite.h"

namespace fokus {
namespace embedded {

std::string_view file(std::string_view name) {
    for (const auto& [file_name, content] : embedded_files()) {
        if (file_name == name) return content;
    }
    throw Error("embedded file missing from this build: " + std::string(name));
}

}  // namespace embedded

namespace schema {
namespace {

// Migrations are the embedded files named NNNN-what.sql, applied in order.
const std::map<int, std::string_view>& migrations() {
    static const std::map<int, std::string_view> by_version = [] {
        std::map<int, std::string_view> result;
        for (const auto& [name, content] : embedded::embedded_files()) {
            if (name.size() < 9 || name.substr(name.size() - 4) != ".sql") continue;
            int version = 0;
            const auto [end, error] = std::from_chars(name.data(), name.data() + 4, version);
            if (error == std::errc() && end == name.data() + 4) result.emplace(version, content);
        }
        return result;
    }();
    return by_version;
}

// The steps of an upgrade that SQL alone cannot take, run right after the
// script of their version.
void run_step_after(sql::Connection& db, int version) {
    // Version 8: every character of a document belongs to a unit, a speaker
    // turn or an unlabelled passage; passages need the text split in lines.
    if (version == 8) add_unlabelled_passages(db);
}

}  // namespace

FileHeader read_header(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string header(100, '\0');
    FileHeader found;
    if (!in.read(header.data(), static_cast<std::streamsize>(header.size()))) return found;
    const auto big_endian_at = [&](std::size_t offset) {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(header[offset + i]);
        return value;
    };
    found.sqlite = header.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0;
    if (!found.sqlite) return found;
    found.user_version = big_endian_at(60);
    found.application_id = big_endian_at(68);
    const auto page_size = (static_cast<std::uint32_t>(static_cast<unsigned char>(header[16])) << 8) |
                           static_cast<unsigned char>(header[17]);
    found.page_size = page_size == 1 ? 65536 : page_size;
    // The page count at 28 holds only when "version-valid-for" (92) equals the change counter (24).
    if (big_endian_at(92) == big_endian_at(24)) found.page_count = big_endian_at(28);
    return found;
}

int current_version() { return migrations().empty() ? 0 : migrations().rbegin()->first; }

void migrate(sql::Connection& db, int target) {
    const auto from = static_cast<int>(db.scalar_int("PRAGMA user_version"));
    if (from >= target) return;
    sql::Transaction transaction(db);
    for (const auto& [version, script] : migrations()) {
        if (version > from && version <= target) {
            db.exec(script);
            run_step_after(db, version);
        }
    }
    db.exec("PRAGMA application_id = " + std::to_string(application_id));
    db.exec("PRAGMA user_version = " + std::to_string(target));
    transaction.commit();
}

}  // namespace schema
}  // namespace fokus
