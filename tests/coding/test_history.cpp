#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

// Everything a user could see, as one string, to compare states.
std::string snapshot(Project& project) {
    std::string state;
    for (const auto& code : CodeStore(project).all()) {
        state += code.guid + code.name + code.color + code.definition + std::to_string(code.position) +
                 std::to_string(code.parent.value_or(0)) + "\n";
    }
    for (const auto& coding : CodingStore(project).list()) {
        state += coding.guid + std::to_string(coding.code) + ":" + std::to_string(coding.span.start) + "-" +
                 std::to_string(coding.span.end) + coding.comment + "\n";
    }
    for (const auto& memo : MemoStore(project).list()) state += memo.guid + memo.text + "\n";
    for (const auto& document : DocumentStore(project).all()) state += document.guid + document.name + "\n";
    return state;
}

}  // namespace

TEST_CASE("a coding is undone and redone") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "fortryd.fokus");
    const Id document = testing::add_focus_group(project);
    History history(project);
    const auto before = snapshot(project);
    CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id,
                             testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne"));
    const auto after = snapshot(project);
    CHECK(history.next_undo()->label == "code with \"Motivation\"");
    CHECK(history.undo().label == "code with \"Motivation\"");
    CHECK(snapshot(project) == before);
    CHECK(history.next_redo()->label == "code with \"Motivation\"");
    history.redo();
    CHECK(snapshot(project) == after);
}

TEST_CASE("deleting a code with its codings is undone as one step, codings included") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "slet.fokus");
    const Id document = testing::add_focus_group(project);
    CodeStore codes(project);
    const Id code = codes.resolve("Arbejdspres og prioritering").id;
    const Id coding = CodingStore(project).add(document, code, testing::span_of(testing::focus_group_text, "arbejdspresset er stort"));
    MemoStore(project).add({MemoTarget::Kind::Coding, coding}, "", "Presset nævnes af flere rådgivere.");
    const auto before = snapshot(project);
    codes.remove(code);
    CHECK(CodingStore(project).list().empty());
    History(project).undo();
    CHECK(snapshot(project) == before);
}

TEST_CASE("merging codes and importing a document are undone whole") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "flet.fokus");
    const auto empty = snapshot(project);
    const Id document = testing::add_focus_group(project);
    CodeStore codes(project);
    CodingStore(project).add(document, codes.resolve("Faglig kompetence").id, Span{0, 11});
    const auto before_merge = snapshot(project);
    codes.merge(codes.resolve("Faglig kompetence").id, codes.resolve("Faglig tryghed").id);
    History history(project);
    history.undo();
    CHECK(snapshot(project) == before_merge);
    history.undo();  // the coding
    history.undo();  // the import
    CHECK(snapshot(project) == empty);
    CHECK(project.db().scalar_int("SELECT count(*) FROM turns") == 0);
    CHECK_THROWS_WITH_AS(history.undo(), "nothing to undo", InputError);
}

TEST_CASE("a new action after undo drops the redo steps") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "gren.fokus");
    CodeStore codes(project);
    codes.add("Tillid");
    History history(project);
    history.undo();
    codes.add("Tryghed i teamet");
    CHECK_FALSE(history.next_redo());
    CHECK_THROWS_WITH_AS(history.redo(), "nothing to redo", InputError);
}

TEST_CASE("the history survives closing and opening the project") {
    testing::ScratchDir dir;
    const auto path = dir / "session.fokus";
    {
        auto project = Project::create(path);
        CodeStore(project).add("Rygdækning fra lederen");
    }
    auto project = Project::open(path);
    CHECK(History(project).undo().label == "add code \"Rygdækning fra lederen\"");
    CHECK_THROWS_AS(CodeStore(project).resolve("Rygdækning fra lederen"), NotFoundError);
}

TEST_CASE("an action that fails part-way leaves nothing behind, not even a history step") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "halv.fokus");
    const Id document = testing::add_focus_group(project);
    const auto before = snapshot(project);
    const auto steps = project.db().scalar_int("SELECT count(*) FROM undo_log");
    CHECK_THROWS_AS(project.act("kod og fejl",
                                [&] {
                                    CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id, Span{0, 11});
                                    throw InputError("afbrudt undervejs");
                                }),
                    InputError);
    CHECK(snapshot(project) == before);
    CHECK(project.db().scalar_int("SELECT count(*) FROM undo_log") == steps);
}

TEST_CASE("undo conflicting with a later change by another program is refused, and nothing changes") {
    testing::ScratchDir dir;
    const auto path = dir / "konflikt.fokus";
    auto project = Project::create(path);
    CodeStore codes(project);
    const Id code = codes.add("Tillid");
    codes.rename(code, "Tillid i teamet");
    {
        // Another program edits the same row outside this project's history.
        sql::Connection other(path.string(), sql::Connection::Mode::ReadWrite);
        other.exec("UPDATE codes SET name = 'Tillid på tværs' WHERE name = 'Tillid i teamet'");
    }
    CHECK_THROWS_WITH_AS(History(project).undo(), doctest::Contains("has been changed since"), InputError);
    CHECK(codes.get(code).name == "Tillid på tværs");
}

TEST_CASE("every change is journaled for the search index, undo included") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "journal.fokus");
    const Id document = testing::add_focus_group(project);
    auto last = [&] { return project.db().scalar_int("SELECT max(seq) FROM change_journal"); };
    const auto after_import = last();
    CHECK(after_import > 0);
    CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id, Span{0, 11});
    const auto after_coding = last();
    CHECK(after_coding > after_import);
    History(project).undo();
    CHECK(last() > after_coding);
    auto query = project.db().prepare("SELECT document_id, what FROM change_journal WHERE seq = ?");
    query.bind_all(last());
    REQUIRE(query.step());
    CHECK(query.int64(0) == document);
    CHECK(query.text(1) == "codings");
}

TEST_CASE("a new participant mapped to a speaker in one action is undone and redone whole") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "deltagere.fokus");
    const Id document = testing::add_focus_group(project, "Rådgivere Kommune B");
    auto speaker_link = [&] {
        auto query = project.db().prepare("SELECT participant_id FROM speakers WHERE label = 'Rådgiver 2'");
        REQUIRE(query.step());
        return query.is_null(0) ? std::string("ingen") : std::to_string(query.int64(0));
    };
    project.act("ny deltager Søren", [&] {
        ParticipantStore participants(project);
        const Id soeren = participants.ensure("Søren (B-R2)");
        participants.map_speaker(document, "Rådgiver 2", soeren);
    });
    REQUIRE(ParticipantStore(project).find("Søren (B-R2)"));
    REQUIRE(speaker_link() != "ingen");

    History history(project);
    CHECK(history.undo().label == "ny deltager Søren");
    CHECK_FALSE(ParticipantStore(project).find("Søren (B-R2)"));
    CHECK(speaker_link() == "ingen");

    history.redo();
    const auto soeren = ParticipantStore(project).find("Søren (B-R2)");
    REQUIRE(soeren);
    CHECK(speaker_link() == std::to_string(soeren->id));
}

TEST_CASE("an undo whose update finds neither the old nor the new value is refused, and nothing changes") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "deltagere.fokus");
    const Id document = testing::add_focus_group(project, "Rådgivere Kommune B");
    project.act("Rådgiver 2 er Åse", [&] {
        ParticipantStore participants(project);
        participants.map_speaker(document, "Rådgiver 2", participants.ensure("Åse"));
    });
    // Another program maps the speaker to someone else behind this history's back.
    project.db().exec("INSERT INTO participants(id, guid, label) VALUES (99, 'jørgen', 'Jørgen');"
                      "UPDATE speakers SET participant_id = 99 WHERE label = 'Rådgiver 2'");
    History history(project);
    CHECK_THROWS_AS(history.undo(), InputError);
    CHECK(ParticipantStore(project).find("Åse"));
    auto query = project.db().prepare("SELECT participant_id FROM speakers WHERE label = 'Rådgiver 2'");
    REQUIRE(query.step());
    CHECK(query.int64(0) == 99);
}
