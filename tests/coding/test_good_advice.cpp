// Good advice written down in the transcript: one step that codes the passage
// "Gode råd", making the code first when the project has none.
#include <doctest/doctest.h>

#include "coding/bikva.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/good_advice.h"
#include "coding/history.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("good advice codes the passage \"Gode råd\" as one step, with the note as the coding's comment") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "gode råd.fokus");
    const Id document = testing::add_focus_group(project, "Ledere Kommune A", "Kommune A");
    DocumentStore(project).set_attribute(document, "bikva_stage", "3");
    const auto span = testing::span_of(testing::focus_group_text, "lederen står bag os");
    const std::int64_t steps_before = static_cast<std::int64_t>(History(project).steps().size());
    const Id coding = write_good_advice(project, document, span, "Til politikerne");
    const auto made = CodingStore(project).get(coding);
    CHECK(made.span == span);
    CHECK(made.comment == "Til politikerne");
    CHECK(CodeStore(project).get(made.code).name == "Gode råd");
    CHECK(static_cast<std::int64_t>(History(project).steps().size()) == steps_before + 1);
    CHECK(History(project).next_undo()->label == "write good advice");
    CHECK(DocumentStore(project).excerpt(document, made.span) == "lederen står bag os");
}

TEST_CASE("good advice makes the code when the project lacks it, and undo takes both away") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "uden koder.fokus");
    const Id document = testing::add_focus_group(project);
    CodeStore(project).remove(CodeStore(project).resolve("Gode råd").id);
    CHECK_THROWS_AS(CodeStore(project).resolve("Gode råd"), NotFoundError);
    const auto codings_before = CodingStore(project).list().size();
    write_good_advice(project, document, testing::span_of(testing::focus_group_text, "Vi får sparring"));
    const auto code = CodeStore(project).resolve("Gode råd");
    CHECK(code.color == "#B03A2E");
    CHECK_FALSE(code.parent.has_value());
    CHECK(CodingStore(project).list().size() == codings_before + 1);
    History(project).undo();
    CHECK_THROWS_AS(CodeStore(project).resolve("Gode råd"), NotFoundError);
    CHECK(CodingStore(project).list().size() == codings_before);
}

TEST_CASE("good advice outside the document's text is refused and leaves the project as it was") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "forkert.fokus");
    const Id document = testing::add_focus_group(project);
    CodeStore(project).remove(CodeStore(project).resolve("Gode råd").id);
    const auto steps = History(project).steps().size();
    CHECK_THROWS_AS(write_good_advice(project, document, Span{5, 100000}), InputError);
    CHECK_THROWS_AS(CodeStore(project).resolve("Gode råd"), NotFoundError);
    CHECK(History(project).steps().size() == steps);
}
