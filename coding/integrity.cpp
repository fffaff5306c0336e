#include "integrity.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>

#include "code_tree.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "schema.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace fs = std::filesystem;

namespace {

// More than anyone reads; SQLite stops listing there.
constexpr int most_file_problems = 100;

std::vector<CodeLink> code_links(sql::Connection& db) {
    auto query = db.prepare("SELECT id, parent_id, name FROM codes ORDER BY id");
    std::vector<CodeLink> links;
    while (query.step()) links.push_back(CodeLink{query.int64(0), query.optional_int64(1), query.text(2)});
    return links;
}

// From the file's header, which SQLite may not get to read when the pages
// after it are damaged: a damaged project is still checked, another file not.
void refuse_unless_fokus_project(const fs::path& path) {
    const auto header = schema::read_header(path);
    if (!header.sqlite) {
        throw ProjectError(path.string(), ProjectError::Reason::NotAProject,
                           "not a Fokus project (the file is not an SQLite database)");
    }
    if (!header.fokus()) {
        throw ProjectError(path.string(), ProjectError::Reason::NotAProject,
                           "not a Fokus project (an SQLite database made by another program)");
    }
    if (static_cast<int>(header.user_version) > schema::current_version()) {
        throw ProjectError(path.string(), ProjectError::Reason::TooNew,
                           "made by a newer version of Fokus (schema " + std::to_string(header.user_version) +
                               "); check it with that version");
    }
}

// "the table documents (index documents_by_text_checksum)" for a message that
// names an index or table, so the reader knows what is affected.
std::string subject_of(const std::string& message, const std::map<std::string, std::string>& table_of) {
    const std::string* best = nullptr;
    for (const auto& [name, table] : table_of) {
        const auto at = message.find(name);
        if (at == std::string::npos) continue;
        const auto after = at + name.size();
        const bool whole = (at == 0 || message[at - 1] == ' ') && (after == message.size() || message[after] == ' ');
        if (whole && (!best || name.size() > best->size())) best = &name;
    }
    if (!best) return "the file";
    const auto& table = table_of.at(*best);
    return "the table " + table + (table == *best ? "" : " (index " + *best + ")");
}

void check_file(sql::Connection& db, IntegrityReport& report) {
    std::map<std::string, std::string> table_of;
    try {
        auto names = db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')");
        while (names.step()) table_of.emplace(names.text(0), names.text(1));
    } catch (const DatabaseError&) {
        // The schema itself is unreadable; integrity_check says so below.
    }
    auto check = db.prepare("PRAGMA integrity_check(" + std::to_string(most_file_problems) + ")");
    while (check.step()) {
        const auto verdict = check.text(0);
        if (verdict == "ok") continue;
        report.problems.push_back({IntegrityProblem::Kind::File, subject_of(verdict, table_of), verdict});
    }
}

void check_foreign_keys(sql::Connection& db, IntegrityReport& report) {
    auto check = db.prepare("PRAGMA foreign_key_check");
    while (check.step()) {
        const auto table = check.text(0);
        const auto parent = check.text(2);
        // A code whose parent is gone is reported, more plainly, with the code tree.
        if (table == "codes" && parent == "codes") continue;
        const auto row = check.is_null(1) ? std::string("a row") : "row " + std::to_string(check.int64(1));
        report.problems.push_back({IntegrityProblem::Kind::ForeignKey, "the table " + table,
                                   row + " refers to a row of " + parent + " that does not exist"});
    }
}

void check_texts(sql::Connection& db, IntegrityReport& report) {
    for (const auto& name : documents_with_changed_text(db)) {
        report.problems.push_back({IntegrityProblem::Kind::Text, "the document " + text::quote(name),
                                   "its text is not the text that was stored (its checksum differs): it was changed "
                                   "outside Fokus or damaged on disk"});
    }
}

void check_code_tree(sql::Connection& db, IntegrityReport& report) {
    for (auto& description : find_code_tree_damage(code_links(db)).descriptions()) {
        report.problems.push_back({IntegrityProblem::Kind::CodeTree, "the code tree", std::move(description)});
    }
}

}  // namespace

bool IntegrityReport::repairable() const noexcept {
    return std::any_of(problems.begin(), problems.end(),
                       [](const IntegrityProblem& p) { return p.kind == IntegrityProblem::Kind::CodeTree; });
}

std::vector<std::string> documents_with_changed_text(sql::Connection& db) {
    auto query = db.prepare("SELECT name, text, text_checksum FROM documents ORDER BY id");
    std::vector<std::string> changed;
    while (query.step()) {
        if (sha256_hex(query.text(1)) != query.text(2)) changed.push_back(query.text(0));
    }
    return changed;
}

IntegrityReport check_integrity(const fs::path& project) {
    std::error_code error;
    if (!fs::exists(project, error)) {
        throw ProjectError(project.string(), ProjectError::Reason::Missing, "no such project file");
    }
    if (fs::is_directory(project, error)) {
        throw ProjectError(project.string(), ProjectError::Reason::NotAProject, "is a folder, not a project file");
    }
    refuse_unless_fokus_project(project);
    sql::Connection db(project.string(), sql::Connection::Mode::ReadOnly);
    IntegrityReport report;
    // Each part runs even when another could not: damage in one table need not hide damage in the next.
    const std::vector<std::function<void(sql::Connection&, IntegrityReport&)>> parts = {
        check_file, check_foreign_keys, check_texts, check_code_tree};
    for (const auto& part : parts) {
        try {
            part(db, report);
        } catch (const DatabaseError& failure) {
            IntegrityProblem unreadable{IntegrityProblem::Kind::File, "the file",
                                        std::string("SQLite cannot read it: ") + sqlite3_errstr(failure.extended_code())};
            // A file SQLite cannot read at all fails every part the same way: said once.
            const bool said = std::any_of(report.problems.begin(), report.problems.end(),
                                          [&](const IntegrityProblem& p) { return p.problem == unreadable.problem; });
            if (!said) report.problems.push_back(std::move(unreadable));
        }
    }
    if (!report.clean()) report.newest_good_backup = backups::newest_good(project);
    return report;
}

CodeTreeRepair repair_code_tree(Project& project) {
    CodeTreeRepair repair;
    project.act("repair the code tree", [&] {
        auto& db = project.db();
        const auto damage = find_code_tree_damage(code_links(db));
        auto last = db.prepare("SELECT coalesce(max(position), -1) FROM codes WHERE parent_id IS NULL");
        last.step();
        std::int64_t position = last.int64(0);
        auto to_top = db.prepare("UPDATE codes SET parent_id = NULL, position = ? WHERE id = ?");
        auto move_to_top = [&](const CodeLink& code) {
            to_top.reset();
            to_top.bind_all(++position, code.id).run();
        };
        for (const auto& cycle : damage.cycles) {
            for (const auto& code : cycle) {
                move_to_top(code);
                repair.moved_to_top.push_back(code.name);
            }
        }
        for (const auto& code : damage.dangling) {
            move_to_top(code);
            repair.reattached.push_back(code.name);
        }
    });
    return repair;
}

}  // namespace fokus
