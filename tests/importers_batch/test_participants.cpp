#include <doctest/doctest.h>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "fixtures.h"
#include "project_dump.h"
#include "scratch.h"

using namespace fokus;

namespace {

Id add_citizens(Project& project, const std::string& name) {
    NewDocument document;
    document.name = name;
    document.format = "txt";
    document.text =
        "Interviewer: Hvordan har I oplevet jeres sagsbehandler?\n"
        "Borger 1: Jeg har haft fire rådgivere på to år, så man når ikke at få tillid.\n"
        "Borger 2: Min søn går i børnehave, og der var møde på rådhuset i går.";
    document.turns = testing::turns_of(document.text);
    return DocumentStore(project).add(document);
}

}  // namespace

TEST_CASE("participants are made once by label and carry free attributes") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "deltagere.fokus");
    ParticipantStore participants(project);
    const Id first = participants.ensure("C-B1");
    CHECK(participants.ensure("  C-B1 ") == first);
    participants.set_attribute(first, "role", "Borger");
    participants.set_attribute(first, "municipality", "Kommune Å");
    participants.set_attribute(first, "work_area", "anbringelse");
    participants.set_attribute(first, "role", "Pårørende");
    const auto found = participants.find("C-B1");
    REQUIRE(found);
    CHECK(found->attributes == std::map<std::string, std::string>{
                                   {"municipality", "Kommune Å"}, {"role", "Pårørende"}, {"work_area", "anbringelse"}});
    CHECK_FALSE(participants.find("C-B2"));
    CHECK_THROWS_AS(participants.ensure("   "), InputError);
    CHECK_THROWS_AS(participants.set_attribute(first, " ", "høj"), InputError);
}

TEST_CASE("speakers of several documents map to one participant, listed with where they speak") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "kortlægning.fokus");
    const Id stage_one = add_citizens(project, "bikva-1-borgere");
    const Id again = add_citizens(project, "bikva-1-borgere, opfølgning");
    ParticipantStore participants(project);
    const Id citizen = participants.ensure("C-B2");
    participants.map_speaker(stage_one, "Borger 2", citizen);
    participants.map_speaker(again, "Borger 1", citizen);
    const auto all = participants.all();
    REQUIRE(all.size() == 1);
    CHECK(all[0].label == "C-B2");
    CHECK(all[0].speaks_as == std::vector<std::pair<Id, std::string>>{{stage_one, "Borger 2"}, {again, "Borger 1"}});
    for (const auto& speaker : DocumentStore(project).speakers(stage_one)) {
        CHECK(speaker.participant == (speaker.label == "Borger 2" ? std::optional<Id>(citizen) : std::nullopt));
    }
}

TEST_CASE("mapping a speaker the document lacks is refused and changes nothing") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "ukendt.fokus");
    const Id document = add_citizens(project, "bikva-1-borgere");
    ParticipantStore participants(project);
    const Id citizen = participants.ensure("C-B9");
    const auto before = testing::tables_checksum(project);
    CHECK_THROWS_WITH_AS(participants.map_speaker(document, "Borger 9", citizen),
                         "\"bikva-1-borgere\" has no speaker labelled \"Borger 9\"", InputError);
    CHECK(testing::tables_checksum(project) == before);
}

TEST_CASE("participant changes are undone and redone") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "fortryd.fokus");
    const Id document = add_citizens(project, "bikva-1-borgere");
    ParticipantStore participants(project);
    const Id citizen = participants.ensure("C-B1");
    participants.set_attribute(citizen, "seniority", "over 10 år");
    participants.map_speaker(document, "Borger 1", citizen);
    CHECK(DocumentStore(project).speakers(document)[1].participant == citizen);
    History(project).undo();
    CHECK(DocumentStore(project).speakers(document)[1].participant == std::nullopt);
    History(project).undo();
    CHECK(participants.find("C-B1")->attributes.empty());
    History(project).redo();
    History(project).redo();
    CHECK(participants.find("C-B1")->speaks_as.size() == 1);
    CHECK(participants.find("C-B1")->attributes.at("seniority") == "over 10 år");
}

// Undo deletes the participant first; the foreign key's ON DELETE SET NULL
// then clears the speaker before the step's own update reaches it.
TEST_CASE("a participant made and mapped in one action is undone as one step") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "fortryd-samlet.fokus");
    const Id document = add_citizens(project, "bikva-1-borgere");
    ParticipantStore participants(project);
    const auto before = testing::table_contents(project, testing::bookkeeping);
    project.act("map Borger 1", [&] {
        const Id citizen = participants.ensure("C-B1");
        participants.set_attribute(citizen, "seniority", "over 10 år");
        participants.map_speaker(document, "Borger 1", citizen);
    });
    History(project).undo();
    CHECK(testing::table_contents(project, testing::bookkeeping) == before);
}
