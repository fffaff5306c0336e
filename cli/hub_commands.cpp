// hub and sync: team projects on a shared PostgreSQL hub.
#include <iostream>
#include <memory>

#include "cli/context.h"
#include "coding/sync.h"
#include "hub/hub.h"

namespace fokus::cli {
namespace {

const char* conninfo_help =
    "How to reach the hub, as libpq takes it: 'host=hub.example.dk dbname=fokus user=aase sslmode=verify-full', a "
    "postgresql:// URI or 'service=fokus' (~/.pg_service.conf). Passwords come from ~/.pgpass or PGPASSWORD and are never "
    "stored in the project";

std::string value_or_dash(const std::optional<std::string>& value) { return value ? *value : "-"; }

nlohmann::json conflict_json(const sync::Conflict& conflict) {
    const auto parsed = [](const std::optional<std::string>& value) {
        return value ? nlohmann::json::parse(*value) : nlohmann::json();
    };
    return {{"id", conflict.id},           {"kind", conflict.kind},
            {"entity_type", conflict.entity_type}, {"entity", nlohmann::json::parse(conflict.entity)},
            {"field", conflict.field},     {"kept_value", parsed(conflict.kept_value)},
            {"kept_by", conflict.kept_by}, {"lost_value", parsed(conflict.lost_value)},
            {"lost_by", conflict.lost_by}, {"noted_at", conflict.noted_at},
            {"resolved", conflict.resolved}};
}

void add_setup(CLI::App& hub) {
    auto conninfo = std::make_shared<std::string>();
    auto* command = hub.add_subcommand("setup", "Create the hub's tables and functions in a PostgreSQL database (once per hub, by its owner)");
    command->add_option("CONNINFO", *conninfo, conninfo_help)->required();
    command->callback([conninfo] {
        hub::set_up(*conninfo);
        std::cout << "The hub is ready in " << hub::describe(*conninfo) << '\n';
    });
}

void add_init(CLI::App& hub, Context& context) {
    struct Options {
        std::string conninfo, from, name;
    };
    auto options = std::make_shared<Options>();
    auto* command = hub.add_subcommand("init", "Publish a project on the hub; it becomes your synced copy, and you its lead");
    command->add_option("CONNINFO", options->conninfo, conninfo_help)->required();
    command->add_option("--from", options->from, "The project to publish")->required();
    command->add_option("--name", options->name, "Its name on the hub (default: the project's name)");
    command->callback([&context, options] {
        auto project = context.open(options->from);
        const auto name = options->name.empty() ? project.name() : options->name;
        hub::publish(options->conninfo, project, name);
        std::cout << "Published \"" << name << "\" on " << hub::describe(options->conninfo) << " with " << project.coder_name()
                  << " as lead; " << options->from << " is now a synced copy\n";
    });
}

void add_join(CLI::App& app, CLI::App& hub, Context& context) {
    struct Options {
        std::string conninfo, name, path;
    };
    auto options = std::make_shared<Options>();
    auto* command = hub.add_subcommand("join", "Make a local copy of a hub project, as the member your database role is");
    command->add_option("CONNINFO", options->conninfo, conninfo_help)->required();
    command->add_option("PROJECT-NAME", options->name, "The project's name on the hub")->required();
    command->add_option("COPY", options->path, "The new local project file")->required();
    command->callback([&app, &context, options] {
        // --coder, when given, must be the name the lead added this role as.
        const bool named = app.get_option("--coder")->count() > 0;
        hub::join(options->conninfo, options->name, options->path);
        auto copy = Project::open(options->path);
        const auto link = *sync::hub_link(copy);
        if (named && link.coder != context.coder) {
            std::cerr << "fokus-cli: note: the hub knows this database role as \"" << link.coder << "\", not \"" << context.coder
                      << "\"; the copy codes as \"" << link.coder << "\"\n";
        }
        std::cout << "Joined \"" << options->name << "\" as " << link.coder << " in " << options->path << " (up to hub action "
                  << link.applied_seq << ")\n";
    });
}

void add_member(CLI::App& hub, Context& context) {
    struct Options {
        std::string path, role_name, coder, role = "coder";
    };
    auto options = std::make_shared<Options>();
    auto* command = hub.add_subcommand("add-member", "As a lead, let a database role take part in the project, coding as CODER");
    command->add_option("COPY", options->path, "Your synced copy")->required();
    command->add_option("DB-ROLE", options->role_name, "The member's PostgreSQL role")->required();
    command->add_option("CODER", options->coder, "The name their work is recorded under")->required();
    command->add_option("--role", options->role, "lead (documents, codebook and all) or coder (codings, memos, quotes)")
        ->check(CLI::IsMember({"lead", "coder"}))
        ->capture_default_str();
    command->callback([&context, options] {
        auto copy = context.open(options->path, false);
        hub::add_member(copy, options->role_name, options->coder, options->role);
        std::cout << options->coder << " (" << options->role_name << ") is a " << options->role << " of \""
                  << sync::hub_link(copy)->project << "\"\n";
    });
}

void add_status(CLI::App& hub, Context& context) {
    struct Options {
        std::string path;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = hub.add_subcommand("status", "Say what is waiting each way between a copy and its hub, and who is online");
    command->add_option("COPY", options->path, "The synced copy")->required();
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        auto copy = context.open(options->path, false);
        const auto status = hub::status(copy);
        if (options->json) {
            print_json({{"hub", status.hub},
                        {"project", status.project},
                        {"coder", status.coder},
                        {"reachable", status.reachable},
                        {"problem", status.problem},
                        {"waiting_here", status.waiting_here},
                        {"waiting_on_hub", status.waiting_on_hub},
                        {"applied", status.applied},
                        {"latest", status.latest},
                        {"members", status.members},
                        {"conflicts", status.conflicts}});
            return;
        }
        std::cout << "\"" << status.project << "\" on " << status.hub << ", coding as " << status.coder << '\n';
        std::cout << "Waiting to be sent: " << status.waiting_here << " action" << (status.waiting_here == 1 ? "" : "s") << '\n';
        if (status.reachable) {
            std::cout << "Waiting on the hub: " << status.waiting_on_hub << " action" << (status.waiting_on_hub == 1 ? "" : "s")
                      << " (this copy holds up to " << status.applied << " of " << status.latest << ")\n";
            std::cout << "Members: " << status.members << '\n';
        } else {
            std::cout << "Offline: " << status.problem << '\n';
        }
        std::cout << "Conflicts to look at: " << status.conflicts << (status.conflicts ? " (fokus-cli hub conflicts)" : "") << '\n';
    });
}

void add_conflicts(CLI::App& hub, Context& context) {
    struct Options {
        std::string path;
        bool json = false, all = false;
        std::int64_t keep = 0, revert = 0;
    };
    auto options = std::make_shared<Options>();
    auto* command = hub.add_subcommand("conflicts", "List values overwritten by a concurrent change; keep what won, or put one back");
    command->add_option("COPY", options->path, "The synced copy")->required();
    command->add_flag("--all", options->all, "Also those already settled");
    command->add_option("--keep", options->keep, "Settle conflict N by keeping the value that won");
    command->add_option("--revert", options->revert, "Put back the value conflict N lost, as a new action that syncs");
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        auto copy = context.open(options->path, options->keep || options->revert);
        if (options->keep) {
            sync::keep_conflict(copy, options->keep);
            std::cout << "Conflict " << options->keep << " settled: the value that won stays\n";
            return;
        }
        if (options->revert) {
            sync::revert_conflict(copy, options->revert);
            std::cout << "Conflict " << options->revert << " settled: its lost value is back, and goes to the others with the next sync\n";
            return;
        }
        const auto listed = sync::conflicts(copy, options->all);
        if (options->json) {
            auto rows = nlohmann::json::array();
            for (const auto& conflict : listed) rows.push_back(conflict_json(conflict));
            print_json(rows);
            return;
        }
        if (listed.empty()) std::cout << "No conflicts\n";
        for (const auto& conflict : listed) {
            std::cout << conflict.id << ". " << conflict.kind << " " << conflict.entity_type << " " << conflict.entity;
            if (!conflict.field.empty()) std::cout << " " << conflict.field;
            std::cout << ": " << value_or_dash(conflict.lost_value) << " by " << (conflict.lost_by.empty() ? "-" : conflict.lost_by);
            if (conflict.kept_value) std::cout << " lost to " << *conflict.kept_value << " by " << conflict.kept_by;
            std::cout << " (" << conflict.noted_at << ")" << (conflict.resolved ? " settled" : "") << '\n';
        }
    });
}

void add_compact(CLI::App& hub, Context& context) {
    auto path = std::make_shared<std::string>();
    auto* command = hub.add_subcommand("compact", "As a lead, make this copy the hub's snapshot, so new members replay only later actions");
    command->add_option("COPY", *path, "Your synced copy")->required();
    command->callback([&context, path] {
        auto copy = context.open(*path);
        const auto seq = hub::compact(copy);
        std::cout << "New members now start from hub action " << seq << '\n';
    });
}

}  // namespace

void add_hub_commands(CLI::App& app, Context& context) {
    auto* hub = app.add_subcommand("hub", "Team projects on a shared PostgreSQL hub: publish, join, members, status, conflicts");
    hub->require_subcommand(1);
    add_setup(*hub);
    add_init(*hub, context);
    add_join(app, *hub, context);
    add_member(*hub, context);
    add_status(*hub, context);
    add_conflicts(*hub, context);
    add_compact(*hub, context);

    auto path = std::make_shared<std::string>();
    auto* sync_command = app.add_subcommand("sync", "Send this copy's new actions to its hub and apply everyone else's");
    sync_command->add_option("COPY", *path, "The synced copy")->required();
    sync_command->callback([&context, path] {
        auto copy = context.open(*path);
        const auto report = hub::sync(copy);
        std::cout << "Sent " << report.pushed << ", received " << report.pulled << " action" << (report.pulled == 1 ? "" : "s") << '\n';
        for (const auto& refusal : report.refused) std::cerr << "fokus-cli: the hub refused " << refusal << '\n';
        const auto open_conflicts = sync::conflicts(copy).size();
        if (open_conflicts) std::cout << open_conflicts << " conflict" << (open_conflicts == 1 ? "" : "s") << " to look at: fokus-cli hub conflicts " << *path << '\n';
        if (!report.refused.empty()) throw ExitAfterReport{refused};
    });
}

}  // namespace fokus::cli
