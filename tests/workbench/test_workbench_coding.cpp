// Coding as a researcher does it in the real workbench under Xvfb, with real
// key presses, mouse drags and clicks: a key for every code, reassigned; a
// passage dragged onto a code; search and retrieval without the interviewers'
// turns; an import with a copy beside a transcript. Each is checked in the
// project file.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "coding/code_keys.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "importers/batch.h"
#include "importers_batch/project_dump.h"
#include "cli_runner.h"
#include "scratch.h"
#include "workbench_runner.h"
#include "search/index.h"

using namespace fokus;
using testing::run_workbench;

namespace {

const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";

// The excerpts of a code's codings, sorted.
std::vector<std::string> coded_texts(Project& project, const std::string& code) {
    const auto id = CodeStore(project).resolve(code).id;
    DocumentStore documents(project);
    std::vector<std::string> texts;
    for (const auto& coding : CodingStore(project).list()) {
        if (coding.code == id) texts.push_back(documents.excerpt(coding.document, coding.span));
    }
    std::sort(texts.begin(), texts.end());
    return texts;
}

// (document, speaker label) of every interviewer and moderator, read from the participants sheet itself.
std::set<std::pair<std::string, std::string>> interviewer_labels() {
    std::ifstream sheet(corpus / "participants.csv");
    std::set<std::pair<std::string, std::string>> labels;
    std::string line;
    std::getline(sheet, line);
    while (std::getline(sheet, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        if (cells.size() > 3 && cells[3] == "Interviewer") labels.emplace(std::filesystem::path(cells[0]).stem().string(), cells[1]);
    }
    return labels;
}

// The sentences holding the hits of `query` that the participants, not the interviewers, said.
std::vector<std::string> participants_sentences(Project& project, const std::string& query) {
    const auto interviewers = interviewer_labels();
    auto index = search::Index::open_for(project);
    DocumentStore documents(project);
    std::vector<std::string> sentences;
    for (const auto& hit : index.search(query, {}).hits) {
        if (interviewers.count({hit.document_name, hit.speaker})) continue;
        const auto span = search::coding_span(project, hit, search::HitLevel::Sentence);
        sentences.push_back(documents.excerpt(hit.document, span));
    }
    std::sort(sentences.begin(), sentences.end());
    sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
    return sentences;
}

}  // namespace

TEST_CASE("import with a copy beside a transcript; code with keys, reassign one, drag a passage onto a code; leave out the interviewers") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is needed (Debian package xvfb)");
    testing::ScratchDir dir;
    const auto folder = dir / "udskrifter";
    std::filesystem::copy(corpus, folder);
    // A copy a colleague left beside the original; it sorts before it.
    std::filesystem::copy_file(folder / "kommune-a-raadgivere.txt", folder / "kommune-a-raadgivere (kopi).txt");
    const auto project_path = (dir / "kodning.fokus").string();
    {
        auto project = Project::create(project_path);
        QuoteSetStore(project).create("Kapitel 4");
    }
    const int coded = run_workbench(dir, project_path,
                                    "import " + folder.string() + "\n"
                                    "open kommune-e-raadgivere\n"
                                    "focus transcript\n"
                                    "select Velkommen, og tak fordi I kunne finde tid\n"
                                    "press 7\n"
                                    "select Jeg har været her i ti måneder\n"
                                    "press Shift+5\n"
                                    "assign-key Handlerum og beslutningskompetence|3\n"
                                    "focus transcript\n"
                                    "select Det er mit første job efter uddannelsen\n"
                                    "press 3\n"
                                    "drag Jeg er i traineeforløbet|i modtagelsen\n"
                                    "drag-to-code Motivation\n"
                                    "drag Nu sidder jeg|familieteam\n"
                                    "drag-to-code Kompetenceudvikling\n"
                                    "press Ctrl+Z\n"
                                    "search rådgiver\n"
                                    "click search.without-interviewers\n"
                                    "code-hits Faglig tryghed\n"
                                    "retrieve Faglig tryghed\n"
                                    "click segments.without-interviewers\n"
                                    "quote-retrieved Kapitel 4\n"
                                    "quit\n");
    const std::string log = testing::read_file(dir / "workbench.log");
    INFO(log);
    REQUIRE(coded == 0);
    // The import summary names what it skipped and why, and says nothing of files already in the project.
    CHECK(log.find("message: 13 files imported, 1 skipped, 0 failed.") != std::string::npos);
    CHECK(log.find("kommune-a-raadgivere (kopi).txt: skipped, the same content as kommune-a-raadgivere.txt, which the manifest "
                   "or participants sheet lists and which is imported instead") != std::string::npos);
    CHECK(log.find("already in the project") == std::string::npos);
    std::vector<std::string> from_hits;
    {
        auto project = Project::open(project_path);
        from_hits = participants_sentences(project, "rådgiver");
        REQUIRE(from_hits.size() > 20);
    }
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    DocumentStore documents(project);
    CHECK(documents.all().size() == 13);
    CHECK(documents.attributes(documents.resolve("kommune-a-raadgivere").id).at("municipality") == "Kommune A");
    CHECK_THROWS_AS(documents.resolve("kommune-a-raadgivere (kopi)"), NotFoundError);

    // Shift+5 coded with the 15th code; after the reassignment 3 did, and the code that had 3 took Shift+5.
    CHECK(coded_texts(project, "Handlerum og beslutningskompetence") ==
          std::vector<std::string>{"Det er mit første job efter uddannelsen", "Jeg har været her i ti måneder"});
    const CodeKeys keys(project);
    CodeStore codes(project);
    CHECK(keys.key_of(codes.resolve("Handlerum og beslutningskompetence").id) == "3");
    CHECK(keys.key_of(codes.resolve("Faglig kompetence").id) == "Shift+5");
    CHECK(coded_texts(project, "Faglig kompetence").empty());

    // The dragged passage, snapped to its words, on the code it was dropped on; the second drop undone.
    CHECK(coded_texts(project, "Motivation") == std::vector<std::string>{"Jeg er i traineeforløbet, og jeg sidder i modtagelsen"});
    CHECK(coded_texts(project, "Kompetenceudvikling").empty());

    // The hits coded were the participants' only; the interviewer's passage coded by key stays out of the quotes.
    auto tryghed = from_hits;
    tryghed.push_back("Velkommen, og tak fordi I kunne finde tid");
    std::sort(tryghed.begin(), tryghed.end());
    CHECK(coded_texts(project, "Faglig tryghed") == tryghed);
    QuoteSetStore quotes(project);
    std::vector<std::string> quoted;
    for (const auto& quote : quotes.quotes(quotes.resolve("Kapitel 4").id)) quoted.push_back(documents.excerpt(quote.document, quote.span));
    std::sort(quoted.begin(), quoted.end());
    CHECK(quoted == from_hits);
}

TEST_CASE("importing the same folder again brings nothing in, names each file with its document, and leaves the project as it was") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is needed (Debian package xvfb)");
    testing::ScratchDir dir;
    const auto folder = dir / "udskrifter";
    std::filesystem::copy(corpus, folder);
    const auto project_path = (dir / "igen.fokus").string();
    std::string before;
    {
        auto project = Project::create(project_path);
        importers::BatchOptions options;
        options.manifest = (folder / "manifest.csv").string();
        options.participants = (folder / "participants.csv").string();
        REQUIRE(importers::import_files(project, {folder}, options).imported.size() == 13);
    }
    {
        // Read as the workbench leaves it: closed, without the mark of a program that has it open.
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        before = testing::table_contents(project, testing::bookkeeping);
    }
    std::filesystem::copy_file(folder / "bikva-3-ledere.txt", folder / "bikva-3-ledere (kopi).txt");
    run_workbench(dir, project_path, "import " + folder.string() + "\nquit\n");
    const std::string log = testing::read_file(dir / "workbench.log");
    INFO(log);
    // The import step counts as failed, since nothing came in.
    CHECK(log.find("script: failed in the background: import") != std::string::npos);
    CHECK(log.find("message: 0 files imported, 14 skipped, 0 failed.") != std::string::npos);
    CHECK(log.find("bikva-3-ledere (kopi).txt: skipped, already in the project as \"bikva-3-ledere\"") != std::string::npos);
    CHECK(log.find("kommune-e-ledere.docx: skipped, already in the project as \"kommune-e-ledere\"") != std::string::npos);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(testing::table_contents(project, testing::bookkeeping) == before);
}
