#include <doctest/doctest.h>

#include <set>

#include "coding/documents.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/text.h"
#include "importers/batch.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("the sample corpus imports whole: 13 documents with attributes, turns and participants") {
    testing::ScratchDir dir;
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    auto project = Project::create(dir / "sample.fokus");
    importers::BatchOptions options;
    options.manifest = (corpus / "manifest.csv").string();
    options.participants = (corpus / "participants.csv").string();
    const auto report = importers::import_files(project, {corpus}, options);
    CHECK(report.failed.empty());
    CHECK(report.imported.size() == 13);
    DocumentStore documents(project);
    const auto all = documents.all();
    REQUIRE(all.size() == 13);
    std::set<std::string> formats;
    for (const auto& document : all) {
        formats.insert(document.format);
        const auto text = documents.text(document.id);
        CHECK_MESSAGE(text::is_nfc(text), document.name);
        CHECK(documents.attributes(document.id).count("municipality") == 1);
        CHECK_MESSAGE(documents.turns(document.id).size() > 50, document.name);
    }
    CHECK(formats == std::set<std::string>{"docx", "odt", "txt", "vtt"});

    const auto citizens = documents.resolve("bikva-1-borgere");
    CHECK(documents.attributes(citizens.id).at("bikva_stage") == "1");
    std::set<std::string> speakers;
    for (const auto& speaker : documents.speakers(citizens.id)) speakers.insert(speaker.label);
    CHECK(speakers == std::set<std::string>{"Interviewer", "Borger 1", "Borger 2", "Borger 3", "Borger 4", "Borger 5"});
    // The title and the header lines before the first label are unlabelled passages, no one's turn.
    auto turns = documents.turns(citizens.id);
    REQUIRE_FALSE(turns.empty());
    CHECK(documents.excerpt(citizens.id, turns[0].span) == "BIKVA trin 1: Gruppeinterview med borgere om den koordinerende sagsbehandler, Kommune C, 4. februar 2025");
    CHECK_FALSE(turns[0].speaker.has_value());
    std::erase_if(turns, [](const Turn& turn) { return !turn.speaker; });
    for (std::size_t i = 1; i < turns.size(); ++i) CHECK(turns[i].speaker_label != turns[i - 1].speaker_label);
    CHECK(documents.excerpt(citizens.id, Span{turns[0].body_start, turns[0].body_start + 9}) == "Velkommen");

    // The video meeting's cues of one speaker make one turn.
    const auto meeting = documents.resolve("kommune-c-ledere");
    const auto meeting_turns = documents.turns(meeting.id);
    for (std::size_t i = 1; i < meeting_turns.size(); ++i) CHECK(meeting_turns[i].speaker_label != meeting_turns[i - 1].speaker_label);
    CHECK(meeting_turns[0].time_ms == 5000);

    // The moderator of the BIKVA chain is one participant across the three stages.
    const auto moderator = ParticipantStore(project).find("C-M1");
    REQUIRE(moderator);
    CHECK(moderator->speaks_as.size() == 3);
    CHECK(moderator->attributes.at("role") == "Interviewer");
}
