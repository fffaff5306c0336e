// Work that runs in the background in the real workbench under Xvfb: an
// export writes the project as it was when asked for while the researcher
// goes on coding, and the window can be closed while it is under way; a
// merge and a search index built anew deliver to the window when done.
#include <doctest/doctest.h>

#include <filesystem>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/history.h"
#include "coding/project.h"
#include "fixtures.h"
#include "importers/refi_project.h"
#include "scratch.h"
#include "search/index.h"
#include "workbench_runner.h"

using namespace fokus;
using testing::run_workbench;

namespace {

std::size_t codings_of(const ProjectExchange& exchange, const std::string& code_name) {
    std::string guid;
    for (const auto& code : exchange.codes) {
        if (code.name == code_name) guid = code.guid;
    }
    return static_cast<std::size_t>(
        std::count_if(exchange.codings.begin(), exchange.codings.end(), [&](const auto& coding) { return coding.code_guid == guid; }));
}

std::string make_project(const testing::ScratchDir& dir, const std::string& name) {
    const auto path = (dir / name).string();
    auto project = Project::create(path);
    const Id document = testing::add_focus_group(project);
    CodingStore(project).add(document, CodeStore(project).resolve("Faglig tryghed").id,
                             testing::span_of(testing::focus_group_text, "lederen står bag os"));
    return path;
}

}  // namespace

TEST_CASE("an export holds the project as it was when asked for, while the researcher goes on coding") {
    testing::ScratchDir dir;
    const auto project_path = make_project(dir, "eksport.fokus");
    const auto exported = dir / "før kodningen.qdpx";
    const int shown = run_workbench(dir, project_path,
                                    "open Fokusgruppe Kommune B\n"
                                    "hold-work\n"
                                    "export-qdpx " + exported.string() + "\n"
                                    "select Man gør en forskel for familierne\n"
                                    "focus transcript\n"
                                    "press 2\n"
                                    "status Coded\n"
                                    "hold-work off\n"
                                    "status Saved\n"
                                    "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(shown == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    REQUIRE(CodingStore(project).list().size() == 2);  // the coding made while the export waited
    REQUIRE(std::filesystem::exists(exported));
    const auto exchange = importers::read_qdpx(exported);
    CHECK(exchange.codings.size() == 1);
    CHECK(codings_of(exchange, "Faglig tryghed") == 1);
}

TEST_CASE("the window closed while an export is under way: the file is written whole and the program ends cleanly") {
    testing::ScratchDir dir;
    const auto project_path = make_project(dir, "lukket.fokus");
    const auto exported = dir / "lukket.qdpx";
    const int shown = run_workbench(dir, project_path,
                                    "open Fokusgruppe Kommune B\n"
                                    "hold-work\n"
                                    "export-qdpx " + exported.string() + "\n"
                                    "close\n");
    const auto log = testing::read_file(dir / "workbench.log");
    INFO(log);
    CHECK(shown == 0);
    // The export was still waiting to begin when the window went.
    CHECK(log.find("closing with 1 background work under way") != std::string::npos);
    REQUIRE(std::filesystem::exists(exported));
    const auto exchange = importers::read_qdpx(exported);
    CHECK(exchange.documents.size() == 1);
    CHECK(exchange.codings.size() == 1);
    // The project is as it was, and opens for changes again: nothing holds it.
    auto project = Project::open(project_path);
    CHECK(CodingStore(project).list().size() == 1);
}

TEST_CASE("a failed export says so and leaves no file; the search index, built anew in the background, is then searched") {
    testing::ScratchDir dir;
    const auto project_path = make_project(dir, "indeks.fokus");
    const auto nowhere = dir / "mappen findes ikke" / "ud.qdpx";
    const int failed = run_workbench(dir, project_path, "export-qdpx " + nowhere.string() + "\nquit\n");
    const auto failed_log = testing::read_file(dir / "workbench.log");
    INFO(failed_log);
    CHECK(failed == 1);
    CHECK(failed_log.find("failed in the background: export-qdpx") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(nowhere));

    // The first run brought the index up to date as the project opened; this
    // one builds it anew, which only the command does.
    REQUIRE(std::filesystem::is_directory(search::Index::path_for(Project::open(project_path, Project::Access::ReadOnly))));
    const int searched = run_workbench(dir, project_path,
                                       "command analysis.reindex\n"
                                       "search familierne\n"
                                       "status The search index was built from the project.\n"
                                       "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    CHECK(searched == 0);
    CHECK(std::filesystem::is_directory(search::Index::path_for(Project::open(project_path, Project::Access::ReadOnly))));
}
