// Which turns are an interviewer's or moderator's, and retrieval without them.
#include <doctest/doctest.h>

#include <algorithm>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/interviewers.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/segments.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

// A citizens' group interview: the interviewer labelled "I", a moderator
// labelled by her name, and two citizens.
const std::string interview_text =
    "I: Hvad gør jeres rådgiver godt?\n"
    "Borger 1: Hun lytter, og det gør en forskel for børnene.\n"
    "Anne: Må jeg spørge, hvad der sker, når hun er væk?\n"
    "Borger 2: Så må jeg forklare mig forfra til en ny rådgiver.";

Id add_interview(Project& project) {
    NewDocument document;
    document.name = "Borgere i Kommune C";
    document.format = "txt";
    document.text = interview_text;
    document.source_name = "borgere.txt";
    document.turns = testing::turns_of(interview_text);
    return DocumentStore(project).add(document);
}

Span from_to(const std::string& first, const std::string& last) {
    const auto start = testing::span_of(interview_text, first);
    const auto end = testing::span_of(interview_text, last);
    return Span{start.start, end.end};
}

}  // namespace

TEST_CASE("roles and labels of interviewers and moderators, in Danish and English, numbered or remarked on") {
    for (const char* name : {"Interviewer", "interviewer", "INTERVIEWER 2", "Moderator", "Moderatoren", "Ordstyrer",
                             "ordstyreren", "Facilitator", "I", "Interviewer (Kommune D)", "Moderator 1:"}) {
        CHECK_MESSAGE(names_interviewer(name), name);
    }
    for (const char* name : {"Borger 1", "Rådgiver", "Afdelingsleder (Kommune D)", "Ida", "In", "R1", "", "Leder"}) {
        CHECK_FALSE_MESSAGE(names_interviewer(name), name);
    }
}

TEST_CASE("retrieval without interviewers leaves out segments within their turns and keeps those reaching into an answer") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "uden-interviewer.fokus");
    const Id document = add_interview(project);
    ParticipantStore participants(project);
    project.act("map the speakers", [&] {
        const Id anne = participants.ensure("C-M1");
        participants.set_attribute(anne, "role", "Moderator");
        participants.map_speaker(document, "Anne", anne);
        const Id citizen = participants.ensure("C-B1");
        participants.set_attribute(citizen, "role", "Borger");
        participants.map_speaker(document, "Borger 1", citizen);
    });
    const Id code = CodeStore(project).add("Relationen til rådgiveren");
    CodingStore codings(project);
    const Id question = codings.add(document, code, testing::span_of(interview_text, "Hvad gør jeres rådgiver godt"));
    const Id answer = codings.add(document, code, testing::span_of(interview_text, "Hun lytter"));
    const Id moderator = codings.add(document, code, testing::span_of(interview_text, "hvad der sker"));
    const Id exchange = codings.add(document, code, from_to("rådgiver godt?", "Hun lytter"));
    const Id unmapped = codings.add(document, code, testing::span_of(interview_text, "forklare mig forfra"));

    const auto ids = [](const std::vector<Segment>& segments) {
        std::vector<Id> found;
        for (const auto& segment : segments) found.push_back(segment.coding);
        std::sort(found.begin(), found.end());
        return found;
    };
    std::vector<Id> everything = {question, answer, moderator, exchange, unmapped};
    std::sort(everything.begin(), everything.end());
    CHECK(ids(load_segments(project, {})) == everything);

    SegmentFilter without;
    without.without_interviewers = true;
    // "I" has no participant, so its label decides; Anne's role decides for her.
    std::vector<Id> kept = {answer, exchange, unmapped};
    std::sort(kept.begin(), kept.end());
    CHECK(ids(load_segments(project, without)) == kept);
    CHECK(ids(load_segments(project, without, SegmentDetail::CodingsOnly)) == kept);
}

TEST_CASE("a participant's role outweighs a label that looks like an interviewer's") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "roller.fokus");
    const Id document = add_interview(project);
    ParticipantStore participants(project);
    Id ida = 0;
    Id unknown = 0;
    project.act("map the speakers", [&] {
        // Here "I" is Ida, a citizen, as the participants sheet says.
        ida = participants.ensure("C-B9");
        participants.set_attribute(ida, "role", "Borger");
        participants.map_speaker(document, "I", ida);
        unknown = participants.ensure("C-X1");
        participants.set_attribute(unknown, "age", "44");
    });
    const InterviewerSpeakers interviewers(project);
    CHECK_FALSE(interviewers.is_interviewer("I", ida));
    CHECK(interviewers.is_interviewer("I", std::nullopt));
    // A participant without a role: the label decides.
    CHECK(interviewers.is_interviewer("Moderator", unknown));
    CHECK_FALSE(interviewers.is_interviewer("Borger 2", unknown));
}
