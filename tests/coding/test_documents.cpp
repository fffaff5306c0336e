#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/identity.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("a document is stored as NFC text with its turns, speakers and attributes") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "dok.fokus");
    NewDocument document;
    document.name = "Borgere, Kommune C";
    document.format = "txt";
    document.text = "Interviewer: Hvordan er det at ha\xCC\x8A" "ndtere sagerne?\nBorger 2: Det er svært.";
    document.turns = {NewTurn{"Interviewer", Span{0, 48}, 13, 754000}, NewTurn{"Borger 2", Span{49, 72}, 59, std::nullopt}};
    document.attributes = {{"municipality", "Kommune C"}, {"bikva_stage", "1"}};
    DocumentStore documents(project);
    const Id id = documents.add(document);
    const auto stored = documents.get(id);
    CHECK(documents.text(id).find("håndtere") != std::string::npos);
    CHECK(stored.length == 72);
    CHECK(stored.text_checksum == sha256_hex(documents.text(id)));
    CHECK(documents.attributes(id).at("bikva_stage") == "1");
    const auto turns = documents.turns(id);
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].speaker_label == "Interviewer");
    CHECK(turns[0].time_ms == 754000);
    CHECK(documents.excerpt(id, Span{turns[1].body_start, turns[1].span.end}) == "Det er svært.");
    CHECK(documents.speakers(id).size() == 2);
    CHECK(documents.resolve("borgere, kommune c").id == id);
}

TEST_CASE("bad documents are refused and nothing is stored") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "dårlig.fokus");
    DocumentStore documents(project);
    NewDocument invalid{"Rådgivere", "txt", "Rådgiver 1: \xFF\xFE ødelagt", "", "", {}, {}};
    CHECK_THROWS_WITH_AS(documents.add(invalid), doctest::Contains("the text of \"Rådgivere\" is not valid UTF-8"), InputError);
    NewDocument outside{"Ledere", "txt", "Leder: Kort.", "", "", {NewTurn{"Leder", Span{0, 40}, 7, {}}}, {}};
    CHECK_THROWS_WITH_AS(documents.add(outside), doctest::Contains("lies outside its text"), InputError);
    NewDocument unnamed{"  ", "txt", "Tekst om børn.", "", "", {}, {}};
    CHECK_THROWS_AS(documents.add(unnamed), InputError);
    testing::add_focus_group(project);
    NewDocument twice{"Fokusgruppe Kommune B", "txt", "Ny tekst på ø.", "", "", {}, {}};
    CHECK_THROWS_WITH_AS(documents.add(twice), doctest::Contains("already a document named"), InputError);
    CHECK(documents.all().size() == 1);
}

TEST_CASE("documents are listed in Danish order and can be renamed and removed with their codings") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "orden.fokus");
    testing::add_focus_group(project, "Ærø ledere");
    testing::add_focus_group(project, "Aabenraa rådgivere");
    const Id odense = testing::add_focus_group(project, "Odense ledere");
    DocumentStore documents(project);
    auto all = documents.all();
    CHECK(all[0].name == "Odense ledere");
    CHECK(all[1].name == "Ærø ledere");
    CHECK(all[2].name == "Aabenraa rådgivere");
    documents.rename(odense, "Øster Hornum ledere");
    CHECK(documents.all()[1].name == "Øster Hornum ledere");
    documents.set_attribute(odense, "bikva_stage", "2");
    CHECK(documents.attributes(odense).at("bikva_stage") == "2");
    documents.remove_attribute(odense, "bikva_stage");
    CHECK(documents.attributes(odense).count("bikva_stage") == 0);
    documents.remove(odense);
    CHECK(documents.all().size() == 2);
    CHECK_THROWS_WITH_AS(documents.resolve("Odense ledere"), "no document named \"Odense ledere\"", NotFoundError);
}

TEST_CASE("one document's facts are read alone: whether it is there, one attribute, who speaks each turn") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "fakta.fokus");
    const Id aeroe = testing::add_focus_group(project, "Ærø ledere", "Ærø");
    const Id aabenraa = testing::add_focus_group(project, "Aabenraa rådgivere", "Aabenraa");
    DocumentStore documents(project);
    // In the order added, unlike all(), which puts Aabenraa last in Danish order.
    CHECK(documents.ids() == std::vector<Id>{aeroe, aabenraa});
    CHECK(documents.attribute(aeroe, "municipality") == "Ærø");
    CHECK_FALSE(documents.attribute(aeroe, "årstal").has_value());
    ParticipantStore participants(project);
    const Id mette = participants.ensure("Æ-R1");
    participants.map_speaker(aeroe, "Rådgiver 1", mette);
    const auto turns = documents.turns(aeroe);
    REQUIRE(turns.size() == 3);
    CHECK_FALSE(turns[0].participant.has_value());
    CHECK(turns[1].participant == mette);
    // The second line's speech, after "Rådgiver 1: " (counted in Python).
    CHECK(turns[1].body() == Span{74, 225});
    CHECK(documents.excerpt(aeroe, turns[1].body()).rfind("Det er kollegerne", 0) == 0);
    REQUIRE(documents.find(aabenraa).has_value());
    CHECK(documents.find(aabenraa)->name == "Aabenraa rådgivere");
    documents.remove(aabenraa);
    CHECK_FALSE(documents.find(aabenraa).has_value());
    CHECK(documents.ids() == std::vector<Id>{aeroe});
}

TEST_CASE("replacing words moves codings and turns with them, logs no original, and is undone as one step") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "erstat.fokus");
    project.set_coder("Testkoder");
    const Id document = testing::add_focus_group(project);
    const auto& text = testing::focus_group_text;
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    CodingStore codings(project);
    const Id after = codings.add(document, code, testing::span_of(text, "Vi får sparring"));
    const Id stretching = codings.add(document, code, testing::span_of(text, "kollegerne, helt klart"));
    const Id ending_inside = codings.add(document, code, testing::span_of(text, "er kollegerne"));
    const Id between = codings.add(document, code, testing::span_of(text, "børnene"));
    DocumentStore documents(project);
    documents.replace_text(document, {TextReplacement{testing::span_of(text, "kollegerne"), "[navn]", "name"},
                                      TextReplacement{testing::span_of(text, "familierne"), "de pårørende", "name"}});

    std::string expected = text;  // the same replacements made by hand
    expected.replace(expected.find("kollegerne"), std::string("kollegerne").size(), "[navn]");
    expected.replace(expected.find("familierne"), std::string("familierne").size(), "de pårørende");
    CHECK(documents.text(document) == expected);
    CHECK(documents.get(document).length == 367);
    CHECK(codings.get(after).span == testing::span_of(expected, "Vi får sparring"));
    CHECK(codings.get(stretching).span == testing::span_of(expected, "[navn], helt klart"));
    CHECK(codings.get(ending_inside).span == testing::span_of(expected, "er [navn]"));
    CHECK(codings.get(between).span == testing::span_of(expected, "børnene"));
    const auto turns = documents.turns(document);
    const auto expected_turns = testing::turns_of(expected);
    REQUIRE(turns.size() == expected_turns.size());
    for (std::size_t i = 0; i < turns.size(); ++i) {
        CHECK(turns[i].span == expected_turns[i].span);
        CHECK(turns[i].body_start == expected_turns[i].body_start);
    }
    auto log = project.db().prepare("SELECT kind, start, end, replacement FROM pseudonymisation_log ORDER BY start");
    REQUIRE(log.step());
    CHECK(log.text(0) == "name");
    CHECK(Span{log.int64(1), log.int64(2)} == Span{81, 87});  // in the new text, counted in Python
    CHECK(log.text(3) == "[navn]");
    REQUIRE(log.step());
    CHECK(Span{log.int64(1), log.int64(2)} == Span{283, 295});
    CHECK(log.text(3) == "de pårørende");

    History(project).undo();
    CHECK(documents.text(document) == text);
    CHECK(codings.get(stretching).span == testing::span_of(text, "kollegerne, helt klart"));
    CHECK(documents.turns(document)[2].span == Span{226, 369});
    CHECK(project.db().scalar_int("SELECT count(*) FROM pseudonymisation_log") == 0);
}

TEST_CASE("a replacement that would give two codings one span, or lies outside the text, changes nothing") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "sammenfald.fokus");
    const Id document = testing::add_focus_group(project);
    const auto& text = testing::focus_group_text;
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    CodingStore codings(project);
    // Both come to cover just the replacement.
    codings.add(document, code, testing::span_of(text, "kollegerne"));
    codings.add(document, code, testing::span_of(text, "kollegerne, helt"));
    DocumentStore documents(project);
    CHECK_THROWS_WITH_AS(
        documents.replace_text(document, {TextReplacement{testing::span_of(text, "kollegerne, helt"), "[navn]", "name"}}),
        "replacing words in \"Fokusgruppe Kommune B\" would give two of its codings the same span; remove one of them first",
        InputError);
    CHECK_THROWS_AS(documents.replace_text(document, {TextReplacement{Span{360, 380}, "[navn]", "name"}}), InputError);
    CHECK(documents.text(document) == text);
    CHECK(codings.list().size() == 2);
    CHECK(codings.list()[1].span == testing::span_of(text, "kollegerne, helt"));
}

TEST_CASE("a speaker is relabelled, but not to a label its document already has") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "talere.fokus");
    const Id document = testing::add_focus_group(project);
    DocumentStore documents(project);
    const auto speakers = documents.speakers(document);
    REQUIRE(speakers.size() == 3);
    CHECK(speakers[2].label == "Rådgiver 2");
    documents.relabel_speaker(speakers[2].id, "Rådgiver Åse");
    CHECK(documents.turns(document)[2].speaker_label == "Rådgiver Åse");
    CHECK_THROWS_WITH_AS(documents.relabel_speaker(speakers[2].id, "Rådgiver 1"),
                         "\"Fokusgruppe Kommune B\" already has a speaker labelled \"Rådgiver 1\"", InputError);
    CHECK(documents.speakers(document)[2].label == "Rådgiver Åse");
}
