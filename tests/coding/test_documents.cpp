#include <doctest/doctest.h>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "coding/project.h"
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
