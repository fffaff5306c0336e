// check: the full check of a project file, and the repair of its code tree.
#include <iostream>
#include <memory>

#include "cli/context.h"
#include "cli/tables.h"
#include "coding/error.h"
#include "coding/integrity.h"
#include "coding/text.h"

namespace fokus::cli {
namespace {

const char* kind_name(IntegrityProblem::Kind kind) {
    switch (kind) {
        case IntegrityProblem::Kind::File: return "file";
        case IntegrityProblem::Kind::ForeignKey: return "foreign_key";
        case IntegrityProblem::Kind::Text: return "text";
        case IntegrityProblem::Kind::CodeTree: return "code_tree";
    }
    return "file";
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + text::quote(name);
    return list;
}

void print_repair(const CodeTreeRepair& repair) {
    if (repair.nothing_done()) {
        std::cout << "The code tree needed no repair\n";
        return;
    }
    std::cout << "Repaired the code tree as one step (fokus-cli undo takes it back):\n";
    if (!repair.moved_to_top.empty()) {
        std::cout << "  moved " << quoted_list(repair.moved_to_top) << " to the top level, out of a loop of parents\n";
    }
    if (!repair.reattached.empty()) {
        std::cout << "  put " << quoted_list(repair.reattached) << ", whose parent was gone, at the top level\n";
    }
}

void print_report(const std::string& path, const IntegrityReport& report) {
    if (report.clean()) {
        std::cout << "No damage found in " << path
                  << " (SQLite's integrity and foreign-key checks, the text of every document, the code tree)\n";
        return;
    }
    std::cout << path << " is damaged (" << count_of(report.problems.size(), "problem", "problems") << "):\n";
    for (const auto& problem : report.problems) std::cout << "  " << problem.subject << ": " << problem.problem << '\n';
    if (report.newest_good_backup) {
        std::cout << "The newest good backup is " << report.newest_good_backup->path.string() << " (made "
                  << report.newest_good_backup->made_at << " UTC): restore it with fokus-cli restore " << path << '\n';
    } else {
        std::cout << "There is no good backup to restore.\n";
    }
    if (report.repairable()) std::cout << "The code tree can be repaired with fokus-cli check --repair " << path << '\n';
}

nlohmann::json report_json(const std::string& path, const IntegrityReport& report) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& problem : report.problems) {
        problems.push_back({{"kind", kind_name(problem.kind)}, {"subject", problem.subject}, {"problem", problem.problem}});
    }
    nlohmann::json backup = nullptr;
    if (report.newest_good_backup) {
        backup = {{"path", report.newest_good_backup->path.string()}, {"made_at", report.newest_good_backup->made_at}};
    }
    return {{"path", path}, {"clean", report.clean()}, {"problems", problems}, {"newest_good_backup", backup}};
}

}  // namespace

void add_check_command(CLI::App& app, Context& context) {
    struct Options {
        std::string path;
        bool json = false;
        bool repair = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "check", "Check the whole project file: SQLite's integrity and foreign keys, the text of every document against "
                 "its checksum, and the code tree; exit 3 when damaged");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_flag("--repair", options->repair,
                      "First repair what can be repaired safely: codes in a loop of parents, or whose parent is gone, "
                      "move to the top level (one step of undo)");
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        std::optional<CodeTreeRepair> repair;
        if (options->repair) {
            auto project = context.open(options->path);
            repair = repair_code_tree(project);
        }
        const auto report = check_integrity(options->path);
        if (options->json) {
            auto json = report_json(options->path, report);
            if (repair) json["repaired"] = {{"moved_to_top", repair->moved_to_top}, {"reattached", repair->reattached}};
            print_json(json);
        } else {
            if (repair) print_repair(*repair);
            print_report(options->path, report);
        }
        if (!report.clean()) {
            throw ProjectError(options->path, ProjectError::Reason::Damaged,
                               "the project is damaged (" + count_of(report.problems.size(), "problem", "problems") + ", listed above)");
        }
    });
}

}  // namespace fokus::cli
