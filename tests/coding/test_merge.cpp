// Merging another coder's copy of a project: every coding of both, nothing twice, conflicts listed.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <tuple>

#include "coding/codebook.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/condensation.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/merge.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "coding/sqlite.h"
#include "coding/text.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;
using testing::span_of;

namespace {

using Row = std::tuple<std::string, std::string, std::int64_t, std::int64_t>;  // coder, code, start, end

std::set<Row> codings_by_coder(Project& project) {
    std::set<Row> rows;
    auto query = project.db().prepare(
        "SELECT u.name, c.name, k.start, k.end FROM codings k JOIN coders u ON u.id = k.coder_id JOIN codes c ON c.id = k.code_id");
    while (query.step()) rows.insert({query.text(0), query.text(1), query.int64(2), query.int64(3)});
    return rows;
}

// Two copies of one project: Åse codes hers, Bjørn his, the same passage coded alike by both.
struct TwoCopies {
    testing::ScratchDir dir;
    std::filesystem::path ase_path = dir / "åse.fokus";
    std::filesystem::path bjorn_path = dir / "bjørn.fokus";

    TwoCopies() {
        {
            auto original = Project::create(ase_path);
            testing::add_focus_group(original);
        }
        std::filesystem::copy_file(ase_path, bjorn_path);
        code(ase_path, "Åse", {{"Faglig tryghed", "lederen står bag os"}, {"Motivation", "Man gør en forskel"}});
        code(bjorn_path, "Bjørn", {{"Faglig tryghed", "lederen står bag os"}, {"Arbejdspres og prioritering", "arbejdspresset er stort"}});
    }

    static void code(const std::filesystem::path& path, const std::string& coder,
                     const std::vector<std::pair<std::string, std::string>>& plan) {
        auto project = Project::open(path);
        project.set_coder(coder);
        const Id document = DocumentStore(project).resolve("Fokusgruppe Kommune B").id;
        for (const auto& [code, words] : plan) {
            CodingStore(project).add(document, CodeStore(project).resolve(code).id, span_of(testing::focus_group_text, words));
        }
    }
};

}  // namespace

TEST_CASE("two copies coded by two coders merge with every coding of both, each with its coder") {
    TwoCopies copies;
    auto ase = Project::open(copies.ase_path);
    ase.set_coder("Åse");
    auto expected = codings_by_coder(ase);
    {
        auto bjorn = Project::open(copies.bjorn_path, Project::Access::ReadOnly);
        for (const auto& row : codings_by_coder(bjorn)) expected.insert(row);
    }
    REQUIRE(expected.size() == 4);

    const auto report = merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus"});
    CHECK(report.documents.added == 0);
    CHECK(report.documents.present == 1);
    CHECK(report.codes.added == 0);
    CHECK(report.coders.added == 1);
    CHECK(report.codings.added == 2);
    CHECK(report.codings.present == 0);  // Bjørn's coding of the same passage is his own, not Åse's
    CHECK(report.conflicts.empty());
    CHECK(codings_by_coder(ase) == expected);
    CHECK(ase.db().scalar_int("SELECT count(*) FROM merge_origins WHERE kind = 'coding' AND source = 'bjørn.fokus'") == 2);

    SUBCASE("merging the same file again changes nothing") {
        const auto steps = History(ase).steps().size();
        const auto again = merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus"});
        CHECK_FALSE(again.changes_anything());
        CHECK(again.codings.present == 2);
        CHECK(codings_by_coder(ase) == expected);
        CHECK(History(ase).steps().size() == steps);
    }
    SUBCASE("the merge is one step of undo") {
        CHECK(History(ase).steps().front().label == "merge bjørn.fokus");
        History(ase).undo();
        CHECK(codings_by_coder(ase).size() == 2);
        CHECK(ase.db().scalar_int("SELECT count(*) FROM coders WHERE name = 'Bjørn'") == 0);
    }
}

TEST_CASE("a dry run reports what a merge would add and changes nothing") {
    TwoCopies copies;
    auto ase = Project::open(copies.ase_path);
    const auto before = codings_by_coder(ase);
    const auto steps = History(ase).steps().size();
    const auto dry = merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus", true});
    CHECK(dry.dry_run);
    CHECK(dry.codings.added == 2);
    CHECK(codings_by_coder(ase) == before);
    CHECK(History(ase).steps().size() == steps);
    CHECK(ase.db().scalar_int("SELECT count(*) FROM coders WHERE name = 'Bjørn'") == 0);
}

TEST_CASE("a code recoloured and redefined in both copies is listed as a conflict and settled by the user's choice") {
    TwoCopies copies;
    {
        auto bjorn = Project::open(copies.bjorn_path);
        CodeStore codes(bjorn);
        const Id motivation = codes.resolve("Motivation").id;
        codes.recolour(motivation, "#00AA00");
        codes.define(motivation, "Hvad der får rådgiveren til at blive");
    }
    auto ase = Project::open(copies.ase_path);
    CodeStore codes(ase);
    const Id motivation = codes.resolve("Motivation").id;
    codes.define(motivation, "Lyst og mening i arbejdet");
    const auto ours = codes.get(motivation);

    SUBCASE("this project's values are kept by default, and both are listed") {
        const auto report = merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus"});
        REQUIRE(report.conflicts.size() == 2);
        CHECK(report.conflicts[0].item == "code \"Motivation\": colour");
        CHECK(report.conflicts[0].theirs == "#00AA00");
        CHECK(report.conflicts[1].item == "code \"Motivation\": definition");
        CHECK(report.conflicts[1].ours == "Lyst og mening i arbejdet");
        CHECK_FALSE(report.conflicts[1].took_theirs);
        CHECK(codes.get(motivation).color == ours.color);
        CHECK(codes.get(motivation).definition == "Lyst og mening i arbejdet");
    }
    SUBCASE("or the other project's, when the user asks") {
        MergeOptions options{"bjørn.fokus"};
        options.take_theirs = true;
        const auto report = merge_project_file(ase, copies.bjorn_path, options);
        REQUIRE(report.conflicts.size() == 2);
        CHECK(report.conflicts[0].took_theirs);
        CHECK(codes.get(motivation).color == "#00AA00");
        CHECK(codes.get(motivation).definition == "Hvad der får rådgiveren til at blive");
    }
}

TEST_CASE("a code renamed in the other copy is matched by its GUID; a similar new code is added and named for review") {
    TwoCopies copies;
    {
        auto bjorn = Project::open(copies.bjorn_path);
        CodeStore codes(bjorn);
        codes.rename(codes.resolve("Faglig tryghed").id, "Faglig tryghed i teamet");
        codes.add("Kompetenceudviklingen");
    }
    auto ase = Project::open(copies.ase_path);
    const auto report = merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus"});
    CHECK(report.codes.added == 1);
    REQUIRE(report.notes.size() == 2);
    CHECK(report.notes[0] == "code \"Faglig tryghed\" is called \"Faglig tryghed i teamet\" in bjørn.fokus; matched by its GUID");
    CHECK(report.notes[1] ==
          "code \"Kompetenceudviklingen\" is new here but resembles \"Kompetenceudvikling\"; if it is the same code renamed, "
          "merge the two codes");
    CHECK(CodeStore(ase).resolve("Faglig tryghed").name == "Faglig tryghed");
    // Bjørn's codings under the renamed code land on Åse's code.
    CHECK(codings_by_coder(ase).count({"Bjørn", "Faglig tryghed", span_of(testing::focus_group_text, "lederen står bag os").start,
                                       span_of(testing::focus_group_text, "lederen står bag os").end}) == 1);
}

TEST_CASE("documents are matched by their text; other text under a taken name is added under a free one") {
    testing::ScratchDir dir;
    auto ours = Project::create(dir / "vores.fokus");
    testing::add_focus_group(ours, "Fokusgruppe Kommune B");
    {
        auto theirs = Project::create(dir / "deres.fokus");
        testing::add_focus_group(theirs, "Kommune B, rådgivere");  // same text, other name
        NewDocument other;
        other.name = "Fokusgruppe Kommune B";
        other.format = "txt";
        other.text = "Leder: Vi har fået færre sager pr. rådgiver i år.";
        DocumentStore(theirs).add(other);
    }
    const auto report = merge_project_file(ours, dir / "deres.fokus", MergeOptions{"deres.fokus"});
    CHECK(report.documents.present == 1);
    CHECK(report.documents.added == 1);
    REQUIRE(report.notes.size() == 1);
    CHECK(report.notes[0].find("added as \"Fokusgruppe Kommune B (2)\"") != std::string::npos);
    CHECK(DocumentStore(ours).text(DocumentStore(ours).resolve("Fokusgruppe Kommune B (2)").id) ==
          "Leder: Vi har fået færre sager pr. rådgiver i år.");
}

TEST_CASE("memos are carried over once, on the same document, code or coding") {
    TwoCopies copies;
    {
        auto bjorn = Project::open(copies.bjorn_path);
        bjorn.set_coder("Bjørn");
        const Id document = DocumentStore(bjorn).resolve("Fokusgruppe Kommune B").id;
        MemoStore(bjorn).add({MemoTarget::Kind::Document, document}, "Stemning", "Rådgiverne talte åbent om stress.");
    }
    auto ase = Project::open(copies.ase_path);
    CHECK(merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus"}).memos.added == 1);
    CHECK(merge_project_file(ase, copies.bjorn_path, MergeOptions{"bjørn.fokus"}).memos.added == 0);
    const auto memos = MemoStore(ase).list();
    REQUIRE(memos.size() == 1);
    CHECK(memos[0].target.kind == MemoTarget::Kind::Document);
    CHECK(memos[0].text == "Rådgiverne talte åbent om stress.");
    CHECK(memos[0].author == "Bjørn");
}

TEST_CASE("merging a project with itself or a missing file is refused and changes nothing") {
    TwoCopies copies;
    auto ase = Project::open(copies.ase_path);
    const auto before = codings_by_coder(ase);
    CHECK_THROWS_WITH_AS(merge_project_file(ase, copies.ase_path, MergeOptions{"åse.fokus"}),
                         doctest::Contains("is this project itself"), InputError);
    CHECK_THROWS_AS(merge_project_file(ase, copies.dir / "væk.fokus", MergeOptions{"væk.fokus"}), ProjectError);
    CHECK(codings_by_coder(ase) == before);
}

namespace {

// A codebook of seven levels whose names repeat under every branch, each code
// with a coding of its own, as large projects from other programs come.
struct DeepCodebook {
    ProjectExchange exchange;
    std::map<std::string, std::string> path_of;  // code GUID -> its names from the top, joined by "/"

    DeepCodebook() {
        exchange.coders.push_back({"0a000000-0000-4000-8000-000000000001", "Åse"});
        add("", "", "rq2_curriculum_and_instruction", 1);
        add("", "", "rq3_process", 1);
        std::string text;
        for (std::size_t n = 0; n < exchange.codes.size(); ++n) text += "Afsnit " + std::to_string(n) + " om skolen på Ærø.\n";
        ExchangeDocument document;
        document.guid = "0d000000-0000-4000-8000-000000000001";
        document.content.name = "Interview Søren";
        document.content.format = "qdpx";
        document.content.text = text;
        exchange.documents.push_back(document);
        for (std::size_t n = 0; n < exchange.codes.size(); ++n) {
            const auto byte = text.find("Afsnit " + std::to_string(n) + " ");
            const auto line = static_cast<std::int64_t>(text::count_code_points(text.substr(0, byte)));
            exchange.codings.push_back({guid(0xc0000 + n), document.guid, exchange.codes[n].guid, Span{line, line + 6},
                                        exchange.coders[0].guid, "2026-03-02T10:15:00Z", ""});
        }
    }

    static std::string guid(std::size_t n) {
        std::string tail = std::to_string(n);
        return "0c000000-0000-4000-8000-" + std::string(12 - tail.size(), '0') + tail;
    }

    void add(const std::string& parent, const std::string& parent_path, const std::string& name, int level) {
        ExchangeCode code{guid(exchange.codes.size() + 1), parent, name, "", "", true};
        exchange.codes.push_back(code);
        const std::string path = parent_path.empty() ? name : parent_path + "/" + name;
        path_of[code.guid] = path;
        if (level == 7) return;
        for (const std::string child : {"cs_inclusion", "cs_equity"}) add(code.guid, path, child, level + 1);
    }
};

std::string path_in(Project& project, Id code) {
    std::string path;
    for (std::optional<Id> at = code; at;) {
        auto query = project.db().prepare("SELECT name, parent_id FROM codes WHERE id = ?");
        query.bind_all(*at);
        REQUIRE(query.step());
        path = query.text(0) + (path.empty() ? "" : "/" + path);
        at = query.optional_int64(1);
    }
    return path;
}

}  // namespace

TEST_CASE("into a new project, 254 codes on seven levels with names repeated under every branch stay 254, each coding on its own") {
    const DeepCodebook deep;
    REQUIRE(deep.exchange.codes.size() == 254);
    testing::ScratchDir dir;
    const Codebook empty;
    auto project = Project::create(dir / "ny.fokus", &empty);
    const auto report = merge_exchange(project, deep.exchange, {"dyb.qdpx"});
    CHECK(report.codes.added == 254);
    CHECK(report.codings.added == 254);
    CHECK(report.notes.empty());
    CHECK(project.db().scalar_int("SELECT count(*) FROM codes") == 254);
    auto query = project.db().prepare("SELECT code_id, start FROM codings ORDER BY start");
    std::size_t n = 0;
    while (query.step()) {
        CHECK(path_in(project, query.int64(0)) == deep.path_of.at(deep.exchange.codes[n].guid));
        ++n;
    }
    CHECK(n == 254);
}

TEST_CASE("a coding deleted here since the copy was made is not brought back by merging the copy; one whose deletion was undone stays") {
    TwoCopies copies;
    {
        auto ase = Project::open(copies.ase_path);
        const auto motivation = CodeStore(ase).resolve("Motivation").id;
        for (const auto& coding : CodingStore(ase).list()) {
            if (coding.code == motivation) CodingStore(ase).remove(coding.id);
        }
    }
    // Carl's copy is made from Åse's file while it still holds her Motivation
    // coding (the deletion undone for the copy, then redone).
    const auto carl_path = copies.dir / "carl.fokus";
    {
        auto ase = Project::open(copies.ase_path);
        History(ase).undo();
    }
    std::filesystem::copy_file(copies.ase_path, carl_path);
    {
        auto ase = Project::open(copies.ase_path);
        History(ase).redo();
        REQUIRE(CodingStore(ase).list().size() == 1);
    }
    TwoCopies::code(carl_path, "Carl", {{"Sparring og faglig ledelse", "Vi får sparring"}});

    auto ase = Project::open(copies.ase_path);
    const auto report = merge_project_file(ase, carl_path, {"carl.fokus"});
    CHECK(report.codings.added == 1);  // Carl's own
    CHECK(report.codings.deleted_here == 1);
    CHECK(report.codings.present == 1);
    const auto rows = codings_by_coder(ase);
    CHECK(rows.size() == 2);
    CHECK(std::none_of(rows.begin(), rows.end(), [](const Row& row) { return std::get<1>(row) == "Motivation"; }));

    // Undoing the merge and then the deletion: the coding is wanted again, and the copy's is the same one.
    History(ase).undo();
    History(ase).undo();
    const auto again = merge_project_file(ase, carl_path, {"carl.fokus"});
    CHECK(again.codings.deleted_here == 0);
    CHECK(again.codings.present == 2);
    CHECK(again.codings.added == 1);
}

TEST_CASE("a copy made before names were replaced does not bring the names back: its document and codings are left out, and said so") {
    TwoCopies copies;
    {
        auto ase = Project::open(copies.ase_path);
        const Id document = DocumentStore(ase).resolve("Fokusgruppe Kommune B").id;
        // A detail replaced in Åse's copy only; Bjørn's still has it.
        DocumentStore(ase).replace_text(document, {{span_of(testing::focus_group_text, "kollegerne"), "[kolleger]", "name"}});
    }
    auto ase = Project::open(copies.ase_path);
    const auto before = codings_by_coder(ase);
    const auto report = merge_project_file(ase, copies.bjorn_path, {"bjørn.fokus"});
    CHECK(report.documents.added == 0);
    CHECK(report.documents.withheld == 1);
    CHECK(report.codings.withheld == 2);
    CHECK(report.codings.added == 0);
    REQUIRE(DocumentStore(ase).all().size() == 1);
    CHECK(DocumentStore(ase).text(DocumentStore(ase).all().front().id).find("kollegerne") == std::string::npos);
    CHECK(codings_by_coder(ase) == before);
    REQUIRE(report.notes.size() == 1);
    CHECK(report.notes.front().find("before names or numbers were replaced here") != std::string::npos);
    CHECK(report.notes.front().find("kollegerne") == std::string::npos);
}

TEST_CASE("quote sets and condensations of another Fokus project are merged: new ones added, differing cells listed as conflicts") {
    TwoCopies copies;
    {
        auto bjorn = Project::open(copies.bjorn_path);
        bjorn.set_coder("Bjørn");
        const Id set = QuoteSetStore(bjorn).create("Bjørns citater");
        std::vector<Id> his;
        for (const auto& coding : CodingStore(bjorn).list()) his.push_back(coding.id);
        QuoteSetStore(bjorn).add_codings(set, his);
        const Id document = DocumentStore(bjorn).resolve("Fokusgruppe Kommune B").id;
        CondensationStore(bjorn).set(CodeStore(bjorn).resolve("Faglig tryghed").id, CondensationScope::of_document(document),
                                     "Lederen bakker op; det giver tryghed.");
        CondensationStore(bjorn).set(CodeStore(bjorn).resolve("Motivation").id, CondensationScope::of_value("municipality", "Kommune B"),
                                     "Børnene motiverer.");
    }
    {
        auto ase = Project::open(copies.ase_path);
        CondensationStore(ase).set(CodeStore(ase).resolve("Motivation").id, CondensationScope::of_value("municipality", "Kommune B"),
                                   "Familierne motiverer.");
    }
    auto ase = Project::open(copies.ase_path);
    const auto report = merge_project_file(ase, copies.bjorn_path, {"bjørn.fokus"});
    CHECK(report.quote_sets.added == 1);
    CHECK(report.quotes.added == 2);
    CHECK(report.condensations.added == 1);
    REQUIRE(report.conflicts.size() == 1);
    CHECK(report.conflicts.front().ours == "Familierne motiverer.");
    CHECK(report.conflicts.front().theirs == "Børnene motiverer.");
    QuoteSetStore sets(ase);
    const auto quotes = sets.quotes(sets.resolve("Bjørns citater").id);
    REQUIRE(quotes.size() == 2);
    // Each quote keeps its coding: the merged one, or Åse's own where both coded alike.
    for (const auto& quote : quotes) CHECK(quote.coding.has_value());
    const Id document = DocumentStore(ase).resolve("Fokusgruppe Kommune B").id;
    const auto cell = CondensationStore(ase).get(CodeStore(ase).resolve("Faglig tryghed").id, CondensationScope::of_document(document));
    REQUIRE(cell);
    CHECK(cell->text == "Lederen bakker op; det giver tryghed.");
    // Merged again: everything is present, nothing added twice.
    const auto again = merge_project_file(ase, copies.bjorn_path, {"bjørn.fokus"});
    CHECK(again.quotes.added == 0);
    CHECK(again.quotes.present == 2);
    CHECK(again.condensations.added == 0);
}
