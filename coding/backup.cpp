#include "backup.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <system_error>

#include "error.h"
#include "integrity.h"
#include "project.h"
#include "schema.h"
#include "sqlite.h"

namespace fokus::backups {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view extension = ".fokus";
constexpr int sqlite_full = 13;

// 20261122-150405: sorts by time as text.
std::string stamp_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &utc);
    return buffer;
}

// "<stem>-<stamp>[-n].fokus": the n-th backup made in that second sorts after the first.
std::string order_key(const fs::path& backup, const std::string& stem) {
    const std::string name = backup.stem().string();
    const std::string stamp = name.substr(stem.size() + 1, 15);
    const std::string rest = name.substr(std::min(name.size(), stem.size() + 1 + 15));
    const int n = rest.size() > 1 ? std::atoi(rest.c_str() + 1) : 1;
    char number[16];
    std::snprintf(number, sizeof number, "%06d", n);
    return stamp + number;
}

// The stamp in "<stem>-<stamp>[-n].fokus", shown as "2026-11-22 15:04:05".
std::optional<std::string> made_at(const fs::path& backup, const std::string& stem) {
    const std::string name = backup.filename().string();
    if (name.size() < stem.size() + 1 + 15 + extension.size() || name.rfind(stem + "-", 0) != 0) return std::nullopt;
    if (backup.extension() != extension) return std::nullopt;
    const std::string stamp = name.substr(stem.size() + 1, 15);
    if (stamp[8] != '-' || !std::all_of(stamp.begin(), stamp.begin() + 8, ::isdigit) ||
        !std::all_of(stamp.begin() + 9, stamp.end(), ::isdigit)) {
        return std::nullopt;
    }
    return stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + " " + stamp.substr(9, 2) + ":" +
           stamp.substr(11, 2) + ":" + stamp.substr(13, 2);
}

void copy_database(sql::Connection& from, const fs::path& to) {
    sql::Connection target(to.string(), sql::Connection::Mode::Create);
    sqlite3_backup* copy = sqlite3_backup_init(target.handle(), "main", from.handle(), "main");
    if (!copy) target.fail("starting a backup to " + to.string(), sqlite3_errcode(target.handle()));
    // All pages in one step: the copy is then of one moment, even while others write.
    const int stepped = sqlite3_backup_step(copy, -1);
    const int finished = sqlite3_backup_finish(copy);
    if (stepped != SQLITE_DONE) target.fail("copying the project to " + to.string(), stepped);
    if (finished != SQLITE_OK) target.fail("finishing the backup " + to.string(), finished);
    // A copy of one moment is whole: not open for changes, whatever the original is.
    target.prepare("DELETE FROM project_info WHERE key = ?").bind_all(schema::open_for_changes_key).run();
    // A backup is a single file: no write-ahead log beside it.
    target.exec("PRAGMA journal_mode = DELETE");
}

}  // namespace

fs::path folder_for(const fs::path& project) { return fs::path(project.string() + ".backups"); }

std::vector<Backup> list(const fs::path& project) {
    std::vector<Backup> found;
    std::error_code error;
    const auto folder = folder_for(project);
    if (!fs::is_directory(folder, error)) return found;
    const std::string stem = project.stem().string();
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (!entry.is_regular_file(error)) continue;
        if (const auto when = made_at(entry.path(), stem)) found.push_back({entry.path(), *when});
    }
    std::sort(found.begin(), found.end(), [&](const Backup& a, const Backup& b) {
        return order_key(a.path, stem) > order_key(b.path, stem);
    });
    return found;
}

fs::path make(Project& project, int keep) {
    const auto folder = folder_for(project.path());
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw FileError(folder.string(), "could not be made for backups: " + error.message());
    const std::string stem = project.path().stem().string();
    const std::string stamp = stamp_now();
    // Numbered after the last one of the same second, even if older ones were pruned.
    int last = 0;
    for (const auto& existing : list(project.path())) {
        const std::string key = order_key(existing.path, stem);
        if (key.compare(0, stamp.size(), stamp) == 0) last = std::max(last, std::atoi(key.c_str() + stamp.size()));
    }
    const std::string base = stem + "-" + stamp;
    fs::path target = folder / (base + (last == 0 ? std::string() : "-" + std::to_string(last + 1)) + std::string(extension));
    fs::path partial = target;
    partial += ".part";
    try {
        copy_database(project.db(), partial);
        fs::rename(partial, target, error);
        if (error) throw FileError(folder.string(), "the backup could not be put in place: " + error.message() + "; no backup was made");
    } catch (const DatabaseError& failure) {
        fs::remove(partial, error);
        // Not the project's fault: the copy is what could not be written.
        const std::string problem = (failure.extended_code() & 0xFF) == sqlite_full ? std::string("the disk is full")
                                                                                       : std::string(failure.what());
        throw FileError(folder.string(), "the backup could not be written there: " + problem + "; no backup was made");
    } catch (...) {
        fs::remove(partial, error);
        throw;
    }
    const auto all = list(project.path());
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < all.size(); ++i) fs::remove(all[i].path, error);
    return target;
}

bool is_good(const fs::path& backup) {
    try {
        sql::Connection db(backup.string(), sql::Connection::Mode::ReadOnly);
        if (db.scalar_int("PRAGMA application_id") != schema::application_id) return false;
        auto check = db.prepare("PRAGMA integrity_check");
        if (!check.step() || check.text(0) != "ok") return false;
        // A copy made after a byte of text changed carries the same change.
        return documents_with_changed_text(db).empty();
    } catch (const Error&) {
        return false;
    }
}

std::optional<Backup> newest_good(const fs::path& project) {
    for (const auto& backup : list(project)) {
        if (is_good(backup.path)) return backup;
    }
    return std::nullopt;
}

std::string restore_advice(const fs::path& project) {
    const auto backup = newest_good(project);
    if (!backup) return {};
    return "; the newest good backup is " + backup->path.string() + " (made " + backup->made_at +
           " UTC): restore it with fokus-cli restore " + project.string();
}

namespace {

// The name restore() gives a damaged file it sets aside, before the time.
std::string damaged_prefix(const fs::path& project) { return project.filename().string() + ".damaged-"; }

}  // namespace

std::vector<fs::path> damaged_copies(const fs::path& project) {
    std::vector<fs::path> found;
    std::error_code error;
    const auto folder = project.has_parent_path() ? project.parent_path() : fs::path(".");
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.path().filename().string().rfind(damaged_prefix(project), 0) == 0 && entry.is_regular_file(error)) {
            found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

fs::path restore(const fs::path& project, std::optional<fs::path> backup) {
    if (!backup) {
        const auto good = newest_good(project);
        if (!good) throw InputError(project.string() + ": there is no good backup in " + folder_for(project).string());
        backup = good->path;
    } else if (!is_good(*backup)) {
        throw InputError(backup->string() + " is not a good backup of a Fokus project (it fails SQLite's integrity check, or a text differs from its checksum)");
    }
    // Refuses when another program has the project open for changes.
    std::error_code error;
    const bool exists = fs::exists(project, error);
    if (exists) {
        // A damaged file may not open as a project; the lock alone is what is needed.
        Project::refuse_if_in_use(project);
    }
    const fs::path aside = project.parent_path() / (damaged_prefix(project) + stamp_now());
    if (exists) {
        fs::rename(project, aside, error);
        if (error) throw FileError(project.string(), "could not be moved aside: " + error.message());
        for (const char* suffix : {"-wal", "-shm"}) {
            const fs::path side(project.string() + suffix);
            if (fs::exists(side, error)) fs::rename(side, fs::path(aside.string() + suffix), error);
        }
    }
    fs::copy_file(*backup, project, fs::copy_options::overwrite_existing, error);
    if (error) {
        if (exists) fs::rename(aside, project, error);
        throw FileError(project.string(), "could not be restored from " + backup->string());
    }
    return exists ? aside : fs::path();
}

}  // namespace fokus::backups
