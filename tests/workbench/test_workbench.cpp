// Drives the real workbench under Xvfb with a script, and checks the project
// file: a passage coded with a number key is stored with exactly its span, and
// undo removes it. Screenshots of each step go to the build folder.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "cli_runner.h"
#include "coding/backup.h"
#include "coding/bikva.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/condensation.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "damage.h"
#include "fixtures.h"
#include "importers/batch.h"
#include "search/index.h"
#include "scratch.h"
#include "workbench_runner.h"

using namespace fokus;
using testing::run_workbench;

namespace {

void import_sample(const std::string& project_path) {
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    auto project = Project::create(project_path);
    importers::BatchOptions options;
    options.manifest = (corpus / "manifest.csv").string();
    options.participants = (corpus / "participants.csv").string();
    REQUIRE(importers::import_files(project, {corpus}, options).imported.size() == 13);
}

// The spans of a code's codings, sorted, as "document:start-end".
std::vector<std::string> coded_spans(Project& project, const std::string& code) {
    const auto id = CodeStore(project).resolve(code).id;
    std::vector<std::string> spans;
    for (const auto& coding : CodingStore(project).list()) {
        if (coding.code == id) spans.push_back(std::to_string(coding.document) + ":" + std::to_string(coding.span.start) + "-" + std::to_string(coding.span.end));
    }
    std::sort(spans.begin(), spans.end());
    return spans;
}

// What coding every hit of `query` at sentence level must give, computed by the core alone.
std::vector<std::string> expected_sentence_spans(Project& project, const std::string& query) {
    auto index = search::Index::open_for(project);
    std::vector<std::string> spans;
    for (const auto& hit : index.search(query, {}).hits) {
        const auto span = search::coding_span(project, hit, search::HitLevel::Sentence);
        spans.push_back(std::to_string(hit.document) + ":" + std::to_string(span.start) + "-" + std::to_string(span.end));
    }
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    return spans;
}

}  // namespace

TEST_CASE("open a transcript, code a passage with a number key, see it, and undo it") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is needed (Debian package xvfb)");
    testing::ScratchDir dir;
    const auto project_path = (dir / "workbench.fokus").string();
    import_sample(project_path);
    const std::string shots = FOKUS_BUILD_DIR;
    const int coded = run_workbench(dir, project_path,
                                    "open bikva-1-borgere\n"
                                    "select Jeg vil gerne arbejde igen\n"
                                    "key 2\n"
                                    "select Man føler sig meget lille\n"
                                    "key 7\n"
                                    "select føler sig meget lille\n"
                                    "key 4\n"
                                    "select arbejdsevne og udviklingsperspektiv\n"
                                    "pick kerne\n"
                                    "select ondt af mig selv\n"
                                    "invivo\n"
                                    "retrieve Motivation\n"
                                    "caret Man føler\n"
                                    "screenshot " + shots + "/workbench-1-coded.png\n"
                                    "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(coded == 0);
    const auto excerpt_of = [](Project& project, const std::vector<Coding>& codings, const std::string& code) {
        const auto id = CodeStore(project).resolve(code).id;
        const auto found = std::find_if(codings.begin(), codings.end(), [&](const Coding& c) { return c.code == id; });
        REQUIRE_MESSAGE(found != codings.end(), "no coding with " << code);
        return DocumentStore(project).excerpt(found->document, found->span);
    };
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        const auto codings = CodingStore(project).list();
        REQUIRE(codings.size() == 5);
        // Spans are code points in the core and bytes in the editor: the Danish
        // letters before and inside these passages would shift a wrong conversion.
        CHECK(excerpt_of(project, codings, "Motivation") == "Jeg vil gerne arbejde igen");
        CHECK(excerpt_of(project, codings, "Faglig tryghed") == "Man føler sig meget lille");
        CHECK(excerpt_of(project, codings, "Kultur på medarbejderniveau") == "føler sig meget lille");
        CHECK(excerpt_of(project, codings, "Kerneopgave og rolleforståelse") == "arbejdsevne og udviklingsperspektiv");
        CHECK(excerpt_of(project, codings, "ondt af mig selv") == "ondt af mig selv");
        CHECK(std::all_of(codings.begin(), codings.end(), [](const Coding& c) { return c.coder_name == "Testkoder"; }));
        CHECK(History(project).next_undo()->label == "code in vivo \"ondt af mig selv\"");
    }
    // Undo takes the in-vivo code and its coding away as one step; then the
    // coding under the caret is removed, as the Delete key does.
    const int undone = run_workbench(dir, project_path,
                                     "open bikva-1-borgere\n"
                                     "undo\n"
                                     "screenshot " + shots + "/workbench-2-undone.png\n"
                                     "caret arbejde igen\n"
                                     "uncode\n"
                                     "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(undone == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    const auto codings = CodingStore(project).list();
    CHECK(codings.size() == 3);
    CHECK_THROWS_AS(CodeStore(project).resolve("ondt af mig selv"), NotFoundError);
    const auto motivation = CodeStore(project).resolve("Motivation").id;
    CHECK(std::none_of(codings.begin(), codings.end(), [&](const Coding& c) { return c.code == motivation; }));
    CHECK(History(project).next_undo()->label == "uncode");
    CHECK(std::filesystem::file_size(shots + "/workbench-1-coded.png") > 10000);
    CHECK(std::filesystem::file_size(shots + "/workbench-2-undone.png") > 10000);
}

TEST_CASE("search, code the hits in the search pane, see the co-occurrence heatmap, and undo") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is needed (Debian package xvfb)");
    testing::ScratchDir dir;
    const auto project_path = (dir / "søgning.fokus").string();
    import_sample(project_path);
    std::vector<std::string> sparring, tryghed;
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        sparring = expected_sentence_spans(project, "sparring");
        tryghed = expected_sentence_spans(project, "tryg* OR sikker*");
        REQUIRE(sparring.size() >= 5);
        REQUIRE(tryghed.size() >= 5);
    }
    const std::string shots = FOKUS_BUILD_DIR;
    const int searched = run_workbench(dir, project_path,
                                       "open kommune-b-ledere\n"
                                       "search sparring\n"
                                       "code-hits Sparring og\n"
                                       "search kolleg* OR team*\n"
                                       "code-hits Kultur på\n"
                                       "search tryg* OR sikker*\n"
                                       "screenshot " + shots + "/workbench-3-search.png\n"
                                       "code-hits Faglig tryg\n"
                                       "cooccurrence\n"
                                       "cell Kultur på medarbejderniveau|Sparring og faglig ledelse\n"
                                       "screenshot " + shots + "/workbench-4-cooccurrence.png\n"
                                       "crosstab municipality\n"
                                       "crosstab-cell Sparring og faglig ledelse|Kommune B\n"
                                       "screenshot " + shots + "/workbench-6-crosstab.png\n"
                                       "bikva\n"
                                       "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(searched == 0);
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        // The pane codes exactly the sentences holding the hits it shows.
        CHECK(coded_spans(project, "Sparring og faglig ledelse") == sparring);
        CHECK(coded_spans(project, "Faglig tryghed") == tryghed);
        CHECK(History(project).next_undo()->label.find("Faglig tryghed") != std::string::npos);
    }
    const int undone = run_workbench(dir, project_path, "undo\nquit\n");
    REQUIRE(undone == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(coded_spans(project, "Faglig tryghed").empty());
    CHECK(coded_spans(project, "Sparring og faglig ledelse") == sparring);
    CHECK(std::filesystem::file_size(shots + "/workbench-3-search.png") > 10000);
    CHECK(std::filesystem::file_size(shots + "/workbench-4-cooccurrence.png") > 10000);
}

TEST_CASE("a project open in a window is refused by a second window and by fokus-cli changes, which say why") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "én ad gangen.fokus").string();
    {
        auto project = Project::create(project_path);
        testing::add_focus_group(project);
    }
    testing::write_file(dir / "hold.script", "wait 6000\nquit\n");
    const auto first_log = dir / "first.log";
    std::system(("FOKUS_NO_DIALOGS=1 xvfb-run -a -s '-screen 0 1600x1000x24' " + testing::shell_quote(FOKUS_WORKBENCH) +
                 " --script " + testing::shell_quote((dir / "hold.script").string()) + " " + testing::shell_quote(project_path) +
                 " >" + testing::shell_quote(first_log.string()) + " 2>&1 &")
                    .c_str());
    const auto waited_for = [&](const std::string& line) {
        for (int tries = 0; tries < 200; ++tries) {
            if (testing::read_file(first_log).find(line) != std::string::npos) return true;
            usleep(50'000);
        }
        return false;
    };
    REQUIRE(waited_for("script: wait"));
    const int second = run_workbench(dir, project_path, "quit\n");
    CHECK(second != 0);
    CHECK(testing::read_file(dir / "workbench.log").find("is open for changes in another program") != std::string::npos);
    // The command line may read it, but not change it, while the window is open.
    const auto listed = testing::run_cli(dir, {"codings", project_path});
    CHECK(listed.exit_code == 0);
    const auto coded = testing::run_cli(dir, {"code", project_path, "Fokusgruppe Kommune B", "Motivation", "--text", "børnene"});
    CHECK(coded.exit_code == 3);
    CHECK(coded.err.find("is open for changes in another program") != std::string::npos);
    REQUIRE(waited_for("script: quit"));
    usleep(500'000);
    // Once the first window is closed, the project opens again; a code's
    // description is saved as one step.
    REQUIRE(run_workbench(dir, project_path,
                          "describe Motivation|Motivation og mening|#AA3311|Når rådgiveren fortæller, hvad der får hende til at "
                          "blive.|Gruppen drøftede, om løn hører med.\nquit\n") == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    const auto code = CodeStore(project).resolve("Motivation og mening");
    CHECK(code.color == "#AA3311");
    CHECK(code.definition == "Når rådgiveren fortæller, hvad der får hende til at blive.");
    const auto memos = MemoStore(project).list(MemoTarget{MemoTarget::Kind::Code, code.id});
    REQUIRE(memos.size() == 1);
    CHECK(memos.front().text == "Gruppen drøftede, om løn hører med.");
    CHECK(History(project).steps(5).size() == 2);  // adding the transcript, then the description
    CHECK(History(project).next_undo()->label == "describe code \"Motivation\"");
}

TEST_CASE("import a folder with its sheets in the background, then replace what the anonymisation check finds") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "import.fokus").string();
    Project::create(project_path);
    const std::string corpus = std::string(FOKUS_SOURCE_DIR) + "/sample-transcripts";
    const int imported = run_workbench(dir, project_path,
                                       "import-and-replace " + corpus + "|Mette\n"
                                       "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-5-imported.png\n"
                                       "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(imported == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    DocumentStore documents(project);
    REQUIRE(documents.all().size() == 13);
    const auto borgere = documents.resolve("bikva-1-borgere");
    CHECK(documents.attributes(borgere.id).at("municipality") == "Kommune C");
    // The slips of the sample: a first name with its genitive, a phone number and a CPR number.
    const std::string citizens = documents.text(borgere.id);
    CHECK(citizens.find("Mette") == std::string::npos);
    CHECK(citizens.find("[navn]") != std::string::npos);
    const std::string caseworkers = documents.text(documents.resolve("kommune-d-raadgivere").id);
    CHECK(caseworkers.find("140387-2315") == std::string::npos);
    CHECK(caseworkers.find("[CPR]") != std::string::npos);
    CHECK(documents.text(documents.resolve("kommune-a-raadgivere").id).find("22 48 61 37") == std::string::npos);
    CHECK(History(project).next_undo()->label.find("pseudonymise") != std::string::npos);
    // The search index came along with the import; only the replacements are left for it to take in.
    REQUIRE(std::filesystem::is_directory(search::Index::path_for(project)));
    auto index = search::Index::open_for(project);
    CHECK_FALSE(index.rebuilt());
    CHECK(index.search("Mette", {}).hits.empty());
    CHECK_FALSE(index.search("koordinerende", {}).hits.empty());
}

TEST_CASE("two coders' codings compared in the agreement view, and blind coding hides the other's") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "to kodere.fokus").string();
    {
        auto project = Project::create(project_path);
        testing::add_focus_group(project);
    }
    const auto code_as = [&](const std::string& coder, const std::string& code, const std::string& text) {
        REQUIRE(testing::run_cli(dir, {"--coder", coder, "code", project_path, "Fokusgruppe Kommune B", code, "--text", text}).exit_code == 0);
    };
    code_as("Åse", "Faglig tryghed", "Så føler man sig tryg i sin faglighed.");
    code_as("Bjørn", "Faglig tryghed", "føler man sig tryg");
    code_as("Åse", "Sparring og faglig ledelse", "Vi får sparring");
    code_as("Bjørn", "Motivation", "Man gør en forskel for familierne");
    const int shown = run_workbench(dir, project_path,
                                    "open Fokusgruppe Kommune B\n"
                                    "agreement word|Åse,Bjørn\n"
                                    "disagreements Faglig tryghed\n"
                                    "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-7-agreement.png\n"
                                    "blind\n"
                                    "blind off\n"
                                    "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    CHECK(shown == 0);
    // Looking changes nothing.
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(CodingStore(project).list().size() == 4);
}

TEST_CASE("another coder's copy merged in from the workbench adds every coding of theirs, undone as one step") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "åse.fokus").string();
    const auto other_path = (dir / "bjørn.fokus").string();
    {
        auto project = Project::create(project_path);
        testing::add_focus_group(project);
    }
    std::filesystem::copy_file(project_path, other_path);
    const auto code_as = [&](const std::string& path, const std::string& coder, const std::string& code, const std::string& text) {
        REQUIRE(testing::run_cli(dir, {"--coder", coder, "code", path, "Fokusgruppe Kommune B", code, "--text", text}).exit_code == 0);
    };
    code_as(project_path, "Åse", "Faglig tryghed", "Så føler man sig tryg i sin faglighed.");
    code_as(other_path, "Bjørn", "Motivation", "Man gør en forskel for familierne");
    code_as(other_path, "Bjørn", "Faglig tryghed", "lederen står bag os");
    const int merged = run_workbench(dir, project_path,
                                     "open Fokusgruppe Kommune B\n"
                                     "merge " + other_path + "\n"
                                     "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-8-merged.png\n"
                                     "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(merged == 0);
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        const auto codings = CodingStore(project).list();
        REQUIRE(codings.size() == 3);
        const auto bjorns = std::count_if(codings.begin(), codings.end(), [](const Coding& c) { return c.coder_name == "Bjørn"; });
        CHECK(bjorns == 2);
        CHECK(History(project).steps().front().label == "merge bjørn.fokus");
    }
    REQUIRE(run_workbench(dir, project_path, "undo\nquit\n") == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(CodingStore(project).list().size() == 1);
}

TEST_CASE("retrieved segments put into a quote set, shown with attributions and exported to Word") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "citater.fokus").string();
    {
        auto project = Project::create(project_path);
        const Id document = testing::add_focus_group(project);
        CodingStore codings(project);
        const Id tryghed = CodeStore(project).resolve("Faglig tryghed").id;
        codings.add(document, tryghed, testing::span_of(testing::focus_group_text, "Så føler man sig tryg i sin faglighed."));
        codings.add(document, tryghed, testing::span_of(testing::focus_group_text, "lederen står bag os"));
        QuoteSetStore(project).create("Kapitel 4 – tryghed");
    }
    const auto docx = dir / "kapitel-4.docx";
    const int shown = run_workbench(dir, project_path,
                                    "open Fokusgruppe Kommune B\n"
                                    "retrieve Faglig tryghed\n"
                                    "quote-retrieved Kapitel 4 – tryghed\n"
                                    "quote-set Kapitel 4 – tryghed\n"
                                    "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-9-quote-set.png\n"
                                    "export-quotes " + docx.string() + "\n"
                                    "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(shown == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    QuoteSetStore store(project);
    const auto quotes = store.quotes(store.resolve("Kapitel 4 – tryghed").id);
    REQUIRE(quotes.size() == 2);
    CHECK(History(project).steps().front().label == "add quotes to \"Kapitel 4 – tryghed\"");
    REQUIRE(std::filesystem::exists(docx));
    const std::string unzip = "unzip -p " + testing::shell_quote(docx.string()) + " word/document.xml > " +
                              testing::shell_quote((dir / "document.xml").string());
    REQUIRE(std::system(unzip.c_str()) == 0);
    const auto xml = testing::read_file(dir / "document.xml");
    CHECK(xml.find("Så føler man sig tryg i sin faglighed.") != std::string::npos);
    CHECK(xml.find("lederen står bag os") != std::string::npos);
    CHECK(xml.find("(Rådgiver 1)") != std::string::npos);
}

TEST_CASE("memos on a document and a coding, a comment and a recoding from the transcript, each one step of undo") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "memoer.fokus").string();
    {
        auto project = Project::create(project_path);
        const Id document = testing::add_focus_group(project);
        CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id,
                                 testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne"));
    }
    const int written = run_workbench(dir, project_path,
                                      "open Fokusgruppe Kommune B\n"
                                      "memo-document Stemning|Rådgiverne talte åbent om arbejdspresset.\n"
                                      "caret gør en forskel\n"
                                      "memo-coding Børnene|Motivationen kommer fra børnene – ikke fra lønnen.\n"
                                      "comment-coding Sagt med eftertryk\n"
                                      "recode Faglig tryghed\n"
                                      "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-10-memos.png\n"
                                      "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(written == 0);
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        const auto memos = MemoStore(project).list();
        REQUIRE(memos.size() == 2);
        CHECK(memos[0].target.kind == MemoTarget::Kind::Document);
        CHECK(memos[0].title == "Stemning");
        CHECK(memos[0].text == "Rådgiverne talte åbent om arbejdspresset.");
        CHECK(memos[1].target.kind == MemoTarget::Kind::Coding);
        CHECK(memos[1].text == "Motivationen kommer fra børnene – ikke fra lønnen.");
        CHECK(History(project).steps().size() == 6);  // import, coding, two memos, comment, recode
        const auto codings = CodingStore(project).list();
        REQUIRE(codings.size() == 1);
        CHECK(codings[0].comment == "Sagt med eftertryk");
        CHECK(codings[0].code == CodeStore(project).resolve("Faglig tryghed").id);
    }
    REQUIRE(run_workbench(dir, project_path, "undo\nundo\nundo\nquit\n") == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(MemoStore(project).list().size() == 1);
    CHECK(CodingStore(project).list().at(0).comment.empty());
}

TEST_CASE("a code's segments for leaders and caseworkers side by side in the contrast view") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "kontrast.fokus").string();
    import_sample(project_path);
    REQUIRE(testing::run_cli(dir, {"code-hits", project_path, "tryg*", "Faglig tryghed", "--level", "sentence"}).exit_code == 0);
    const int shown = run_workbench(dir, project_path,
                                    "open kommune-b-raadgivere\n"
                                    "contrast Faglig tryghed|municipality|Kommune B|Kommune D\n"
                                    "group-by bikva_stage\n"
                                    "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-11-contrast.png\n"
                                    "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    CHECK(shown == 0);
}

TEST_CASE("a condensation written in the grid by municipality is stored for that code and value, and undone") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "kondensering.fokus").string();
    import_sample(project_path);
    REQUIRE(testing::run_cli(dir, {"code-hits", project_path, "tryg*", "Faglig tryghed", "--level", "sentence"}).exit_code == 0);
    const int written = run_workbench(dir, project_path,
                                      "condense municipality|Faglig tryghed|Kommune B|Tryghed kommer af, at lederen står bag rådgiveren.\n"
                                      "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-12-condensation.png\n"
                                      "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(written == 0);
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        const auto found = CondensationStore(project).get(CodeStore(project).resolve("Faglig tryghed").id,
                                                          CondensationScope::of_value("municipality", "Kommune B"));
        REQUIRE(found.has_value());
        CHECK(found->text == "Tryghed kommer af, at lederen står bag rådgiveren.");
    }
    REQUIRE(run_workbench(dir, project_path, "undo\nquit\n") == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(CondensationStore(project).list().empty());
}

TEST_CASE("the check after opening says nothing about a sound project and names a changed text with the newest good backup") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "kontrol af tekst.fokus").string();
    std::filesystem::path backup;
    {
        auto project = Project::create(project_path);
        testing::add_focus_group(project);
        backup = backups::make(project);
    }
    // Waits give the check time to end; events are handled between the steps.
    const std::string script = "wait 1000\nwait 1000\nquit\n";
    REQUIRE(run_workbench(dir, project_path, script) == 0);
    const auto sound = testing::read_file(dir / "workbench.log");
    CHECK_MESSAGE(sound.find("found damage") == std::string::npos, sound);

    testing::change_bytes_in_page(project_path, "documents", "føler man sig tryg", "føler man sig tryk");
    run_workbench(dir, project_path, script);
    const auto damaged = testing::read_file(dir / "workbench.log");
    CHECK_MESSAGE(damaged.find("fokus: The check of " + project_path + " found damage:") != std::string::npos, damaged);
    CHECK(damaged.find("the document \"Fokusgruppe Kommune B\": its text is not the text that was stored") != std::string::npos);
    // Each opening made a backup: the one of the damaged file is passed over for the one before it.
    const auto made = backups::list(project_path);
    REQUIRE(made.size() == 3);
    CHECK(made.back().path == backup);
    CHECK(damaged.find("The newest good backup is " + made[1].path.string() + " (made ") != std::string::npos);
}

TEST_CASE("real keys: a number key codes and Ctrl+Z undoes in the transcript, Ctrl+Y redoes, and Ctrl+Z in the search box leaves the project alone") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "taster.fokus").string();
    import_sample(project_path);
    const int status = run_workbench(dir, project_path,
                                     "open bikva-1-borgere\n"
                                     "select Man føler sig meget lille\n"
                                     "focus transcript\n"
                                     "press 7\n"
                                     "status Coded\n"
                                     "select Jeg vil gerne arbejde igen\n"
                                     "focus transcript\n"
                                     "press 2\n"
                                     "press Ctrl+Z\n"
                                     "status Undone\n"
                                     "press Ctrl+Y\n"
                                     "status Redone\n"
                                     "press Ctrl+Y\n"
                                     "status Nothing to redo\n"
                                     "press Ctrl+Z\n"
                                     "focus search\n"
                                     "press x\n"
                                     "press Ctrl+Z\n"
                                     "command view.segments\n"
                                     "command analysis.search\n"
                                     "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(status == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    // The first coding stays; the second was undone in the transcript, redone,
    // and undone again; the Ctrl+Z typed in the search box undid nothing more.
    CHECK(coded_spans(project, "Faglig tryghed").size() == 1);
    CHECK(coded_spans(project, "Motivation").empty());
    const auto codings = CodingStore(project).list();
    REQUIRE(codings.size() == 1);
    CHECK(DocumentStore(project).excerpt(codings[0].document, codings[0].span) == "Man føler sig meget lille");
    CHECK(History(project).next_undo()->label == "code with \"Faglig tryghed\"");
    CHECK(History(project).next_redo()->label == "code with \"Motivation\"");
}

TEST_CASE("what the core refuses is said in the interface's language, and the project is left as it was") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "sprog.fokus").string();
    import_sample(project_path);
    const auto last_step = [&] {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        return History(project).next_undo()->label;
    };
    const auto before = last_step();
    const std::string script = "search \"faglig tryghed\nstatus %s\nquit\n";
    const std::map<std::string, std::string> said = {
        {"da", "anførselstegnet på position 1 i søgningen lukkes aldrig"},
        {"en", "the quote at position 1 of the query is never closed"}};
    for (const auto& [language, message] : said) {
        CAPTURE(language);
        std::string steps = script;
        steps.replace(steps.find("%s"), 2, message);
        const int status = run_workbench(dir, project_path, steps, language);
        const auto log = testing::read_file(dir / "workbench.log");
        INFO(log);
        // The refused search is the one step that fails; the status bar says why.
        CHECK(status == 1);
        CHECK(log.find("script: failed: search") != std::string::npos);
        CHECK(log.find("script: failed: status") == std::string::npos);
    }
    CHECK(last_step() == before);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(CodingStore(project).list().empty());
}

TEST_CASE("a mouse drag that starts and ends inside words codes the whole words, without the space around them") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "traek.fokus").string();
    import_sample(project_path);
    const int status = run_workbench(dir, project_path,
                                     "open kommune-c-raadgivere\n"
                                     "drag familieteamet|psykosociale\n"
                                     "press 3\n"
                                     // A press inside a selection would drag the selected text, as in any editor.
                                     "caret Jeg er i modtagelsen\n"
                                     "drag Altså|sager\n"
                                     "press 5\n"
                                     "caret Jeg er i modtagelsen\n"
                                     "drag overlevet|ledere\n"
                                     "press 8\n"
                                     "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(status == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    std::map<std::string, std::string> coded;
    CodeStore codes(project);
    DocumentStore documents(project);
    for (const auto& coding : CodingStore(project).list()) coded[codes.get(coding.code).name] = documents.excerpt(coding.document, coding.span);
    REQUIRE(coded.size() == 3);
    std::vector<std::string> excerpts;
    for (const auto& [code, excerpt] : coded) excerpts.push_back(excerpt);
    std::sort(excerpts.begin(), excerpts.end());
    CHECK(excerpts == std::vector<std::string>{"Altså, de psykosociale sager", "familieteamet. Altså, de psykosociale",
                                               "overlevet en del ledere"});
}

TEST_CASE("real keys: after coding, undo and redo the transcript, the retrieved segments and the co-occurrence show the project as it is") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "følger.fokus").string();
    import_sample(project_path);
    // Each "expect" brings its tab to the front, as a researcher looking at it
    // would; a tab left behind while the project changed must not show the past.
    const int status = run_workbench(dir, project_path,
                                     "open bikva-1-borgere\n"
                                     "retrieve Motivation\n"
                                     "cooccurrence\n"
                                     "select Jeg vil gerne arbejde igen\n"
                                     "focus transcript\n"
                                     "press 2\n"
                                     "expect transcript = 1\n"
                                     "expect segments = 1\n"
                                     "select Man føler sig meget lille\n"
                                     "focus transcript\n"
                                     "press 7\n"
                                     "expect transcript = 2\n"
                                     "expect cooccurrence Faglig tryghed|Faglig tryghed = 1\n"
                                     "expect cooccurrence Motivation|Motivation = 1\n"
                                     "focus transcript\n"
                                     "press Ctrl+Z\n"
                                     "expect cooccurrence Faglig tryghed|Faglig tryghed = 0\n"
                                     "expect segments = 1\n"
                                     "focus transcript\n"
                                     "press Ctrl+Z\n"
                                     "expect segments = 0\n"
                                     "expect transcript = 0\n"
                                     "expect cooccurrence Motivation|Motivation = 0\n"
                                     "focus transcript\n"
                                     "press Ctrl+Y\n"
                                     "expect transcript = 1\n"
                                     "expect cooccurrence Motivation|Motivation = 1\n"
                                     "expect segments = 1\n"
                                     "quit\n");
    INFO(testing::read_file(dir / "workbench.log"));
    REQUIRE(status == 0);
    // What the views showed last is what the file holds.
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    const auto codings = CodingStore(project).list();
    REQUIRE(codings.size() == 1);
    CHECK(codings[0].code == CodeStore(project).resolve("Motivation").id);
    CHECK(DocumentStore(project).excerpt(codings[0].document, codings[0].span) == "Jeg vil gerne arbejde igen");
    CHECK(History(project).next_redo()->label == "code with \"Faglig tryghed\"");
}

namespace {

// The lines a script's "shown VIEW" printed, without the "shown<TAB>VIEW<TAB>" before them.
std::vector<std::string> shown_lines(const std::string& log, const std::string& view) {
    std::vector<std::string> lines;
    const std::string prefix = "shown\t" + view + "\t";
    std::size_t at = 0;
    while ((at = log.find(prefix, at)) != std::string::npos) {
        const auto end = log.find('\n', at);
        lines.push_back(log.substr(at + prefix.size(), end - at - prefix.size()));
        at = end;
    }
    return lines;
}

// The first occurrence of `words` in a document, as the core counts positions.
Span span_in(Project& project, Id document, const std::string& words) {
    return testing::span_of(DocumentStore(project).text(document), words);
}

}  // namespace

TEST_CASE("agreement figures say what they count, a code one coder used reads as such, and unticking a document with real keys compares the rest") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "enighed i to grupper.fokus").string();
    {
        auto project = Project::create(project_path);
        testing::add_focus_group(project, "Fokusgruppe Kommune B", "Kommune B");
        testing::add_focus_group(project, "Fokusgruppe Kommune D", "Kommune D");
    }
    const auto code_as = [&](const std::string& coder, const std::string& document, const std::string& code, const std::string& text) {
        REQUIRE(testing::run_cli(dir, {"--coder", coder, "code", project_path, document, code, "--text", text}).exit_code == 0);
    };
    code_as("Åse", "Fokusgruppe Kommune B", "Kultur på medarbejderniveau", "Det er kollegerne, helt klart.");
    code_as("Bjørn", "Fokusgruppe Kommune B", "Kultur på medarbejderniveau", "Det er kollegerne, helt klart. Vi får sparring");
    code_as("Åse", "Fokusgruppe Kommune B", "Motivation", "Man gør en forskel for familierne");
    code_as("Bjørn", "Fokusgruppe Kommune D", "Motivation", "Man gør en forskel for familierne");
    const int status = run_workbench(dir, project_path,
                                     "open Fokusgruppe Kommune B\n"
                                     "agreement word|Åse,Bjørn\n"
                                     "shown agreement Motivation\n"
                                     "shown agreement Kultur på medarbejderniveau\n"
                                     "focus agreement-documents\n"
                                     "press Down\n"
                                     "press Space\n"
                                     "wait 300\n"
                                     "shown agreement Motivation\n"
                                     "shown agreement Kultur på medarbejderniveau\n"
                                     "shown agreement-caption\n"
                                     "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-15-agreement-documents.png\n"
                                     "quit\n");
    const auto log = testing::read_file(dir / "workbench.log");
    INFO(log);
    REQUIRE(status == 0);
    // Columns: code, units, both, Bjørn alone, Åse alone (the coders in Danish order), agreement, Cohen's κ,
    // Krippendorff's α. The fixture has 68 words a document. By hand (Python): Motivation in both documents,
    // 6 words each coder alone of 136: p_o = 124/136 = 91.18 % (shown rounded down), κ = -0.046, α = -0.042;
    // culture 5 words both, Bjørn 3 alone: 97.79 %, κ 0.758, α 0.759. Kommune B alone: 95.59 %, κ 600/804 =
    // 0.746, α 1 - 810/3198 = 0.747; Motivation there is Åse's alone, and says so instead of figures.
    const auto rows = shown_lines(log, "agreement");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "Motivation\tMotivation | 136 | 0 | 6 | 6 | 91.1 % | -0.046 | -0.042");
    CHECK(rows[1] == "Kultur på medarbejderniveau\tKultur på medarbejderniveau | 136 | 5 | 3 | 0 | 97.7 % | 0.758 | 0.759");
    CHECK(rows[2] == "Motivation\tMotivation | 68 | 0 | 0 | 6 | only Åse used it | – | –");
    CHECK(rows[3] == "Kultur på medarbejderniveau\tKultur på medarbejderniveau | 68 | 5 | 3 | 0 | 95.5 % | 0.746 | 0.747");
    const auto caption = shown_lines(log, "agreement-caption");
    REQUIRE(caption.size() == 1);
    CHECK(caption[0].find("Each word of the chosen documents is a unit.") == 0);
    // Looking changes nothing.
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(CodingStore(project).list().size() == 4);
    CHECK(History(project).steps().front().label == "code with \"Motivation\"");
}

TEST_CASE("retrieved segments: one row for a passage two coders coded alike, naming both, with the words around it") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "segmenter.fokus").string();
    {
        auto project = Project::create(project_path);
        testing::add_focus_group(project);
    }
    const auto code_as = [&](const std::string& coder, const std::string& text) {
        REQUIRE(testing::run_cli(dir, {"--coder", coder, "code", project_path, "Fokusgruppe Kommune B", "Faglig tryghed", "--text", text})
                    .exit_code == 0);
    };
    code_as("Åse", "Så føler man sig tryg i sin faglighed.");
    code_as("Bjørn", "Så føler man sig tryg i sin faglighed.");
    code_as("Åse", "lederen står bag os");
    const int status = run_workbench(dir, project_path,
                                     "open Fokusgruppe Kommune B\n"
                                     "click-code Faglig tryghed\n"
                                     "shown segments\n"
                                     "quit\n");
    const auto log = testing::read_file(dir / "workbench.log");
    INFO(log);
    REQUIRE(status == 0);
    // The context by hand (Python): up to 60 characters of the same turn on each side (after the speaker's
    // label), cut back to whole words, "…" where the turn goes on.
    const auto rows = shown_lines(log, "segments");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == "Fokusgruppe Kommune B | Rådgiver 1 | Åse | Det er kollegerne, helt klart. Vi får sparring, og | "
                     "lederen står bag os | , når der kommer en klage fra en forælder. Så føler man sig…");
    CHECK(rows[1] == "Fokusgruppe Kommune B | Rådgiver 1 | Åse, Bjørn | …står bag os, når der kommer en klage fra en forælder. | "
                     "Så føler man sig tryg i sin faglighed. | ");
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    CHECK(CodingStore(project).list().size() == 3);
}

TEST_CASE("BIKVA links made in the workbench: a statement marked in stage 1, read out and reacted to in stage 2, good advice written, a link removed from the chains view") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "bikva.fokus").string();
    import_sample(project_path);
    const std::string statement = "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra.";
    const std::string read_out = "En af borgerne sagde: \"" + statement + "\"";
    const std::string reaction = "Det gør ondt at høre. Fordi det er jo lige præcis det, vi ikke vil.";
    const std::string advice = "Giv os færre sager, så vi kan nå at læse dem.";
    const std::string shots = FOKUS_BUILD_DIR;
    const int linked = run_workbench(dir, project_path,
                                     "open bikva-1-borgere\n"
                                     "select " + statement + "\n"
                                     "focus transcript\n"
                                     "press Ctrl+Alt+S\n"
                                     "status Marked the statement\n"
                                     // Linking within the statement's own transcript is refused, and changes nothing.
                                     "select Fire. Og så en, der kun var vikar i en måned\n"
                                     "command bikva.react\n"
                                     "status same transcript\n"
                                     "open bikva-2-raadgivere\n"
                                     "select " + read_out + "\n"
                                     "note Læst op som det første udsagn\n"
                                     "command bikva.present\n"
                                     "status Presented\n"
                                     "select " + reaction + "\n"
                                     "focus transcript\n"
                                     "press Ctrl+Alt+R\n"
                                     "select " + advice + "\n"
                                     "command bikva.advice\n"
                                     "status good advice\n"
                                     "shown bikva\n"
                                     "screenshot " + shots + "/workbench-13-bikva-linked.png\n"
                                     "quit\n");
    auto log = testing::read_file(dir / "workbench.log");
    INFO(log);
    REQUIRE(linked == 0);
    CHECK(shown_lines(log, "bikva") == std::vector<std::string>{"1"});
    Id reaction_link = 0;
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        DocumentStore documents(project);
        const Id citizens = documents.resolve("bikva-1-borgere").id;
        const Id caseworkers = documents.resolve("bikva-2-raadgivere").id;
        const SpanRef said{citizens, span_in(project, citizens, statement)};
        const auto links = LinkStore(project).all();
        REQUIRE(links.size() == 2);
        CHECK(links[0].kind == Link::Kind::PresentedTo);
        CHECK(links[0].from == said);
        CHECK(links[0].to == SpanRef{caseworkers, span_in(project, caseworkers, read_out)});
        CHECK(links[0].note == "Læst op som det første udsagn");
        CHECK(links[1].kind == Link::Kind::Reaction);
        CHECK(links[1].from == SpanRef{caseworkers, span_in(project, caseworkers, reaction)});
        CHECK(links[1].to == said);
        CHECK(links[1].note.empty());
        reaction_link = links[1].id;
        const auto gode_raad = CodeStore(project).resolve("Gode råd").id;
        const auto codings = CodingStore(project).list();
        REQUIRE(codings.size() == 1);
        CHECK(codings[0].code == gode_raad);
        CHECK(documents.excerpt(codings[0].document, codings[0].span) == advice);
        // One step each, newest first.
        const auto steps = History(project).steps(3);
        REQUIRE(steps.size() == 3);
        CHECK(steps[0].label == "write good advice");
        CHECK(steps[1].label == "link a reaction to a statement");
        CHECK(steps[2].label == "present a statement to a later stage");
    }
    // A click on "remove link" under the reaction in the chains view takes that link away, as one step.
    const int removed = run_workbench(dir, project_path,
                                      "click-link remove:" + std::to_string(reaction_link) + "\n"
                                      "status Removed the link\n"
                                      "quit\n");
    log = testing::read_file(dir / "workbench.log");
    INFO(log);
    REQUIRE(removed == 0);
    auto project = Project::open(project_path, Project::Access::ReadOnly);
    const auto links = LinkStore(project).all();
    REQUIRE(links.size() == 1);
    CHECK(links[0].kind == Link::Kind::PresentedTo);
    CHECK(History(project).next_undo()->label == "remove a BIKVA link");
}

TEST_CASE("the contrast view contrasts the code clicked in the code tree, and follows the next click") {
    testing::ScratchDir dir;
    const auto project_path = (dir / "kontrast følger.fokus").string();
    import_sample(project_path);
    REQUIRE(testing::run_cli(dir, {"code-hits", project_path, "tryg*", "Faglig tryghed", "--level", "sentence"}).exit_code == 0);
    REQUIRE(testing::run_cli(dir, {"code-hits", project_path, "sparring", "Sparring og faglig ledelse", "--level", "sentence"}).exit_code == 0);
    // Counted here from the codings and the documents' municipality, not by the contrast.
    std::map<std::string, std::map<std::string, int>> expected;
    {
        auto project = Project::open(project_path, Project::Access::ReadOnly);
        DocumentStore documents(project);
        CodeStore codes(project);
        for (const auto& coding : CodingStore(project).list()) {
            ++expected[codes.get(coding.code).name][documents.attributes(coding.document).at("municipality")];
        }
    }
    REQUIRE(expected["Faglig tryghed"]["Kommune A"] + expected["Faglig tryghed"]["Kommune B"] > 0);
    const int status = run_workbench(dir, project_path,
                                     "open kommune-b-raadgivere\n"
                                     "command analysis.contrast\n"
                                     "click-code Faglig tryghed\n"
                                     "shown contrast\n"
                                     "click-code Sparring og faglig ledelse\n"
                                     "shown contrast\n"
                                     "screenshot " + std::string(FOKUS_BUILD_DIR) + "/workbench-14-contrast-follows.png\n"
                                     "quit\n");
    const auto log = testing::read_file(dir / "workbench.log");
    INFO(log);
    REQUIRE(status == 0);
    const auto shown = shown_lines(log, "contrast");
    REQUIRE(shown.size() == 2);
    // The first two municipalities, Kommune A and Kommune B, are contrasted by default.
    const auto line = [&](const std::string& code) {
        return code + "\t" + std::to_string(expected[code]["Kommune A"]) + "\t" + std::to_string(expected[code]["Kommune B"]);
    };
    CHECK(shown[0] == line("Faglig tryghed"));
    CHECK(shown[1] == line("Sparring og faglig ledelse"));
}
