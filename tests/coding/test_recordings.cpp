// Recordings linked to documents, and sync points that keep to their words.
#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/recordings.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

RecordingFile recording_at(const std::filesystem::path& path) {
    return RecordingFile{path, "ab12", 1234, 95000, "audio"};
}

}  // namespace

TEST_CASE("a recording is linked by a path relative to the project, one step, and unlinked again") {
    testing::ScratchDir dir;
    std::filesystem::create_directories(dir / "studie" / "optagelser");
    auto project = Project::create(dir / "studie" / "ærø.fokus");
    const Id document = testing::add_focus_group(project);
    RecordingStore recordings(project);
    CHECK_FALSE(recordings.of(document));
    recordings.link(document, recording_at(dir / "studie" / "optagelser" / "gruppe-ø.wav"));
    auto linked = recordings.of(document);
    REQUIRE(linked);
    CHECK(linked->path == "optagelser/gruppe-ø.wav");
    CHECK(linked->duration_ms == 95000);
    CHECK(recordings.location(*linked) == dir / "studie" / "optagelser" / "gruppe-ø.wav");
    CHECK_FALSE(recordings.present(*linked));  // no such file was written
    recordings.link(document, recording_at(dir / "andet-sted" / "gruppe-ø.mp3"));
    CHECK(recordings.of(document)->path == "../andet-sted/gruppe-ø.mp3");
    CHECK(History(project).next_undo()->label == "link recording to \"Fokusgruppe Kommune B\"");
    History(project).undo();
    CHECK(recordings.of(document)->path == "optagelser/gruppe-ø.wav");
    recordings.unlink(document);
    CHECK_FALSE(recordings.of(document));
    CHECK_THROWS_AS(recordings.unlink(document), NotFoundError);
    CHECK_THROWS_WITH_AS(recordings.link(document, RecordingFile{dir / "noter.txt", "cd", 3, std::nullopt, "text"}),
                         doctest::Contains("neither audio nor video"), InputError);
}

TEST_CASE("turn times and sync points make the document's timeline; sync points move with replaced words") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "tid.fokus");
    NewDocument document;
    document.name = "Rådgivere";
    document.format = "vtt";
    document.text = testing::focus_group_text;
    document.turns = testing::turns_of(testing::focus_group_text);
    document.turns[0].time_ms = 1000;
    document.turns[2].time_ms = 21000;
    DocumentStore documents(project);
    const Id id = documents.add(document);
    RecordingStore recordings(project);
    const auto kollegerne = testing::span_of(testing::focus_group_text, "kollegerne");
    recordings.mark_sync_point(id, kollegerne.start, 7000);
    CHECK(recordings.sync_points(id).size() == 1);
    const auto timeline = recordings.timeline(id);
    const auto second_turn = document.turns[1].span.start;
    const auto third_turn = document.turns[2].span.start;
    // Between the first turn (position 0, 1 s) and the sync point: even time.
    CHECK(timeline.time_at(kollegerne.start) == 7000);
    CHECK(timeline.time_at(third_turn) == 21000);
    const double expected = 1000.0 + (second_turn - 0) * 6000.0 / (kollegerne.start - 0);
    CHECK(timeline.time_at(second_turn) == static_cast<std::int64_t>(expected + 0.5));
    CHECK_THROWS_WITH_AS(recordings.mark_sync_point(id, 100000, 5), doctest::Contains("must lie within its"), InputError);

    // "kollegerne" becomes "de søde kolleger": the sync point stays at its word's start, later text moves by the difference.
    const auto sparring = testing::span_of(testing::focus_group_text, "sparring");
    recordings.mark_sync_point(id, sparring.start, 9000);
    documents.replace_text(id, {TextReplacement{Span{kollegerne.start, kollegerne.end}, "de søde kolleger", "transcription"}});
    const auto points = recordings.sync_points(id);
    REQUIRE(points.size() == 2);
    CHECK(points[0].position == kollegerne.start);
    CHECK(points[1].position == sparring.start + 16 - 10);
    CHECK(documents.excerpt(id, Span{points[1].position, points[1].position + 8}) == "sparring");
    History(project).undo();
    CHECK(recordings.sync_points(id)[1].position == sparring.start);
}

TEST_CASE("correcting a word inside a coded passage keeps every coding on the same words, as one step that undo takes back") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "rettelse.fokus");
    const Id id = testing::add_focus_group(project);
    DocumentStore documents(project);
    CodingStore codings(project);
    CodeStore codes(project);
    const auto& text = testing::focus_group_text;
    // "Vi får sparring, og lederen står bag os" coded; "kollegerne, helt klart" coded; the word "sparring" is corrected.
    const auto passage = testing::span_of(text, "Vi får sparring, og lederen står bag os");
    const auto before = testing::span_of(text, "kollegerne, helt klart");
    const auto after = testing::span_of(text, "børnene");
    const Id first = codings.add(id, codes.resolve("Faglig tryghed").id, passage);
    const Id second = codings.add(id, codes.resolve("Motivation").id, before);
    const Id third = codings.add(id, codes.resolve("Motivation").id, after);
    const auto word = testing::span_of(text, "sparring");
    const std::size_t steps = History(project).steps().size();
    documents.edit_text(id, word, "faglig sparring");
    const std::string corrected = documents.text(id);
    CHECK(corrected.find("Vi får faglig sparring, og lederen står bag os") != std::string::npos);
    CHECK(documents.excerpt(id, codings.get(first).span) == "Vi får faglig sparring, og lederen står bag os");
    CHECK(documents.excerpt(id, codings.get(second).span) == "kollegerne, helt klart");
    CHECK(documents.excerpt(id, codings.get(third).span) == "børnene");
    CHECK(History(project).steps().size() == steps + 1);
    CHECK(History(project).next_undo()->label == "edit the text of \"Fokusgruppe Kommune B\"");
    // The turns moved too: the third turn still starts with its label.
    const auto turns = documents.turns(id);
    CHECK(documents.excerpt(id, Span{turns[2].span.start, turns[2].body_start}) == "Rådgiver 2: ");
    History(project).undo();
    CHECK(documents.text(id) == text);
    CHECK(codings.get(first).span == passage);
    CHECK(codings.get(second).span == before);
    CHECK(codings.get(third).span == after);
    // An insertion: a timestamp typed at a turn's start.
    documents.edit_text(id, Span{turns[1].span.start, turns[1].span.start}, "[00:00:07] ");
    CHECK(documents.excerpt(id, codings.get(second).span) == "kollegerne, helt klart");
}
