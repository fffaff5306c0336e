#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

TEST_CASE("new creates a project and info describes it") {
    testing::ScratchDir dir;
    const auto path = (dir / "børn og unge.fokus").string();
    auto created = run_cli(dir, {"new", path});
    CHECK(created.exit_code == 0);
    CHECK(created.out == "Created " + path + " with 23 codes\n");
    {
        auto project = Project::open(path);
        testing::add_focus_group(project);
    }
    auto info = run_cli(dir, {"info", path, "--json"});
    REQUIRE(info.exit_code == 0);
    const auto json = nlohmann::json::parse(info.out);
    CHECK(json["name"] == "børn og unge");
    CHECK(json["codes"] == 23);
    REQUIRE(json["documents"].size() == 1);
    CHECK(json["documents"][0]["name"] == "Fokusgruppe Kommune B");
    CHECK(json["documents"][0]["attributes"]["municipality"] == "Kommune B");
    CHECK(json["documents"][0]["turns"] == 3);
    CHECK(json["documents"][0]["speakers"][1]["label"] == "Rådgiver 1");
    auto text = run_cli(dir, {"info", path});
    CHECK(text.out.find("Fokusgruppe Kommune B  [txt,") != std::string::npos);
}

TEST_CASE("new refuses an existing file and an empty start is possible") {
    testing::ScratchDir dir;
    const auto path = (dir / "eksisterer.fokus").string();
    testing::write_file(path, "noter om sagsbehandlere");
    auto refused = run_cli(dir, {"new", path});
    CHECK(refused.exit_code == 4);
    CHECK(refused.err == "fokus-cli: " + path + ": already exists; choose another name or open it instead\n");
    CHECK(testing::read_file(path) == "noter om sagsbehandlere");
    auto empty = run_cli(dir, {"new", (dir / "tom.fokus").string(), "--empty"});
    CHECK(empty.exit_code == 0);
    CHECK(empty.out.find("with 0 codes") != std::string::npos);
}

TEST_CASE("a file that is not a project gives exit code 3, a message, and stays as it was") {
    testing::ScratchDir dir;
    const auto path = (dir / "udskrift.fokus").string();
    testing::write_file(path, "Interviewer: Hvad gør jer glade på arbejdet?\nRådgiver 1: Børnene.\n");
    for (const auto& command : std::vector<std::vector<std::string>>{
             {"info", path}, {"codes", path}, {"codes", path, "add", "Tillid"}, {"undo", path}}) {
        auto result = run_cli(dir, command);
        CHECK(result.exit_code == 3);
        CHECK(result.err == "fokus-cli: " + path + ": not a Fokus project (the file is not an SQLite database)\n");
    }
    CHECK(testing::read_file(path) == "Interviewer: Hvad gør jer glade på arbejdet?\nRådgiver 1: Børnene.\n");
    auto missing = run_cli(dir, {"info", (dir / "væk.fokus").string()});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("no such project file") != std::string::npos);
}

TEST_CASE("undo, redo and history from the command line") {
    testing::ScratchDir dir;
    const auto path = (dir / "fortryd.fokus").string();
    run_cli(dir, {"new", path});
    run_cli(dir, {"codes", path, "add", "Tillid til ledelsen"});
    auto history = run_cli(dir, {"history", path, "--json"});
    REQUIRE(history.exit_code == 0);
    CHECK(nlohmann::json::parse(history.out)[0]["label"] == "add code \"Tillid til ledelsen\"");
    auto undone = run_cli(dir, {"undo", path});
    CHECK(undone.exit_code == 0);
    CHECK(undone.out == "Undone: add code \"Tillid til ledelsen\"\n");
    CHECK(run_cli(dir, {"codes", path}).out.find("Tillid til ledelsen") == std::string::npos);
    CHECK(run_cli(dir, {"redo", path}).out == "Redone: add code \"Tillid til ledelsen\"\n");
    CHECK(run_cli(dir, {"codes", path}).out.find("Tillid til ledelsen") != std::string::npos);
    run_cli(dir, {"undo", path});
    auto nothing = run_cli(dir, {"undo", path});
    CHECK(nothing.exit_code == 1);
    CHECK(nothing.err == "fokus-cli: nothing to undo\n");
}

TEST_CASE("every command answers --help, and a wrong command line gives exit code 2") {
    testing::ScratchDir dir;
    for (const char* command : {"new", "info", "codes", "import-codebook", "export-codebook", "code", "codings", "memo",
                                "undo", "redo", "history", "import", "participants", "check-anonymity",
                                "pseudonymise", "freq", "cooccur", "crosstab", "contrast", "bikva", "condense", "search", "code-hits", "reindex", "check", "backup"}) {
        auto help = run_cli(dir, {command, "--help"});
        CHECK_MESSAGE(help.exit_code == 0, command);
        CHECK_MESSAGE(help.out.find("Usage") != std::string::npos, command);
    }
    for (const char* action : {"add", "rename", "move", "recolour", "define", "merge", "delete"}) {
        auto help = run_cli(dir, {"codes", "x.fokus", action, "--help"});
        CHECK_MESSAGE(help.exit_code == 0, action);
    }
    auto top = run_cli(dir, {"--help"});
    CHECK(top.out.find("Exit codes:") != std::string::npos);
    CHECK(run_cli(dir, {"kodér"}).exit_code == 2);
    CHECK(run_cli(dir, {"new"}).exit_code == 2);
}
