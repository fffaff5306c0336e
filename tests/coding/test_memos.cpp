#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("memos on the project, a document, a code and a coding") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "memo.fokus");
    project.set_coder("Testkoder");
    const Id document = testing::add_focus_group(project);
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    const Id coding = CodingStore(project).add(document, code, Span{0, 11});
    MemoStore memos(project);
    memos.add({MemoTarget::Kind::Project, 0}, "Abduktion", "Vi veksler mellem data og teori om psykologisk tryghed.");
    memos.add({MemoTarget::Kind::Document, document}, "", "Gruppen var præget af en nylig omorganisering.");
    memos.add({MemoTarget::Kind::Code, code}, "Kondensering", "Trygheden hviler på ledelsens rygdækning.");
    const Id on_coding = memos.add({MemoTarget::Kind::Coding, coding}, "", "Typisk udsagn.");
    CHECK(memos.list().size() == 4);
    CHECK(memos.list(MemoTarget{MemoTarget::Kind::Project, 0}).at(0).title == "Abduktion");
    CHECK(memos.list(MemoTarget{MemoTarget::Kind::Code, code}).at(0).text == "Trygheden hviler på ledelsens rygdækning.");
    memos.edit(on_coding, "Citat", "Et typisk udsagn om børnene.");
    CHECK(memos.get(on_coding).title == "Citat");
    CHECK(memos.get(on_coding).author == "Testkoder");
    CodingStore(project).remove(coding);
    CHECK_THROWS_AS(memos.get(on_coding), NotFoundError);  // goes with its coding
    DocumentStore(project).remove(document);
    CHECK(memos.list().size() == 2);
}

TEST_CASE("empty memos and memos on missing targets are refused") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "tom.fokus");
    MemoStore memos(project);
    CHECK_THROWS_WITH_AS(memos.add({MemoTarget::Kind::Project, 0}, "", " \n "), "the memo is empty", InputError);
    CHECK_THROWS_WITH_AS(memos.add({MemoTarget::Kind::Document, 77}, "", "Om børnene."), "no document with id 77",
                         NotFoundError);
    CHECK(memos.list().empty());
}
