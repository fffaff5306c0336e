#include <doctest/doctest.h>

#include <algorithm>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("a coding covers exactly the code points it was given") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "kodning.fokus");
    project.set_coder("Testkoder");
    const Id document = testing::add_focus_group(project);
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    const auto span = testing::span_of(testing::focus_group_text, "føler man sig tryg i sin faglighed");
    const Id id = CodingStore(project).add(document, code, span, "Tryghed kommer af rygdækning");
    const auto coding = CodingStore(project).get(id);
    CHECK(coding.span == span);
    CHECK(coding.comment == "Tryghed kommer af rygdækning");
    CHECK(coding.coder_name == "Testkoder");
    CHECK(DocumentStore(project).excerpt(document, coding.span) == "føler man sig tryg i sin faglighed");
}

TEST_CASE("spans outside the text, empty spans and duplicates are refused and nothing is written") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "forkert.fokus");
    const Id document = testing::add_focus_group(project);
    const Id code = CodeStore(project).resolve("Motivation").id;
    const auto length = DocumentStore(project).get(document).length;
    CodingStore codings(project);
    CHECK_THROWS_WITH_AS(codings.add(document, code, Span{length - 5, length + 1}),
                         doctest::Contains("is not inside \"Fokusgruppe Kommune B\", which has"), InputError);
    CHECK_THROWS_AS(codings.add(document, code, Span{10, 10}), InputError);
    CHECK_THROWS_AS(codings.add(document, code, Span{-1, 4}), InputError);
    codings.add(document, code, Span{0, 12});
    CHECK_THROWS_WITH_AS(codings.add(document, code, Span{0, 12}), doctest::Contains("is already coded with \"Motivation\""),
                         InputError);
    CHECK_THROWS_WITH_AS(codings.add(document, CodeStore(project).resolve("BIKVA-trin").id, Span{0, 12}),
                         doctest::Contains("is a heading"), InputError);
    CHECK(codings.list().size() == 1);
    CHECK(project.db().scalar_int("SELECT count(*) FROM undo_log") == 2);  // the import and the one coding
}

TEST_CASE("text is found by its code-point spans, past æ, ø and å") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "find.fokus");
    const Id document = testing::add_focus_group(project);
    CodingStore codings(project);
    const auto spans = codings.find_text(document, "rådgiver");
    REQUIRE(spans.size() == 2);  // "rådgiver?" and "rådgiverne"
    for (const auto& span : spans) CHECK(DocumentStore(project).excerpt(document, span) == "rådgiver");
    CHECK(codings.find_text(document, "sagsbehandler").empty());
    CHECK_THROWS_AS(codings.find_text(document, ""), InputError);
}

TEST_CASE("codings are listed by code, document and coder, and can be recoded and removed") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "liste.fokus");
    const Id first = testing::add_focus_group(project, "Ledere Kommune A", "Kommune A");
    const Id second = testing::add_focus_group(project, "Rådgivere Kommune A", "Kommune A");
    CodeStore codes(project);
    const Id motivation = codes.resolve("Motivation").id;
    const Id pres = codes.resolve("Arbejdspres og prioritering").id;
    CodingStore codings(project);
    const auto børnene = testing::span_of(testing::focus_group_text, "så er det børnene");
    const auto stress = testing::span_of(testing::focus_group_text, "rådgiverne går ned med stress");
    codings.add(first, motivation, børnene);
    const Id recoded = codings.add(second, motivation, stress);
    project.set_coder("Åse");
    codings.add(second, pres, stress);
    CHECK(codings.list({{motivation}, std::nullopt, {}}).size() == 2);
    CHECK(codings.list({{}, second, {}}).size() == 2);
    const auto by_åse = codings.list({{}, std::nullopt, {project.coder_id()}});
    REQUIRE(by_åse.size() == 1);
    CHECK(by_åse[0].code == pres);
    codings.recode(recoded, pres);
    CHECK(codings.get(recoded).code == pres);
    codings.remove(recoded);
    CHECK_THROWS_AS(codings.get(recoded), NotFoundError);
}

TEST_CASE("coding many spans at once is one action") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "mange.fokus");
    const Id document = testing::add_focus_group(project);
    CodingStore codings(project);
    std::vector<CodingRequest> requests;
    for (const auto& span : codings.find_text(document, "r")) requests.push_back({document, span});
    const auto steps_before = project.db().scalar_int("SELECT count(*) FROM undo_log");
    const auto ids = codings.add_all(CodeStore(project).resolve("Motivation").id, requests, "kod alle r");
    CHECK(ids.size() == requests.size());
    CHECK(project.db().scalar_int("SELECT count(*) FROM undo_log") == steps_before + 1);
}

TEST_CASE("a document's coded spans, and each code with each coder who applied it once") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "spænd.fokus");
    const Id document = testing::add_focus_group(project);
    const Id other = testing::add_focus_group(project, "Fokusgruppe Ærø", "Ærø");
    const Id safety = CodeStore(project).resolve("Faglig tryghed").id;
    const Id pressure = CodeStore(project).add("Arbejdspres og stress");
    project.set_coder("Åse");
    const Id aase = project.coder_id();
    CodingStore codings(project);
    codings.add(document, safety, Span{81, 103});   // "kollegerne, helt klart", counted in Python
    codings.add(document, safety, Span{105, 120});  // "Vi får sparring"
    codings.add(other, pressure, Span{362, 368});   // "stress"
    project.set_coder("Søren");
    const Id soeren = project.coder_id();
    codings.add(document, pressure, Span{362, 368});

    auto spans = codings.spans_in(document);
    std::sort(spans.begin(), spans.end(), [](const CodedSpan& a, const CodedSpan& b) { return a.span.start < b.span.start; });
    REQUIRE(spans.size() == 3);
    CHECK(DocumentStore(project).excerpt(document, spans[0].span) == "kollegerne, helt klart");
    CHECK((spans[0].code == safety && spans[0].coder == aase));
    CHECK(spans[1].span == Span{105, 120});
    CHECK((spans[2].code == pressure && spans[2].coder == soeren));

    auto pairs = codings.codes_and_coders(document);
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::pair<Id, Id>> expected{{safety, aase}, {pressure, soeren}};
    std::sort(expected.begin(), expected.end());
    CHECK(pairs == expected);
    CHECK(codings.spans_in(other).size() == 1);
}
