#include <doctest/doctest.h>

#include "coding/change_journal.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/history.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("the journal tells which documents changed, and whether their text and turns or only their codings") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "journal.fokus");
    const ChangeJournal journal(project);
    CHECK(journal.end() == 0);
    const Id aarhus = testing::add_focus_group(project, "Fokusgruppe Århus", "Århus");
    const Id koege = testing::add_focus_group(project, "Fokusgruppe Køge", "Køge");
    const auto imported = journal.end();
    CHECK(journal.changes(0, imported) == std::vector<DocumentChange>{{aarhus, true}, {koege, true}});

    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    CodingStore(project).add(koege, code, Span{81, 103});
    DocumentStore(project).set_attribute(aarhus, "årstal", "2025");
    const auto coded = journal.end();
    CHECK(coded > imported);
    CHECK(journal.changes(imported, coded) == std::vector<DocumentChange>{{aarhus, false}, {koege, false}});

    // A speaker mapped to a participant changes what the turns say of who speaks.
    ParticipantStore participants(project);
    participants.map_speaker(koege, "Rådgiver 2", participants.ensure("K-R2"));
    CodingStore(project).add(koege, code, Span{105, 120});
    const auto mapped = journal.end();
    CHECK(journal.changes(coded, mapped) == std::vector<DocumentChange>{{koege, true}});
    CHECK(journal.changes(mapped, mapped).empty());

    // Undo is journalled like any change: the coding removed again.
    History(project).undo();
    CHECK(journal.changes(mapped, journal.end()) == std::vector<DocumentChange>{{koege, false}});
}

TEST_CASE("whether the journal still holds every change after a place") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "huller.fokus");
    const ChangeJournal journal(project);
    CHECK(journal.holds_changes_after(0));
    testing::add_focus_group(project, "Fokusgruppe Ærø", "Ærø");
    const auto end = journal.end();
    REQUIRE(end > 3);
    CHECK(journal.holds_changes_after(0));
    // Its oldest rows gone, as in a copy made for sharing that has since been changed.
    project.db().prepare("DELETE FROM change_journal WHERE seq <= 3").run();
    CHECK_FALSE(journal.holds_changes_after(0));
    CHECK_FALSE(journal.holds_changes_after(2));
    CHECK(journal.holds_changes_after(3));
    CHECK(journal.holds_changes_after(end));
    CHECK(journal.end() == end);
}
