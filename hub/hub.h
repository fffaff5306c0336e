#pragma once
// Team projects on a shared PostgreSQL hub. A lead publishes a project; each
// member joins with a local copy, works on it offline, and syncs: the copy's
// new actions go to the hub's ordered log, and everyone else's come back,
// each applied in one local transaction. The project file is changed only
// through coding/ (sync.h); this library only talks to the server.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "coding/project.h"
#include "hub/connection.h"

namespace fokus::hub {

// Creates the hub's schema and functions in the database, if not there yet.
// Needs a role that may create a schema; run once per hub by whoever runs the database.
void set_up(const std::string& conninfo);

// Publishes `project` on the hub as `name`, with its current coder as lead;
// the project becomes the lead's synced copy.
void publish(const std::string& conninfo, Project& project, const std::string& name);

// A lead lets a database role take part, as `coder`, with `role` "lead" or "coder".
void add_member(Project& lead_copy, const std::string& db_role, const std::string& coder, const std::string& role);

// Makes a new local copy of a hub project at `path` (which must not exist),
// acting for the member the connecting role is, and brings it up to date.
void join(const std::string& conninfo, const std::string& name, const std::filesystem::path& path);

struct SyncReport {
    std::int64_t pushed = 0;
    std::int64_t pulled = 0;
    std::vector<std::string> refused;  // the hub's reason for each action it refused
};
// Pushes this copy's waiting actions, then pulls and applies everyone else's.
// A lost connection leaves both sides whole: the next sync continues.
SyncReport sync(Project& copy);

struct Status {
    std::string hub;             // where, without a password
    std::string project;
    std::string coder;
    std::int64_t waiting_here = 0;   // actions of this copy not yet on the hub
    std::int64_t applied = 0;        // hub actions this copy holds, up to this number
    bool reachable = false;
    std::string problem;             // why not, when not
    std::int64_t waiting_on_hub = 0;  // others' actions not yet here
    std::int64_t latest = 0;
    std::string members;
    std::int64_t conflicts = 0;
};
Status status(Project& copy);

// A lead replaces the hub's snapshot with this copy (fully synced, nothing
// waiting), so that new members replay only the actions after it.
std::int64_t compact(Project& lead_copy);

}  // namespace fokus::hub
