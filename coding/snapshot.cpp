#include "snapshot.h"

#include "project.h"
#include "sqlite.h"

namespace fokus {

Snapshot::Snapshot(Project& project) : project_(project) {
    // A read transaction in WAL mode sees the database as it was at its first
    // read, whatever other connections commit later; the read is made now.
    project_.db().exec("BEGIN DEFERRED");
    try {
        project_.db().scalar_int("SELECT count(*) FROM sqlite_schema");
    } catch (...) {
        project_.db().exec("ROLLBACK");
        throw;
    }
}

Snapshot::~Snapshot() {
    try {
        project_.db().exec("ROLLBACK");
    } catch (...) {
        // Ending a read changes nothing; the connection is left as it is.
    }
}

}  // namespace fokus
