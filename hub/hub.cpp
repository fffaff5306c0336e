#include "hub.h"

#include <string_view>

#include "coding/error.h"
#include "coding/sync.h"

namespace fokus::hub {

namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace {

constexpr int actions_per_push = 100;
constexpr int actions_per_pull = 500;

std::string hub_schema() {
    for (const auto& [name, content] : embedded::embedded_files()) {
        if (name == "hub_schema.sql") return std::string(content);
    }
    throw Error("the hub's schema is missing from this build");
}

sync::HubLink link_of(Project& copy) {
    auto link = sync::hub_link(copy);
    if (!link) {
        throw InputError(copy.path().string() +
                         " is not a copy of a hub project; publish it with fokus-cli hub init, or join one with fokus-cli hub join");
    }
    return *link;
}

bool schema_exists(Connection& hub) {
    return !hub.run("SELECT to_regprocedure('fokus_hub.push(text,text)')").is_null(0, 0);
}

// One action, in a transaction of its own; false when the hub refused it.
bool push_alone(Connection& hub, Project& copy, const std::string& project, const sync::ActionRecord& action,
                SyncReport& report) {
    try {
        const auto seq = hub.run("SELECT fokus_hub.push($1, $2)", {{project}, {action.body}}).int64(0, 0);
        sync::mark_sent(copy, action.guid, seq);
        ++report.pushed;
        return true;
    } catch (const HubError& error) {
        if (error.reason() != HubError::Reason::Refused) throw;
        sync::mark_refused(copy, action.guid, error.what());
        report.refused.push_back("\"" + action.label + "\": " + error.what());
        return false;
    }
}

void push(Connection& hub, Project& copy, const std::string& project, SyncReport& report) {
    for (auto waiting = sync::waiting_actions(copy, actions_per_push); !waiting.empty();
         waiting = sync::waiting_actions(copy, actions_per_push)) {
        // A batch is one transaction on the hub: its actions get their numbers
        // together, and are marked sent here only once the commit is known.
        std::vector<std::int64_t> numbers;
        bool refused = false;
        hub.exec("BEGIN");
        try {
            for (const auto& action : waiting) {
                numbers.push_back(hub.run("SELECT fokus_hub.push($1, $2)", {{project}, {action.body}}).int64(0, 0));
            }
            hub.exec("COMMIT");
        } catch (const HubError& error) {
            if (error.reason() != HubError::Reason::Refused) throw;
            hub.exec("ROLLBACK");
            refused = true;
        }
        if (refused) {
            // Found one by one, so that the others still go.
            for (const auto& action : waiting) push_alone(hub, copy, project, action, report);
            continue;
        }
        for (std::size_t i = 0; i < waiting.size(); ++i) sync::mark_sent(copy, waiting[i].guid, numbers[i]);
        report.pushed += static_cast<std::int64_t>(waiting.size());
    }
}

void pull(Connection& hub, Project& copy, const std::string& project, SyncReport& report) {
    while (true) {
        const auto after = link_of(copy).applied_seq;
        const auto batch = hub.run("SELECT seq, body FROM fokus_hub.pull($1, $2, $3)",
                                   {{project}, {std::to_string(after)}, {std::to_string(actions_per_pull)}});
        for (int row = 0; row < batch.rows(); ++row) {
            if (sync::apply_remote(copy, {batch.int64(row, 0), batch.text(row, 1)}) == sync::Applied::Applied) ++report.pulled;
        }
        if (batch.rows() < actions_per_pull) return;
    }
}

}  // namespace

void set_up(const std::string& conninfo) {
    Connection hub(conninfo);
    hub.exec(hub_schema());
}

void publish(const std::string& conninfo, Project& project, const std::string& name) {
    if (sync::hub_link(project)) {
        throw InputError(project.path().string() + " is already a copy of the hub project \"" + link_of(project).project + "\"");
    }
    Connection hub(conninfo);
    if (!schema_exists(hub)) hub.exec(hub_schema());
    const auto snapshot = sync::snapshot_of(project);
    hub.run("SELECT fokus_hub.publish($1, $2, $3, $4)",
            {{name}, {project.guid()}, {snapshot, true}, {project.coder_name()}});
    sync::link_to_hub(project, {without_password(conninfo), name, project.coder_name(), 0}, sync::Start::Published);
}

void add_member(Project& lead_copy, const std::string& db_role, const std::string& coder, const std::string& role) {
    if (role != "lead" && role != "coder") throw InputError("a member's role is lead or coder, not \"" + role + "\"");
    const auto link = link_of(lead_copy);
    Connection hub(link.conninfo);
    hub.run("SELECT fokus_hub.add_member($1, $2, $3, $4)", {{link.project}, {db_role}, {coder}, {role}});
}

void join(const std::string& conninfo, const std::string& name, const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::exists(path, error)) throw FileError(path.string(), "already exists; choose another name for the new copy");
    Connection hub(conninfo);
    const auto found = hub.run("SELECT snapshot, snapshot_seq::text, coder FROM fokus_hub.snapshot($1)", {{name}}, true);
    sync::write_snapshot(path, found.bytes(0, 0));
    try {
        auto copy = Project::open(path);
        sync::link_to_hub(copy, {without_password(conninfo), name, found.text(0, 2), std::stoll(found.text(0, 1))},
                          sync::Start::Joined);
        SyncReport report;
        pull(hub, copy, name, report);
    } catch (const HubError& lost) {
        if (lost.reason() != HubError::Reason::Unreachable) throw;
        // The copy is whole; the rest comes with its next sync.
    } catch (...) {
        std::filesystem::remove(path, error);
        throw;
    }
}

SyncReport sync(Project& copy) {
    const auto link = link_of(copy);
    SyncReport report;
    Connection hub(link.conninfo);
    push(hub, copy, link.project, report);
    pull(hub, copy, link.project, report);
    return report;
}

Status status(Project& copy) {
    const auto link = link_of(copy);
    Status found;
    found.hub = describe(link.conninfo);
    found.project = link.project;
    found.coder = link.coder;
    found.waiting_here = sync::waiting_count(copy);
    found.applied = link.applied_seq;
    found.conflicts = static_cast<std::int64_t>(sync::conflicts(copy).size());
    try {
        Connection hub(link.conninfo);
        const auto row = hub.run("SELECT latest, waiting, members FROM fokus_hub.status($1, $2)",
                                 {{link.project}, {std::to_string(link.applied_seq)}});
        found.latest = row.int64(0, 0);
        found.waiting_on_hub = row.int64(0, 1);
        found.members = row.text(0, 2);
        found.reachable = true;
    } catch (const HubError& error) {
        found.problem = error.what();
    }
    return found;
}

std::int64_t compact(Project& lead_copy) {
    const auto link = link_of(lead_copy);
    Connection hub(link.conninfo);
    SyncReport report;
    push(hub, lead_copy, link.project, report);
    pull(hub, lead_copy, link.project, report);
    if (sync::waiting_count(lead_copy) > 0) throw InputError("this copy still has actions the hub does not; sync first");
    const auto seq = link_of(lead_copy).applied_seq;
    hub.run("SELECT fokus_hub.compact($1, $2, $3)", {{link.project}, {sync::snapshot_of(lead_copy), true}, {std::to_string(seq)}});
    return seq;
}

}  // namespace fokus::hub
