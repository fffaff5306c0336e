#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

// A project with one focus group and two codings, made through the core.
std::string coded_project(const testing::ScratchDir& dir) {
    const auto path = dir / "citater.fokus";
    auto project = Project::create(path);
    const Id document = testing::add_focus_group(project);
    CodingStore codings(project);
    codings.add(document, CodeStore(project).resolve("Motivation").id,
                testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne"));
    codings.add(document, CodeStore(project).resolve("Motivation").id,
                testing::span_of(testing::focus_group_text, "Det er kollegerne, helt klart."));
    return path.string();
}

// The project's stored state that a refused command must leave as it was.
std::string state_of(const std::string& path) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    auto& db = project.db();
    return std::to_string(db.scalar_int("SELECT count(*) FROM undo_log")) + "/" +
           std::to_string(db.scalar_int("SELECT count(*) FROM quote_sets")) + "/" +
           std::to_string(db.scalar_int("SELECT count(*) FROM quotes")) + "/" +
           std::to_string(db.scalar_int("SELECT coalesce(sum(position * id), 0) FROM quotes"));
}

nlohmann::json listed(const testing::ScratchDir& dir, const std::string& path, const std::string& set) {
    const auto result = run_cli(dir, {"quotes", path, "list", set, "--json"});
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("quotes makes a set, adds a code's codings and a span, moves, comments and lists them") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    auto made = run_cli(dir, {"quotes", path, "create", "Kapitel 3", "--note", "Motivation og tryghed"});
    REQUIRE(made.exit_code == 0);
    CHECK(made.out == "Made quote set 1  Kapitel 3\n");
    auto added = run_cli(dir, {"quotes", path, "add", "Kapitel 3", "--code", "Motivation"});
    REQUIRE(added.exit_code == 0);
    CHECK(added.out == "Added 2 quotes to \"Kapitel 3\"\n");
    REQUIRE(run_cli(dir, {"quotes", path, "add", "kapitel 3", "--document", "Fokusgruppe Kommune B", "--text",
                          "lederen står bag os", "--code", "Faglig tryghed", "--comment", "Ledelsens rygdækning"})
                .exit_code == 0);

    auto quotes = listed(dir, path, "Kapitel 3");
    REQUIRE(quotes.size() == 3);
    CHECK(quotes[0]["text"] == "Det er kollegerne, helt klart. (...)");
    CHECK(quotes[2]["code"] == "Faglig tryghed");
    CHECK(quotes[2]["comment"] == "Ledelsens rygdækning");
    const auto last = quotes[2]["id"].get<Id>();

    REQUIRE(run_cli(dir, {"quotes", path, "move", std::to_string(last), "1"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"quotes", path, "comment", std::to_string(last), "Bruges i 3.2"}).exit_code == 0);
    quotes = listed(dir, path, "Kapitel 3");
    CHECK(quotes[0]["id"] == last);
    CHECK(quotes[0]["comment"] == "Bruges i 3.2");
    CHECK(quotes[1]["position"] == 2);

    // Each change is one step: undo puts the order back.
    REQUIRE(run_cli(dir, {"undo", path}).exit_code == 0);
    REQUIRE(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(listed(dir, path, "Kapitel 3")[2]["id"] == last);

    REQUIRE(run_cli(dir, {"quotes", path, "remove", std::to_string(last)}).exit_code == 0);
    CHECK(listed(dir, path, "Kapitel 3").size() == 2);
    const auto sets = run_cli(dir, {"quotes", path, "--json"});
    REQUIRE(sets.exit_code == 0);
    CHECK(nlohmann::json::parse(sets.out)[0]["quotes"] == 2);
}

TEST_CASE("quotes export writes a grouped document with attributions and a table") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    REQUIRE(run_cli(dir, {"quotes", path, "create", "Rapport"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"quotes", path, "add", "Rapport", "--code", "Motivation"}).exit_code == 0);
    const auto markdown = (dir / "rapport.md").string();
    auto written = run_cli(dir, {"quotes", path, "export", "Rapport", markdown, "--group-by", "municipality",
                                 "--attribution", "({speaker}, {municipality}, {age} år)", "--with-codes"});
    REQUIRE(written.exit_code == 0);
    CHECK(written.out == "Wrote 2 quotes to " + markdown + "\n");
    const auto text = testing::read_file(markdown);
    CHECK(text == "# Rapport\n\n## Kommune B\n\n"
                  "> Det er kollegerne, helt klart. (...)\n\n(Rådgiver 1, Kommune B)\n\n*Koder: Motivation*\n\n"
                  "> (...) Man gør en forskel for familierne (...)\n\n(Rådgiver 2, Kommune B)\n\n*Koder: Motivation*\n\n");

    const auto csv = (dir / "citater.data").string();
    REQUIRE(run_cli(dir, {"quotes", path, "export", "Rapport", csv, "--format", "csv", "--drop-speakers"}).exit_code == 0);
    CHECK(testing::read_file(csv).find("Fokusgruppe Kommune B,Rådgiver 1") != std::string::npos);

    const auto docx = (dir / "rapport.docx").string();
    REQUIRE(run_cli(dir, {"quotes", path, "export", "Rapport", docx, "--group-by", "code"}).exit_code == 0);
    CHECK(testing::read_file(docx).substr(0, 2) == "PK");
}

TEST_CASE("the project keeps its attribution template, used by export unless another is given, and undone as a step") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    REQUIRE(run_cli(dir, {"quotes", path, "create", "Rapport"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"quotes", path, "add", "Rapport", "--code", "Motivation"}).exit_code == 0);
    CHECK(run_cli(dir, {"quotes", path, "attribution"}).out == "({speaker})\n");
    const auto kept = run_cli(dir, {"quotes", path, "attribution", "– {speaker} i {municipality}"});
    REQUIRE(kept.exit_code == 0);
    CHECK(kept.out == "– {speaker} i {municipality}\n");

    const auto markdown = (dir / "rapport.md").string();
    REQUIRE(run_cli(dir, {"quotes", path, "export", "Rapport", markdown}).exit_code == 0);
    const auto text = testing::read_file(markdown);
    CHECK(text.find("– Rådgiver 1 i Kommune B") != std::string::npos);
    CHECK(text.find("– Rådgiver 2 i Kommune B") != std::string::npos);
    // Given on the command line, a template is used for that export only.
    REQUIRE(run_cli(dir, {"quotes", path, "export", "Rapport", markdown, "--attribution", "«{speaker}»"}).exit_code == 0);
    CHECK(testing::read_file(markdown).find("«Rådgiver 1»") != std::string::npos);
    CHECK(run_cli(dir, {"quotes", path, "attribution"}).out == "– {speaker} i {municipality}\n");

    // A broken template is refused, naming it, and nothing changes.
    const auto before = state_of(path);
    const auto broken = run_cli(dir, {"quotes", path, "attribution", "({rolle"});
    CHECK(broken.exit_code != 0);
    CHECK(broken.err.find("({rolle") != std::string::npos);
    CHECK(state_of(path) == before);
    CHECK(run_cli(dir, {"quotes", path, "attribution"}).out == "– {speaker} i {municipality}\n");
    // So is a misspelt placeholder, which would leave every attribution out.
    const auto misspelt = run_cli(dir, {"quotes", path, "attribution", "({speeker}, {municipality})"});
    CHECK(misspelt.exit_code != 0);
    CHECK(misspelt.err.find("names {speeker}, which no document or participant has") != std::string::npos);
    CHECK(state_of(path) == before);
    // For one export it is said, and the export goes on.
    const auto noted = run_cli(dir, {"quotes", path, "export", "Rapport", markdown, "--attribution", "({kommune})"});
    CHECK(noted.exit_code == 0);
    CHECK(noted.err.find("no document or participant has {kommune}") != std::string::npos);
    // Attributes of documents and participants, bare or with their prefix, are known.
    CHECK(run_cli(dir, {"quotes", path, "attribution", "({document.municipality}, {interview_form})"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"undo", path}).exit_code == 0);

    REQUIRE(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(run_cli(dir, {"quotes", path, "attribution"}).out == "({speaker})\n");
}

TEST_CASE("bad input is refused with the value named and the project left unchanged") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    REQUIRE(run_cli(dir, {"quotes", path, "create", "Rapport"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"quotes", path, "add", "Rapport", "--code", "Motivation"}).exit_code == 0);
    const auto before = state_of(path);

    auto duplicate = run_cli(dir, {"quotes", path, "create", "rapport"});
    CHECK(duplicate.exit_code == 1);
    CHECK(duplicate.err == "fokus-cli: there is already a quote set named \"Rapport\"\n");
    auto unknown = run_cli(dir, {"quotes", path, "add", "Bilag", "--code", "Motivation"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "fokus-cli: no quote set named \"Bilag\"\n");
    auto unknown_code = run_cli(dir, {"quotes", path, "add", "Rapport", "--code", "Ukendt kode"});
    CHECK(unknown_code.exit_code == 1);
    CHECK(unknown_code.err.find("Ukendt kode") != std::string::npos);
    auto outside = run_cli(dir, {"quotes", path, "add", "Rapport", "--document", "Fokusgruppe Kommune B", "--span", "10-99999"});
    CHECK(outside.exit_code == 1);
    CHECK(outside.err.find("10-99999") != std::string::npos);
    auto no_source = run_cli(dir, {"quotes", path, "add", "Rapport"});
    CHECK(no_source.exit_code == 2);
    auto moved_past = run_cli(dir, {"quotes", path, "move", "1", "7"});
    CHECK(moved_past.exit_code == 1);
    CHECK(moved_past.err.find("position 7") != std::string::npos);
    auto no_quote = run_cli(dir, {"quotes", path, "comment", "4711", "hej"});
    CHECK(no_quote.exit_code == 1);
    CHECK(no_quote.err == "fokus-cli: no quote with id 4711\n");

    const auto target = (dir / "rapport.pdf").string();
    auto format = run_cli(dir, {"quotes", path, "export", "Rapport", target});
    CHECK(format.exit_code == 1);
    CHECK(format.err == "fokus-cli: \"pdf\" is not a quote export format; give docx, odt, html, md, csv or xlsx\n");
    auto template_error = run_cli(dir, {"quotes", path, "export", "Rapport", (dir / "r.docx").string(), "--attribution", "({role"});
    CHECK(template_error.exit_code == 1);
    CHECK(template_error.err.find("\"({role\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "r.docx"));
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK(state_of(path) == before);
}

TEST_CASE("export-codebook writes a readable .md or .docx with examples, and .qdc as before") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    const auto markdown = (dir / "kodebog.md").string();
    auto written = run_cli(dir, {"export-codebook", path, markdown, "--examples", "1"});
    REQUIRE(written.exit_code == 0);
    const auto text = testing::read_file(markdown);
    const auto motivation = text.find("## Motivation\n\nDefinition: ");
    REQUIRE(motivation != std::string::npos);
    CHECK(text.find("2 kodninger i 1 dokument\n\n> Det er kollegerne, helt klart. (...)\n\n(Rådgiver 1)\n\n", motivation) !=
          std::string::npos);
    CHECK(text.find("Man gør en forskel") == std::string::npos);

    const auto docx = (dir / "kodebog.bin").string();
    REQUIRE(run_cli(dir, {"export-codebook", path, docx, "--format", "docx"}).exit_code == 0);
    CHECK(testing::read_file(docx).substr(0, 2) == "PK");
    const auto qdc = (dir / "kodebog.qdc").string();
    REQUIRE(run_cli(dir, {"export-codebook", path, qdc}).exit_code == 0);
    CHECK(testing::read_file(qdc).find("<CodeBook") != std::string::npos);

    CHECK(run_cli(dir, {"export-codebook", path, markdown, "--format", "pdf"}).exit_code == 2);
    CHECK(run_cli(dir, {"export-codebook", path, markdown, "--examples", "-2"}).exit_code == 2);
}
