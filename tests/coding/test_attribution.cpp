#include <doctest/doctest.h>

#include "coding/attribution.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

std::string render(const std::string& pattern, const std::map<std::string, std::string>& values) {
    return AttributionTemplate(pattern).render(values);
}

const std::map<std::string, std::string> full = {{"role", "Rådgiver"},
                                                 {"municipality", "Kommune B"},
                                                 {"age", "43"},
                                                 {"seniority", "under 2 år"},
                                                 {"speaker", "Klient 2"}};

}  // namespace

TEST_CASE("an attribution template is filled from the values") {
    CHECK(render("({role}, {municipality})", full) == "(Rådgiver, Kommune B)");
    CHECK(render("({speaker})", full) == "(Klient 2)");
    CHECK(render("({role}, {age} år, {seniority} i nuværende job)", full) == "(Rådgiver, 43 år, under 2 år i nuværende job)");
    CHECK(render("{ role } – {municipality}", full) == "Rådgiver – Kommune B");
    CHECK(render("Socialrådgiver, {age} år", full) == "Socialrådgiver, 43 år");
    CHECK(render("uden pladsholdere", full) == "uden pladsholdere");
    CHECK(AttributionTemplate("({role}, {age} år)").names() == std::vector<std::string>{"role", "age"});
}

TEST_CASE("a missing attribute is left out with its text, never leaving braces, doubled separators or empty brackets") {
    auto without = [](std::initializer_list<const char*> names) {
        auto values = full;
        for (const char* name : names) values.erase(name);
        return values;
    };
    const std::string survey = "({role}, {age} år, {seniority} i nuværende job)";
    CHECK(render(survey, without({"age"})) == "(Rådgiver, under 2 år i nuværende job)");
    CHECK(render(survey, without({"role"})) == "(43 år, under 2 år i nuværende job)");
    CHECK(render(survey, without({"seniority"})) == "(Rådgiver, 43 år)");
    CHECK(render(survey, without({"role", "seniority"})) == "(43 år)");
    CHECK(render(survey, without({"role", "age", "seniority"})).empty());
    CHECK(render("({role}, {municipality})", without({"municipality"})) == "(Rådgiver)");
    CHECK(render("({role}, {municipality})", without({"role", "municipality"})).empty());
    CHECK(render("{speaker} ({municipality})", without({"municipality"})) == "Klient 2");
    CHECK(render("({municipality}) {speaker}", without({"municipality"})) == "Klient 2");
    CHECK(render("{speaker}; {role} / {municipality}", without({"role"})) == "Klient 2; Kommune B");
    CHECK(render("(Socialrådgiver, {age} år)", without({"age"})) == "(Socialrådgiver)");
    // An empty value counts as missing.
    auto blank = full;
    blank["municipality"] = "";
    CHECK(render("({role}, {municipality})", blank) == "(Rådgiver)");
    CHECK(render("({unknown}, {role})", full) == "(Rådgiver)");
}

TEST_CASE("a template with an unclosed brace or an empty name is refused with the template named") {
    CHECK_THROWS_WITH_AS(AttributionTemplate("({role}, {age år)"),
                         "the attribution template \"({role}, {age år)\" has a \"{\" that is never closed", InputError);
    CHECK_THROWS_WITH_AS(AttributionTemplate("({})"), "the attribution template \"({})\" has an empty \"{}\"", InputError);
    CHECK_THROWS_AS(AttributionTemplate("(role})"), InputError);
}

TEST_CASE("a quotation's text keeps or drops speaker labels, marks cuts and tidies white space") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "citat.fokus");
    const Id document = testing::add_focus_group(project);
    const auto& text = testing::focus_group_text;
    QuoteReader reader(project);

    // A whole turn body is not a cut.
    const auto whole = testing::span_of(
        text, "Ja, og så er det børnene. Man gør en forskel for familierne, også selv om arbejdspresset er stort og "
              "rådgiverne går ned med stress.");
    CHECK(reader.read(document, whole).text.rfind("Ja, og så", 0) == 0);
    CHECK(reader.read(document, whole).text.find("(...)") == std::string::npos);

    // Cut from inside a turn: marked at both ends, or not at all when asked.
    const auto inside = testing::span_of(text, " Vi får sparring, og lederen står bag os");
    CHECK(reader.read(document, Span{inside.start, inside.end}).text == "(...) Vi får sparring, og lederen står bag os (...)");
    QuoteTextOptions unmarked;
    unmarked.mark_cuts = false;
    CHECK(reader.read(document, inside, unmarked).text == "Vi får sparring, og lederen står bag os");
    QuoteTextOptions raw = unmarked;
    raw.tidy_whitespace = false;
    CHECK(reader.read(document, inside, raw).text == " Vi får sparring, og lederen står bag os");

    // Across two turns: the labels stay or go.
    const auto across = testing::span_of(text, "i sin faglighed.\nRådgiver 2: Ja, og så er det børnene.");
    CHECK(reader.read(document, across).text == "(...) i sin faglighed.\nRådgiver 2: Ja, og så er det børnene. (...)");
    QuoteTextOptions dropped;
    dropped.keep_speakers = false;
    CHECK(reader.read(document, across, dropped).text == "(...) i sin faglighed.\nJa, og så er det børnene. (...)");

    // Runs of white space become one; a run holding a line break becomes that break.
    NewDocument spaced;
    spaced.name = "Borgere";
    spaced.format = "txt";
    spaced.text = "Borger 2: Vi  venter\t og venter. \n\n  Og så venter vi lidt mere.";
    const Id waiting = DocumentStore(project).add(spaced);
    CHECK(reader.read(waiting, Span{10, DocumentStore(project).get(waiting).length}, unmarked).text == "Vi venter og venter.\nOg så venter vi lidt mere.");

    const auto source = reader.read(document, inside);
    CHECK(source.speaker == "Rådgiver 1");
    CHECK(source.document == "Fokusgruppe Kommune B");
    CHECK(source.values().at("municipality") == "Kommune B");
    CHECK_THROWS_AS(reader.read(document, Span{0, 100000}), InputError);
}

TEST_CASE("participant attributes come before document attributes, and both can be named explicitly") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "deltagere.fokus");
    const Id document = testing::add_focus_group(project);
    ParticipantStore participants(project);
    const Id person = participants.ensure("B-R1");
    participants.set_attribute(person, "role", "Rådgiver");
    participants.set_attribute(person, "seniority", "6-10 år");
    participants.set_attribute(person, "municipality", "Kommune X");
    participants.map_speaker(document, "Rådgiver 1", person);

    QuoteReader reader(project);
    const auto source = reader.read(document, testing::span_of(testing::focus_group_text, "Det er kollegerne"));
    CHECK(source.participant == "B-R1");
    const auto values = source.values();
    CHECK(AttributionTemplate("({role}, {seniority}, {municipality})").render(values) == "(Rådgiver, 6-10 år, Kommune X)");
    CHECK(AttributionTemplate("({participant}, {document.municipality})").render(values) == "(B-R1, Kommune B)");
    CHECK(AttributionTemplate("({role}, {age} år)").render(values) == "(Rådgiver)");
    // The interviewer is not mapped: only document values are there.
    const auto question = reader.read(document, testing::span_of(testing::focus_group_text, "Hvad får jer"));
    CHECK(AttributionTemplate("({role}, {municipality})").render(question.values()) == "(Kommune B)");
    CHECK(AttributionTemplate("({speaker})").render(question.values()) == "(Interviewer)");
}
