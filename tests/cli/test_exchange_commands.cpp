// export-qdpx, import-qdpx and merge from the command line.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "exporters/zip_writer.h"
#include "fixtures.h"
#include "importers/zip_archive.h"

using namespace fokus;
using testing::run_cli;

namespace {

std::string coded_project(const testing::ScratchDir& dir, const std::string& name = "projekt.fokus") {
    const auto path = (dir / name).string();
    auto project = Project::create(path);
    const Id document = testing::add_focus_group(project);
    project.set_coder("Åse");
    CodingStore(project).add(document, CodeStore(project).resolve("Faglig tryghed").id,
                             testing::span_of(testing::focus_group_text, "lederen står bag os"));
    return path;
}

std::int64_t count(const std::string& path, const std::string& sql) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    return project.db().scalar_int(sql);
}

// What another tool does with the exported file: a new user codes a passage.
void code_elsewhere(const std::filesystem::path& qdpx, const std::filesystem::path& changed, Span span) {
    importers::ZipArchive archive(qdpx, {});
    std::string qde = archive.read("project.qde");
    const auto users_end = qde.find("</Users>");
    REQUIRE(users_end != std::string::npos);
    qde.insert(users_end, "<User guid=\"c0ffee00-1234-4abc-8def-000000000001\" name=\"Carla Ærenfeldt\"/>");
    const auto code_at = qde.find("name=\"Motivation\"");
    const auto guid_at = qde.rfind("guid=\"", code_at) + 6;
    const std::string motivation = qde.substr(guid_at, 36);
    const auto source_end = qde.find("</TextSource>");
    std::string selection = "<PlainTextSelection guid=\"c0ffee00-1234-4abc-8def-000000000002\" startPosition=\"" +
                            std::to_string(span.start) + "\" endPosition=\"" + std::to_string(span.end) +
                            "\"><Coding guid=\"c0ffee00-1234-4abc-8def-000000000003\" creatingUser=\"c0ffee00-1234-4abc-8def-000000000001\">"
                            "<CodeRef targetGUID=\"" + motivation + "\"/></Coding></PlainTextSelection>";
    // Selections come before a source's notes and variable values.
    auto insert_at = qde.rfind("</PlainTextSelection>", source_end);
    insert_at = insert_at == std::string::npos ? qde.find('>', qde.rfind("<TextSource", source_end)) + 1
                                               : insert_at + std::string("</PlainTextSelection>").size();
    qde.insert(insert_at, selection);
    exporters::write_zip(changed, [&](exporters::ZipWriter& zip) {
        for (const auto& name : archive.names()) zip.add(name, name == "project.qde" ? qde : archive.read(name));
    });
}

}  // namespace

TEST_CASE("export-qdpx and import-qdpx carry a project into a new one") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    const auto qdpx = (dir / "udveksling.qdpx").string();
    const auto exported = run_cli(dir, {"export-qdpx", path, qdpx});
    REQUIRE(exported.exit_code == 0);
    CHECK(exported.out == "Wrote " + qdpx + ": 1 documents, 23 codes, 1 codings, 0 memos, 0 links\n");
    const auto copy = (dir / "kopi.fokus").string();
    const auto imported = run_cli(dir, {"import-qdpx", copy, qdpx});
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("  documents: 1 new, 0 already here\n") != std::string::npos);
    CHECK(imported.out.find("  codings: 1 new, 0 already here\n") != std::string::npos);
    CHECK(count(copy, "SELECT count(*) FROM codings k JOIN coders u ON u.id = k.coder_id WHERE u.name = 'Åse'") == 1);
    CHECK_FALSE(std::filesystem::exists(copy + ".importing"));
}

TEST_CASE("a .qdpx coded further elsewhere merges back with the new codings at the right positions") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    const auto qdpx = dir / "ud.qdpx";
    REQUIRE(run_cli(dir, {"export-qdpx", path, qdpx.string()}).exit_code == 0);
    const auto span = testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne");
    const auto back = dir / "tilbage.qdpx";
    code_elsewhere(qdpx, back, span);

    const auto dry = run_cli(dir, {"merge", path, back.string(), "--dry-run"});
    REQUIRE(dry.exit_code == 0);
    CHECK(dry.out.find("Would add (nothing is changed):") != std::string::npos);
    CHECK(dry.out.find("  codings: 1 new, 1 already here\n") != std::string::npos);
    CHECK(count(path, "SELECT count(*) FROM codings") == 1);

    const auto merged = run_cli(dir, {"merge", path, back.string(), "--json"});
    REQUIRE(merged.exit_code == 0);
    const auto report = nlohmann::json::parse(merged.out);
    CHECK(report["codings"]["added"] == 1);
    CHECK(report["coders"]["added"] == 1);
    {
        auto project = Project::open(path, Project::Access::ReadOnly);
        auto query = project.db().prepare(
            "SELECT k.start, k.end, u.name, c.name FROM codings k JOIN coders u ON u.id = k.coder_id JOIN codes c ON c.id = k.code_id "
            "WHERE u.name = 'Carla Ærenfeldt'");
        REQUIRE(query.step());
        CHECK(query.int64(0) == span.start);
        CHECK(query.int64(1) == span.end);
        CHECK(query.text(3) == "Motivation");
        const Id document = DocumentStore(project).resolve("Fokusgruppe Kommune B").id;
        CHECK(DocumentStore(project).excerpt(document, span) == "Man gør en forskel for familierne");
    }
    const auto again = run_cli(dir, {"merge", path, back.string()});
    CHECK(again.out.find("Nothing to change: everything is already here.") != std::string::npos);
    CHECK(count(path, "SELECT count(*) FROM codings") == 2);
}

TEST_CASE("a broken .qdpx is refused naming the file; the project and the target stay as they were") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    const auto broken = dir / "brudt.qdpx";
    exporters::write_zip(broken, [](exporters::ZipWriter& zip) { zip.add("project.qde", "<Project name=\"Ø\"><Sources>"); });
    const auto merged = run_cli(dir, {"merge", path, broken.string()});
    CHECK(merged.exit_code == 4);
    CHECK(merged.err.find("brudt.qdpx") != std::string::npos);
    CHECK(merged.err.find("not well-formed XML") != std::string::npos);
    CHECK(count(path, "SELECT count(*) FROM codings") == 1);

    const auto target = (dir / "ny.fokus").string();
    const auto imported = run_cli(dir, {"import-qdpx", target, broken.string()});
    CHECK(imported.exit_code == 4);
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK_FALSE(std::filesystem::exists(target + ".importing"));

    const auto itself = run_cli(dir, {"merge", path, path});
    CHECK(itself.exit_code == 1);
    CHECK(itself.err.find("is this project itself") != std::string::npos);
}

TEST_CASE("a small .qdpx whose one large entry forty sources share is refused within the budget, quickly, leaving nothing") {
    testing::ScratchDir dir;
    const auto bomb = dir / "deling.qdpx";
    std::string sources;
    for (int i = 0; i < 40; ++i) {
        char guid[37];
        std::snprintf(guid, sizeof guid, "9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d%04d", i);
        sources += "<TextSource guid=\"" + std::string(guid) + "\" name=\"Interview " + std::to_string(i) +
                   "\" plainTextPath=\"internal://fælles.txt\"/>";
    }
    exporters::write_zip(bomb, [&](exporters::ZipWriter& zip) {
        zip.add("project.qde", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Deling\">"
                               "<Sources>" + sources + "</Sources></Project>");
        zip.add("sources/fælles.txt", std::string(90u << 20, 'a'));
    });
    CHECK(std::filesystem::file_size(bomb) < 1 << 20);
    const auto target = (dir / "ny.fokus").string();
    const auto started = std::chrono::steady_clock::now();
    const auto imported = run_cli(dir, {"import-qdpx", target, bomb.string()});
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(imported.exit_code == 4);
    CHECK_MESSAGE(imported.err.find("deling.qdpx: its sources hold more than 512 MB of text in all") != std::string::npos, imported.err);
    CHECK(seconds < 5.0);
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK_FALSE(std::filesystem::exists(target + ".importing"));
}
