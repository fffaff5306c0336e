#include "coding/permanence.h"

#include "coding/backup.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"

namespace fokus {
namespace fs = std::filesystem;

PermanenceReport act_permanently(Project& project, std::string_view label, const std::function<void()>& change) {
    auto& db = project.db();
    PermanenceReport report;
    // Deleted rows and freed pages are overwritten with zeros while this runs.
    struct SecureDelete {
        sql::Connection& db;
        std::int64_t before = db.scalar_int("PRAGMA secure_delete");
        explicit SecureDelete(sql::Connection& connection) : db(connection) { db.exec("PRAGMA secure_delete = ON"); }
        ~SecureDelete() {
            try {
                db.exec("PRAGMA secure_delete = " + std::to_string(before));
            } catch (...) {
                // Left on: safer, only slower.
            }
        }
    } secure_delete(db);
    const auto last_before = db.scalar_int("SELECT coalesce(max(id), 0) FROM undo_log");
    project.act(label, change);
    const auto step = db.scalar_int("SELECT coalesce(max(id), 0) FROM undo_log");
    if (step == last_before) return report;  // nothing changed, so nothing to make permanent
    {
        sql::Transaction transaction(db);
        report.steps_removed = static_cast<int>(db.scalar_int("SELECT count(*) FROM undo_log WHERE id < " + std::to_string(step)));
        db.exec("DELETE FROM undo_log WHERE id < " + std::to_string(step));
        db.prepare("UPDATE undo_log SET changeset = X'', permanent = 1, label = ? WHERE id = ?")
            .bind_all(std::string(label) + (report.steps_removed > 0 ? " (permanent; " + std::to_string(report.steps_removed) +
                                                                           " earlier steps, which held the originals, removed from the history)"
                                                                     : " (permanent)"),
                      step)
            .run();
        transaction.commit();
    }
    // Every page written anew, none of the old ones left in the file; VACUUM's
    // own copy kept in memory rather than in a temporary file.
    db.exec("PRAGMA temp_store = MEMORY");
    db.exec("VACUUM");
    auto checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    checkpoint.step();
    report.log_emptied = checkpoint.int64(0) == 0;

    std::error_code error;
    for (const auto& backup : backups::list(project.path())) {
        if (fs::remove(backup.path, error)) report.files_removed.push_back(backup.path);
    }
    for (const auto& copy : backups::damaged_copies(project.path())) {
        if (fs::remove(copy, error)) report.files_removed.push_back(copy);
    }
    report.new_backup = backups::make(project);
    return report;
}

}  // namespace fokus
