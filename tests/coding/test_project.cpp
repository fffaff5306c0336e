#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <optional>

#include <thread>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "damage.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("a new project has the default codebook and opens again") {
    testing::ScratchDir dir;
    const auto path = dir / "kommune-b.fokus";
    {
        auto project = Project::create(path);
        CHECK(project.name() == "kommune-b");
        CHECK(project.guid().size() == 36);
        CHECK(CodeStore(project).all().size() == 23);
        CHECK(project.db().scalar_int("SELECT count(*) FROM undo_log") == 0);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "kommune-b.fokus.part"));
    auto again = Project::open(path);
    CHECK(CodeStore(again).all().front().name == "Opfattelse af medarbejderomsætning");
}

TEST_CASE("creating over an existing file is refused") {
    testing::ScratchDir dir;
    const auto path = dir / "rådgivere.fokus";
    testing::write_file(path, "noter om rådgivere");
    CHECK_THROWS_WITH_AS(Project::create(path), doctest::Contains("already exists"), FileError);
    CHECK(testing::read_file(path) == "noter om rådgivere");
}

TEST_CASE("files that are not usable projects are refused with a clear message and left as they were") {
    testing::ScratchDir dir;
    SUBCASE("a text file renamed .fokus") {
        const auto path = dir / "interview.fokus";
        const std::string content(4096, 'x');
        testing::write_file(path, "Interviewer: Hvordan går det med børnene?\n" + content);
        const auto before = testing::read_file(path);
        CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("not a Fokus project (the file is not an SQLite database)"),
                             ProjectError);
        CHECK(testing::read_file(path) == before);
    }
    SUBCASE("an empty file") {
        const auto path = dir / "tom.fokus";
        testing::write_file(path, "");
        CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("is an empty file (0 bytes), not a Fokus project"),
                             ProjectError);
        CHECK(std::filesystem::file_size(path) == 0);
    }
    SUBCASE("an SQLite database of another program") {
        const auto path = dir / "andet.fokus";
        {
            sql::Connection db(path.string(), sql::Connection::Mode::Create);
            db.exec("CREATE TABLE børn(navn TEXT); INSERT INTO børn VALUES ('Åse')");
        }
        const auto before = testing::read_file(path);
        CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("an SQLite database made by another program"),
                             ProjectError);
        CHECK(testing::read_file(path) == before);
    }
    SUBCASE("a truncated project") {
        const auto path = dir / "afkortet.fokus";
        {
            auto project = Project::create(path);
            testing::add_focus_group(project);
        }
        auto content = testing::read_file(path);
        REQUIRE(content.size() > 8192);
        content.resize(content.size() / 2 + 100);
        testing::write_file(path, content);
        CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("damaged"), ProjectError);
        CHECK(testing::read_file(path) == content);
    }
    SUBCASE("a missing file") {
        CHECK_THROWS_WITH_AS(Project::open(dir / "findes-ikke.fokus"), doctest::Contains("no such project file"),
                             ProjectError);
        CHECK_FALSE(std::filesystem::exists(dir / "findes-ikke.fokus"));
    }
}

TEST_CASE("a project being changed by another program is refused for writing, and nothing changes") {
    testing::ScratchDir dir;
    const auto path = dir / "delt.fokus";
    auto project = Project::create(path);
    const Id document = testing::add_focus_group(project);
    const auto motivation = CodeStore(project).resolve("Motivation").id;

    sql::Connection other(path.string(), sql::Connection::Mode::ReadWrite);
    other.exec("BEGIN IMMEDIATE");
    try {
        CodingStore(project).add(document, motivation, Span{0, 11});
        FAIL("the coding was written while another program held the project");
    } catch (const ProjectError& error) {
        CHECK(error.reason() == ProjectError::Reason::InUse);
        CHECK(std::string(error.what()).find("being changed by another program") != std::string::npos);
    }
    other.exec("ROLLBACK");
    CHECK(CodingStore(project).list().empty());
    CodingStore(project).add(document, motivation, Span{0, 11});
    CHECK(CodingStore(project).list().size() == 1);
}

TEST_CASE("a read-only project refuses changes") {
    testing::ScratchDir dir;
    const auto path = dir / "læs.fokus";
    Project::create(path);
    auto project = Project::open(path, Project::Access::ReadOnly);
    CHECK(project.read_only());
    CHECK_THROWS_WITH_AS(CodeStore(project).add("Tillid"), doctest::Contains("read-only"), InputError);
}

TEST_CASE("the coder is recorded with each action and an empty name is refused") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "kodere.fokus");
    CHECK_THROWS_AS(project.set_coder("  "), InputError);
    project.set_coder("Søren Ærbødig");
    const Id document = testing::add_focus_group(project);
    const auto coding = CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id, Span{0, 11});
    CHECK(CodingStore(project).get(coding).coder_name == "Søren Ærbødig");
}

TEST_CASE("a second program changing the project is refused at once, while readers are let in") {
    testing::ScratchDir dir;
    const auto path = dir / "én skriver.fokus";
    std::optional<Project> writer = Project::create(path);
    try {
        Project::open(path);
        FAIL("a second writer was let in");
    } catch (const ProjectError& error) {
        CHECK(error.reason() == ProjectError::Reason::InUse);
        CHECK(std::string(error.what()).find("is open for changes in another program") != std::string::npos);
    }
    auto reader = Project::open(path, Project::Access::ReadOnly);
    CHECK(reader.name() == "én skriver");
    writer.reset();
    CHECK_NOTHROW(Project::open(path));
}

namespace {

// Damage that only a check of the whole file finds: the page of the memos
// table (which opening does not read) made of no known kind.
void damage_memos_page(const std::filesystem::path& path) {
    const auto page = testing::root_page_of(path, "memos");
    auto bytes = testing::read_file(path);
    bytes[static_cast<std::size_t>(page.offset)] = '\x00';
    testing::write_file(path, bytes);
}

// A program that opens the project for changes and dies without closing it.
void crash_while_open(const std::filesystem::path& path) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            auto project = Project::open(path);
            project.set_coder("Åse");
            ::_exit(0);  // no destructor runs, as in a crash
        } catch (...) {
            ::_exit(1);
        }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

bool marked_open(const std::filesystem::path& path) {
    sql::Connection db(path.string(), sql::Connection::Mode::ReadOnly);
    return db.scalar_int("SELECT count(*) FROM project_info WHERE key = 'open_for_changes'") == 1;
}

}  // namespace

TEST_CASE("a project closed cleanly opens without the full check; one left open by a crash is checked first") {
    testing::ScratchDir dir;
    const auto path = dir / "kommune-ø.fokus";
    {
        auto project = Project::create(path);
        testing::add_focus_group(project);
        CHECK(marked_open(path));  // while open for changes
    }
    CHECK_FALSE(marked_open(path));
    damage_memos_page(path);
    const auto damaged = testing::read_file(path);

    SUBCASE("closed cleanly: opening reads only what it needs, so this damage goes unseen until a check") {
        { auto project = Project::open(path, Project::Access::ReadOnly); }
        { auto project = Project::open(path); }
        sql::Connection db(path.string(), sql::Connection::Mode::ReadOnly);
        auto quick = db.prepare("PRAGMA quick_check");
        REQUIRE(quick.step());
        CHECK(quick.text(0) != "ok");
    }
    SUBCASE("left open by a crash: every open checks the file and refuses it as damaged, until it is repaired") {
        crash_while_open(path);
        CHECK(marked_open(path));
        for (const auto access : {Project::Access::ReadOnly, Project::Access::ReadWrite}) {
            try {
                Project::open(path, access);
                FAIL("a damaged project left open by a crash was opened");
            } catch (const ProjectError& error) {
                CHECK(error.reason() == ProjectError::Reason::Damaged);
                CHECK(std::string(error.what()).find("damaged") != std::string::npos);
            }
        }
        CHECK(marked_open(path));
    }
    SUBCASE("open for changes in a running program: a reader does not take that for a crash") {
        auto writer = Project::open(path);
        CHECK(marked_open(path));
        auto reader = Project::open(path, Project::Access::ReadOnly);
        CHECK(reader.name() == "kommune-ø");
    }
    CHECK_FALSE(damaged.empty());
}

TEST_CASE("a sound project left open by a crash passes the check, opens, and is marked closed again") {
    testing::ScratchDir dir;
    const auto path = dir / "bikva-æble.fokus";
    {
        auto project = Project::create(path);
        testing::add_focus_group(project);
    }
    crash_while_open(path);
    CHECK(marked_open(path));
    {
        auto project = Project::open(path);
        CHECK(CodeStore(project).resolve("Motivation").name == "Motivation");
    }
    CHECK_FALSE(marked_open(path));
}
