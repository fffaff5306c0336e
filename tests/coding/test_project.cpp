#include <doctest/doctest.h>

#include <optional>

#include <thread>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
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
        CHECK_THROWS_WITH_AS(Project::open(path), doctest::Contains("not a Fokus project"), ProjectError);
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
