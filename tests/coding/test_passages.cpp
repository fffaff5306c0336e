#include <doctest/doctest.h>

#include "coding/documents.h"
#include "coding/identity.h"
#include "coding/passages.h"
#include "coding/project.h"
#include "coding/schema.h"
#include "coding/sqlite.h"
#include "scratch.h"

using namespace fokus;

// Expected spans computed with Python (str.index, str.split("\n"), str.strip(" \t")),
// code points into the text.
namespace {

const std::string minutes =
    "Referat af mødet på Ærø\n  Deltagere: tre rådgivere  \nInterviewer: Hvordan går det?\nRådgiver 1: Godt.\n"
    "Noter om pausen ved Ødis\n\t\n Slut på båndet ";

}  // namespace

TEST_CASE("unlabelled passages: each line outside the turns, without its blanks") {
    const auto passages = unlabelled_passages(minutes, {Span{83, 100}, Span{53, 82}});
    CHECK(passages == std::vector<Span>{{0, 23}, {26, 50}, {101, 125}, {129, 143}});
    // A document without turns is all passages; one without text has none.
    CHECK(unlabelled_passages("Første linje om ål\n\nAnden om øer", {}) == std::vector<Span>{{0, 18}, {20, 32}});
    CHECK(unlabelled_passages("", {}).empty());
    // Within a line, the parts left and right of a turn.
    CHECK(unlabelled_passages("Før turen: ærlig tale om øko", {Span{4, 9}}) == std::vector<Span>{{0, 3}, {9, 28}});
    // Overlapping turns cover their union.
    CHECK(unlabelled_passages("æææ øøø ååå", {Span{0, 6}, Span{2, 9}}) == std::vector<Span>{{9, 11}});
}

TEST_CASE("a document stored with turns gets its other lines as turns with no speaker") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "referat.fokus");
    DocumentStore documents(project);
    NewDocument document;
    document.name = "Referat Ærø";
    document.format = "txt";
    document.text = minutes;
    document.turns = {NewTurn{"Interviewer", Span{53, 82}, 66, std::nullopt}, NewTurn{"Rådgiver 1", Span{83, 100}, 95, std::nullopt}};
    const Id id = documents.add(document);
    const auto turns = documents.turns(id);
    REQUIRE(turns.size() == 6);
    const std::vector<Span> spans = {{0, 23}, {26, 50}, {53, 82}, {83, 100}, {101, 125}, {129, 143}};
    for (std::size_t i = 0; i < turns.size(); ++i) CHECK(turns[i].span == spans[i]);
    CHECK_FALSE(turns[0].speaker.has_value());
    CHECK(turns[0].speaker_label.empty());
    CHECK(turns[0].body_start == 0);
    CHECK(turns[2].speaker_label == "Interviewer");
    CHECK(documents.excerpt(id, turns[4].span) == "Noter om pausen ved Ødis");
    // Passages are no speakers.
    const auto speakers = documents.speakers(id);
    REQUIRE(speakers.size() == 2);
    CHECK(speakers[0].label == "Interviewer");
    CHECK(speakers[1].turns == 1);
}

TEST_CASE("a project of schema version 7 gets the passages of its documents on open") {
    testing::ScratchDir dir;
    const auto path = dir / "gammel.fokus";
    const std::string report = "Kortlægning for Ærø\nRådgiver 1: Vi mangler tid.\nSlut på båndet";
    {
        sql::Connection db(path.string(), sql::Connection::Mode::Create);
        schema::migrate(db, 7);
        db.exec("INSERT INTO project_info VALUES ('guid', '0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71'), ('name', 'gammel')");
        auto insert = db.prepare(
            "INSERT INTO documents(id, guid, name, format, text, length, text_checksum, imported_at) "
            "VALUES (1, '2b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71', 'Rapport', 'txt', ?, 62, ?, '2025-01-01T00:00:00Z')");
        insert.bind_all(report, sha256_hex(report)).run();
        db.exec("INSERT INTO speakers(id, document_id, label) VALUES (1, 1, 'Rådgiver 1')");
        db.exec("INSERT INTO turns(document_id, speaker_id, start, body_start, end) VALUES (1, 1, 20, 32, 47)");
    }
    auto project = Project::open(path);
    CHECK(project.db().scalar_int("PRAGMA user_version") == schema::current_version());
    const auto turns = DocumentStore(project).turns(1);
    REQUIRE(turns.size() == 3);
    CHECK(turns[0].span == Span{0, 19});
    CHECK_FALSE(turns[0].speaker.has_value());
    CHECK(turns[1].speaker_label == "Rådgiver 1");
    CHECK(turns[2].span == Span{48, 62});
    CHECK(DocumentStore(project).excerpt(1, turns[2].span) == "Slut på båndet");
    // The upgrade is no step anyone can undo.
    CHECK(project.db().scalar_int("SELECT count(*) FROM undo_log") == 0);
}
