#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/schema.h"
#include "coding/sqlite.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("a project made with schema version 1 opens and is upgraded with its data intact") {
    testing::ScratchDir dir;
    const auto path = dir / "gammel.fokus";
    {
        sql::Connection db(path.string(), sql::Connection::Mode::Create);
        schema::migrate(db, 1);
        CHECK(db.scalar_int("PRAGMA user_version") == 1);
        db.exec("INSERT INTO project_info VALUES ('guid', '0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71'), ('name', 'gammel')");
        db.exec("INSERT INTO codes(guid, name, color, position) VALUES ('1b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71', "
                "'Faglig tryghed', '#A93270', 0)");
    }
    auto project = Project::open(path);
    CHECK(project.db().scalar_int("PRAGMA user_version") == schema::current_version());
    CHECK(project.db().scalar_int("PRAGMA application_id") == schema::application_id);
    const auto codes = CodeStore(project).all();
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].name == "Faglig tryghed");
    // The tables of version 2 exist and work after the upgrade.
    CodeStore(project).rename(codes[0].id, "Faglig tryghed og mod");
    CHECK(project.db().scalar_int("SELECT count(*) FROM undo_log") == 1);
}

TEST_CASE("a project from a newer version is refused and left untouched") {
    testing::ScratchDir dir;
    const auto path = dir / "ny.fokus";
    Project::create(path);
    {
        sql::Connection db(path.string(), sql::Connection::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 99");
    }
    const auto before = testing::read_file(path);
    CHECK_THROWS_WITH_AS(Project::open(path),
                         doctest::Contains("made by a newer version of Fokus (schema 99; this version reads up to"),
                         ProjectError);
    CHECK(testing::read_file(path) == before);
}

TEST_CASE("every migration leaves a consistent schema") {
    testing::ScratchDir dir;
    sql::Connection db((dir / "frisk.fokus").string(), sql::Connection::Mode::Create);
    schema::migrate(db, schema::current_version());
    auto check = db.prepare("PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
    CHECK(db.scalar_int("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") > 10);
}
