// Every character of every document belongs to a searchable unit: a speaker
// turn or an unlabelled passage.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/schema.h"
#include "coding/sqlite.h"
#include "coding/text.h"
#include "importers/anonymity.h"
#include "importers/batch.h"
#include "scratch.h"
#include "search/index.h"

using namespace fokus;
using namespace fokus::search;
using testing::run_cli;

namespace {

// Words found nowhere else: at the very start, between turns and at the end.
const std::string at_start = "Ålegræsøstrup";
const std::string between = "Følstrupgårdens";
const std::string at_end = "Æbleøhaven";

// A report of more than 30,000 characters before the first speaker label,
// then a focus group with a line between turns and a line after the last.
std::string long_preamble_transcript() {
    std::string text = at_start + " kommune: evaluering af familieindsatsen\n";
    for (int i = 1; text.size() < 36000; ++i) {
        text += "Kapitel " + std::to_string(i) +
                " handler om børnenes trivsel i kommunerne, om rådgivernes arbejdsvilkår og om samarbejdet med "
                "skolerne på øerne, hvor afstandene er store og tilbuddene få.\n";
    }
    text += "Interviewer: Hvordan oplever I samarbejdet med skolerne?\n"
            "Borger 1: Det er blevet bedre, men der er langt mellem møderne.\n"
            "Borger 2: Vi savner, at nogen ringer tilbage.\n"
            "Interviewer: Hvad ville gøre den største forskel?\n"
            "Borger 1: At man møder den samme rådgiver hver gang.\n"
            "Borger 2: Ja, det er det vigtigste for os.\n";
    return text;
}

std::int64_t code_point_at(const std::string& text, const std::string& word) {
    return static_cast<std::int64_t>(text::count_code_points(std::string_view(text).substr(0, text.find(word))));
}

}  // namespace

TEST_CASE("a document whose first 30,000 characters precede any speaker label is searchable in every part") {
    testing::ScratchDir dir;
    const auto path = dir / "indledning.fokus";
    const auto file = dir / "evaluering.txt";
    const std::string text = long_preamble_transcript();
    REQUIRE(text::count_code_points(text.substr(0, text.find("Interviewer:"))) > 30000);
    testing::write_file(file, text);
    {
        auto project = Project::create(path);
        const auto report = importers::import_files(project, {file}, {});
        REQUIRE(report.documents.size() == 1);
        CHECK(report.documents[0].turns == 6);
        CHECK(report.documents[0].speakers == 3);
        CHECK(importers::describe(report.documents[0]).find("6 turns, 3 speakers") == 0);

        // A second document whose turns leave lines between them and after them,
        // as a REFI-QDA project or a merge may bring.
        const std::string gaps = "Interviewer: Velkommen til.\n[Pause ved " + between + "]\nBorger 1: Tak.\nSlut: " + at_end;
        NewDocument document;
        document.name = "Med huller";
        document.format = "txt";
        document.text = gaps;
        const auto first_end = static_cast<std::int64_t>(text::count_code_points("Interviewer: Velkommen til."));
        const auto second = code_point_at(gaps, "Borger 1");
        document.turns = {NewTurn{"Interviewer", Span{0, first_end}, 13, std::nullopt},
                          NewTurn{"Borger 1", Span{second, second + 14}, second + 10, std::nullopt}};
        DocumentStore(project).add(document);

        auto index = Index::open_for(project);
        const auto start_hits = index.search(at_start, {});
        REQUIRE(start_hits.hits.size() == 1);
        CHECK(start_hits.hits[0].span == Span{0, 13});
        CHECK(start_hits.hits[0].speaker.empty());
        CHECK(start_hits.hits[0].turn != 0);
        // The 200th paragraph of the preamble, far from any label.
        const auto deep = index.search("\"kapitel 200\"", {});
        REQUIRE(deep.hits.size() == 1);
        CHECK(deep.hits[0].span.start == code_point_at(text, "Kapitel 200 "));
        for (const auto& word : {between, at_end}) {
            const auto found = index.search(word, {});
            REQUIRE_MESSAGE(found.hits.size() == 1, word);
            CHECK(found.hits[0].document_name == "Med huller");
            CHECK(found.hits[0].span.start == code_point_at(gaps, word));
            CHECK(found.hits[0].speaker.empty());
        }
        // A passage has no speaker, so a speaker filter leaves it out.
        SearchOptions interviewer;
        interviewer.filter.speakers = {"Interviewer"};
        CHECK(index.search(at_start, interviewer).hits.empty());
        CHECK(index.search("skolerne", interviewer).hits.size() == 1);
        // Coding a hit by unit codes its passage, a line of its own.
        const auto code = CodeStore(project).add("Indledning", std::nullopt);
        code_hits(project, start_hits.hits, code, HitLevel::Turn, {});
        CHECK(project.db().scalar_int("SELECT end FROM codings") ==
              static_cast<std::int64_t>(text::count_code_points(at_start + " kommune: evaluering af familieindsatsen")));
    }
    for (const auto& word : {at_start, between, at_end}) {
        const auto cli = run_cli(dir, {"search", path.string(), word, "--json"});
        REQUIRE_MESSAGE(cli.exit_code == 0, cli.err);
        const auto result = nlohmann::json::parse(cli.out);
        REQUIRE_MESSAGE(result["hits"].size() == 1, word);
        CHECK(result["hits"][0]["match"] == word);
        CHECK(result["hits"][0]["speaker"].is_null());
    }
    CHECK(run_cli(dir, {"search", path.string(), at_start}).out.find("(no speaker)") != std::string::npos);
}

TEST_CASE("a report imports with no speakers, and every heading, note and caption is searchable") {
    testing::ScratchDir dir;
    const auto path = dir / "rapport.fokus";
    const auto fixtures = std::filesystem::path(FOKUS_TEST_DATA) / "importers";
    run_cli(dir, {"new", path.string()});
    const auto report = run_cli(dir, {"import", path.string(), (fixtures / "rapport-regioner.docx").string(), "--json"});
    REQUIRE_MESSAGE(report.exit_code == 0, report.err);
    const auto json = nlohmann::json::parse(report.out);
    REQUIRE(json["documents"].size() == 1);
    CHECK(json["documents"][0]["turns"] == 0);
    CHECK(json["documents"][0]["speakers"] == 0);
    // Non-empty lines of the report, counted with Python: 49.
    CHECK(json["documents"][0]["passages"] == 49);
    CHECK(json["documents"][0]["found"] == "no speaker labels: imported as a document (49 passages)");
    // The same report as plain text, beside it under a name of its own.
    const auto text = run_cli(dir, {"import", path.string(), (fixtures / "rapport-regioner.txt").string(), "--force"});
    CHECK(text.out.find("Imported rapport-regioner.txt: no speaker labels: imported as a document (49 passages)") == 0);

    CHECK(run_cli(dir, {"participants", path.string()}).out == "0 participants\n");
    const auto info = nlohmann::json::parse(run_cli(dir, {"info", path.string(), "--json"}).out);
    for (const auto& document : info["documents"]) {
        CHECK(document["speakers"].empty());
        CHECK(document["turns"] == 0);
        CHECK(document["passages"] == 49);
    }
    for (const char* word : {"Befolkningstal", "Myndighed", "Anm", "Tabel", "Islands"}) {
        const auto found = nlohmann::json::parse(run_cli(dir, {"search", path.string(), word, "--json", "--exact"}).out);
        CHECK_MESSAGE(found["hits"].size() >= 2, word);  // in both files
    }
}

TEST_CASE("a project made before unlabelled passages is upgraded on open, and its introduction becomes searchable") {
    testing::ScratchDir dir;
    const auto fixtures = std::filesystem::path(FOKUS_TEST_DATA) / "projects";
    const auto path = dir / "foer-passager.fokus";
    std::filesystem::copy_file(fixtures / "foer-passager.fokus", path);
    std::filesystem::copy(fixtures / "foer-passager.fokus.index", dir / "foer-passager.fokus.index");
    REQUIRE(schema::read_header(path).user_version == 7);

    auto project = Project::open(path);
    CHECK(project.db().scalar_int("PRAGMA user_version") == schema::current_version());
    const auto text = testing::read_file(fixtures / "referat-med-indledning.txt");
    DocumentStore documents(project);
    const auto turns = documents.turns(1);
    // The title and the introduction, each a passage of its own; the turns as they were.
    REQUIRE(turns.size() == 8);
    CHECK_FALSE(turns[0].speaker.has_value());
    CHECK(documents.excerpt(1, turns[0].span) == "Evaluering af familieindsatsen på Ærø og Læsø");
    CHECK(turns[1].span.start == code_point_at(text, "Denne indledning"));
    CHECK_FALSE(turns[1].speaker.has_value());
    CHECK(turns[3].speaker_label == "Interviewer");

    auto index = Index::open_for(project);
    const auto found = index.search("skovsnegleø", {});
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].span.start == code_point_at(text, "skovsnegleø"));
    CHECK(found.hits[0].speaker.empty());
    CHECK(index.search("Evaluering", {}).hits.size() == 1);

    // Undone and redone, the import recorded before the upgrade comes back with its passages.
    History history(project);
    CHECK(history.undo().label == "import \"referat-med-indledning\"");
    CHECK(index.search("skovsnegleø", {}).hits.empty());
    history.redo();
    CHECK(documents.turns(1).size() == 8);
    CHECK(index.search("skovsnegleø", {}).hits.size() == 1);
}

TEST_CASE("pseudonymising a name in a passage moves the passage and the turns after it with the text") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "navne.fokus");
    NewDocument document;
    document.name = "Referat";
    document.format = "txt";
    document.text = "Referat ved Mette på Ærø\nInterviewer: Hvordan gik mødet?\nBorger 1: Godt, tak.";
    document.turns = {NewTurn{"Interviewer", Span{25, 56}, 38, std::nullopt}, NewTurn{"Borger 1", Span{57, 77}, 67, std::nullopt}};
    DocumentStore documents(project);
    const Id id = documents.add(document);
    importers::AnonymityOptions options;
    options.names = {"Mette"};
    options.kinds = {importers::FindingKind::Name};
    const auto found = importers::check_anonymity(project, options, {id});
    REQUIRE(found.size() == 1);
    CHECK(importers::pseudonymise(project, found, {{"Mette", "Rådgiver 3"}}) == 1);
    // "Rådgiver 3" is 5 code points longer than "Mette" (Python: len("Rådgiver 3") - len("Mette")).
    const auto turns = documents.turns(id);
    REQUIRE(turns.size() == 3);
    CHECK(turns[0].span == Span{0, 29});
    CHECK_FALSE(turns[0].speaker.has_value());
    CHECK(documents.excerpt(id, turns[0].span) == "Referat ved Rådgiver 3 på Ærø");
    CHECK(turns[1].span == Span{30, 61});
    CHECK(turns[2].span == Span{62, 82});
    // The name in a passage makes no speaker.
    CHECK(documents.speakers(id).size() == 2);
    auto index = Index::open_for(project);
    const auto hits = index.search("\"Rådgiver 3\"", {});
    REQUIRE(hits.hits.size() == 1);
    CHECK(hits.hits[0].span == Span{12, 22});
    CHECK(hits.hits[0].speaker.empty());
    CHECK(index.search("Mette", {}).hits.empty());
}
