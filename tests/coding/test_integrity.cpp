#include <doctest/doctest.h>

#include <optional>

#include "coding/backup.h"
#include "coding/codebook.h"
#include "coding/code_tree.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/exchange.h"
#include "coding/history.h"
#include "coding/integrity.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "damage.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;
namespace fs = std::filesystem;

namespace {

std::string message_of(const std::function<void()>& action, ProjectError::Reason expected) {
    try {
        action();
    } catch (const ProjectError& error) {
        CHECK(error.reason() == expected);
        return error.what();
    }
    FAIL("no ProjectError");
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A closed project with the focus group and a backup made before any damage.
struct Closed {
    testing::ScratchDir dir;
    fs::path path = dir / "trivsel på arbejdet.fokus";
    fs::path backup;
    Closed() {
        auto project = Project::create(path);
        testing::add_focus_group(project);
        backup = backups::make(project);
    }
};

}  // namespace

TEST_CASE("a byte of stored text changed on disk is found by the check and refused wherever the text is read") {
    Closed c;
    const std::string before = testing::read_file(c.path);
    CHECK(check_integrity(c.path).clean());
    testing::change_bytes_in_page(c.path, "documents", "føler man sig tryg", "føler man sig tryk");
    {
        // SQLite itself reads the row as ever, the changed word and all: it keeps no checksum of content.
        sql::Connection db(c.path.string(), sql::Connection::Mode::ReadOnly);
        auto row = db.prepare("SELECT text FROM documents");
        REQUIRE(row.step());
        CHECK(contains(row.text(0), "Så føler man sig tryk i sin faglighed"));
        auto quick = db.prepare("PRAGMA quick_check");
        quick.step();
        CHECK(quick.text(0) == "ok");
    }
    const std::string damaged = testing::read_file(c.path);

    const auto report = check_integrity(c.path);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == IntegrityProblem::Kind::Text);
    CHECK(report.problems[0].subject == "the document \"Fokusgruppe Kommune B\"");
    REQUIRE(report.newest_good_backup);
    CHECK(report.newest_good_backup->path == c.backup);

    auto project = Project::open(c.path, Project::Access::ReadOnly);  // the quick check at opening passes
    DocumentStore documents(project);
    const Id id = documents.resolve("Fokusgruppe Kommune B").id;
    const auto refused = message_of([&] { documents.text(id); }, ProjectError::Reason::Damaged);
    CHECK(contains(refused, "the text of \"Fokusgruppe Kommune B\" is not the text that was stored"));
    CHECK(contains(refused, "the newest good backup is " + c.backup.string()));
    CHECK(contains(message_of([&] { read_exchange(project); }, ProjectError::Reason::Damaged), "\"Fokusgruppe Kommune B\""));
    CHECK(testing::read_file(c.path) == damaged);
    CHECK(damaged != before);
}

TEST_CASE("a backup that carries the same changed text is not offered as good") {
    Closed c;
    testing::change_bytes_in_page(c.path, "documents", "føler man sig tryg", "føler man sig tryk");
    {
        auto project = Project::open(c.path);
        backups::make(project);
    }
    REQUIRE(backups::list(c.path).size() == 2);
    CHECK_FALSE(backups::is_good(backups::list(c.path).front().path));
    const auto report = check_integrity(c.path);
    REQUIRE(report.newest_good_backup);
    CHECK(report.newest_good_backup->path == c.backup);
}

TEST_CASE("an index page that disagrees with its table passes the quick check at opening but not the full check") {
    Closed c;
    std::string checksum;
    {
        auto project = Project::open(c.path, Project::Access::ReadOnly);
        checksum = DocumentStore(project).all().front().text_checksum;
    }
    std::string changed = checksum;
    changed[0] = checksum[0] == '0' ? '1' : '0';
    testing::change_bytes_in_page(c.path, "documents_by_text_checksum", checksum, changed);
    const std::string damaged = testing::read_file(c.path);

    CHECK_NOTHROW(Project::open(c.path, Project::Access::ReadOnly));
    const auto report = check_integrity(c.path);
    REQUIRE_FALSE(report.clean());
    for (const auto& problem : report.problems) {
        CAPTURE(problem.problem);
        CHECK(problem.kind == IntegrityProblem::Kind::File);
        CHECK(problem.subject == "the table documents (index documents_by_text_checksum)");
    }
    CHECK(contains(report.problems.front().problem, "missing from index documents_by_text_checksum"));
    REQUIRE(report.newest_good_backup);
    CHECK(report.newest_good_backup->path == c.backup);
    CHECK(testing::read_file(c.path) == damaged);
}

TEST_CASE("a loop of parents is refused naming its codes, and repaired to the top level as one undoable step") {
    Closed c;
    testing::make_loop_of_parents(c.path);
    auto project = Project::open(c.path);
    CodeStore codes(project);
    const auto refused = message_of([&] { codes.all(); }, ProjectError::Reason::Damaged);
    CHECK(contains(refused, "the code tree is damaged"));
    CHECK(contains(refused, "\"Ærlighed\""));
    CHECK(contains(refused, "\"Åbenhed\""));
    CHECK(contains(refused, "fokus-cli check --repair " + c.path.string()));
    CHECK_FALSE(contains(refused, "map::at"));
    CHECK(contains(message_of([&] { codes.to_codebook(); }, ProjectError::Reason::Damaged), "\"Åbenhed\""));
    CHECK(contains(message_of([&] { read_exchange(project); }, ProjectError::Reason::Damaged), "\"Ærlighed\""));

    const auto report = check_integrity(c.path);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == IntegrityProblem::Kind::CodeTree);
    CHECK(contains(report.problems[0].problem, "\"Ærlighed\""));
    CHECK(contains(report.problems[0].problem, "\"Åbenhed\""));
    CHECK(report.repairable());

    const auto repair = repair_code_tree(project);
    CHECK(repair.moved_to_top.size() == 2);
    CHECK(repair.reattached.empty());
    const auto all = codes.all();
    CHECK(all.size() == 25);  // the 23 of the default codebook and the two
    for (const char* name : {"Ærlighed", "Åbenhed"}) {
        const auto code = codes.resolve(name);
        CHECK_FALSE(code.parent);
        CHECK(code.depth == 0);
    }
    CHECK(check_integrity(c.path).clean());

    History history(project);
    CHECK(history.undo().label == "repair the code tree");
    CHECK_THROWS_AS(codes.all(), ProjectError);
    history.redo();
    CHECK(codes.all().size() == 25);
    CHECK(check_integrity(c.path).clean());
}

TEST_CASE("a code whose parent is gone is refused, and repaired by putting it at the top level") {
    Closed c;
    {
        sql::Connection db(c.path.string(), sql::Connection::Mode::ReadWrite);
        db.exec("PRAGMA foreign_keys = OFF");
        db.exec("UPDATE codes SET parent_id = 9999 WHERE name = 'Motivation'");
    }
    auto project = Project::open(c.path);
    CodeStore codes(project);
    const auto refused = message_of([&] { codes.all(); }, ProjectError::Reason::Damaged);
    CHECK(contains(refused, "the code \"Motivation\""));
    CHECK(contains(refused, "(id 9999) that does not exist"));
    const auto report = check_integrity(c.path);
    REQUIRE(report.problems.size() == 1);  // the foreign-key check says the same, once
    CHECK(report.problems[0].kind == IntegrityProblem::Kind::CodeTree);

    const auto repair = repair_code_tree(project);
    CHECK(repair.reattached == std::vector<std::string>{"Motivation"});
    CHECK_FALSE(codes.resolve("Motivation").parent);
    CHECK(codes.all().size() == 23);
    CHECK(check_integrity(c.path).clean());
    CHECK(repair_code_tree(project).nothing_done());
}

TEST_CASE("undo and redo of an import keep the stored text and its checksum together") {
    Closed c;
    auto project = Project::open(c.path);
    testing::add_focus_group(project, "Fokusgruppe Kommune D", "Kommune D");
    History history(project);
    history.undo();
    CHECK(check_integrity(c.path).clean());
    history.redo();
    CHECK(check_integrity(c.path).clean());
    DocumentStore documents(project);
    CHECK(documents.text(documents.resolve("Fokusgruppe Kommune D").id) == testing::focus_group_text);
}

TEST_CASE("the code tree's damage: a code its own parent, a loop with a branch below it, a lost parent with its children") {
    const std::vector<CodeLink> codes = {
        {1, std::nullopt, "Motivation"},  // sound, with a sound child
        {2, 1, "Løn"},
        {3, 3, "Rygdækning"},             // its own parent
        {4, 6, "Tillid"},                 // 4 → 6 → 5 → 4, a loop
        {5, 4, "Åbenhed"},
        {6, 5, "Ærlighed"},
        {7, 5, "Sparring"},               // below the loop, but not in it
        {8, 99, "Børnene"},               // its parent is gone
        {9, 8, "Forældrene"},             // below it, with a parent that exists
    };
    const auto damage = find_code_tree_damage(codes);
    REQUIRE(damage.cycles.size() == 2);
    REQUIRE(damage.cycles[0].size() == 1);
    CHECK(damage.cycles[0][0].name == "Rygdækning");
    std::vector<Id> loop;
    for (const auto& code : damage.cycles[1]) loop.push_back(code.id);
    CHECK(loop == std::vector<Id>{4, 6, 5});
    REQUIRE(damage.dangling.size() == 1);
    CHECK(damage.dangling[0].name == "Børnene");
    CHECK(damage.descriptions() ==
          std::vector<std::string>{"the code \"Rygdækning\" is its own parent",
                                   "the codes \"Tillid\" → \"Ærlighed\" → \"Åbenhed\" → \"Tillid\" are each under the next, in a loop",
                                   "the code \"Børnene\" (id 8) has a parent (id 99) that does not exist"});
    CHECK(find_code_tree_damage({codes[0], codes[1]}).empty());
}

TEST_CASE("check refuses a file that is not a Fokus project, and one that is missing") {
    testing::ScratchDir dir;
    testing::write_file(dir / "noter.fokus", "Dette er ikke et projekt, bare noter om rådgivning.\n");
    CHECK(message_of([&] { check_integrity(dir / "noter.fokus"); }, ProjectError::Reason::NotAProject) != "");
    CHECK(message_of([&] { check_integrity(dir / "væk.fokus"); }, ProjectError::Reason::Missing) != "");
}
