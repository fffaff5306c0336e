#include <doctest/doctest.h>

#include "coding/attributes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("attribute names and values come in Danish order, participants' behind their prefix") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "egenskaber.fokus");
    // Byte order would put Å (C3 85) before Æ (C3 86) and Ø (C3 98); Danish puts it last.
    const Id aabenraa = testing::add_focus_group(project, "Fokusgruppe Åbenrå", "Åbenrå");
    testing::add_focus_group(project, "Fokusgruppe Ærø", "Ærø");
    testing::add_focus_group(project, "Fokusgruppe Ølstykke", "Ølstykke");
    testing::add_focus_group(project, "Fokusgruppe Aalborg", "Aalborg");
    DocumentStore(project).set_attribute(aabenraa, "årstal", "2025");
    ParticipantStore participants(project);
    const Id mette = participants.ensure("B-R1");
    participants.set_attribute(mette, "rolle", "Rådgiver");
    participants.set_attribute(mette, "anciennitet", "12 år");

    const AttributeCatalogue attributes(project);
    CHECK(attributes.document_attributes() == std::vector<std::string>{"interview_form", "municipality", "årstal"});
    CHECK(attributes.participant_attributes() ==
          std::vector<std::string>{"participant.anciennitet", "participant.rolle"});
    CHECK(attributes.all().size() == 5);
    CHECK(attributes.all().front() == "interview_form");
    CHECK(attributes.all().back() == "participant.rolle");
    // "Aa" sorts as Å in Danish, after Ø: Aalborg as Ålborg, after Åbenrå.
    CHECK(attributes.values("municipality") == std::vector<std::string>{"Ærø", "Ølstykke", "Åbenrå", "Aalborg"});
    CHECK(attributes.values("participant.rolle") == std::vector<std::string>{"Rådgiver"});
    CHECK(attributes.values("ingen") .empty());

    CHECK(attributes.exists("municipality"));
    CHECK(attributes.exists("participant.rolle"));
    CHECK_FALSE(attributes.exists("rolle"));  // a participant's only behind the prefix
    CHECK_FALSE(attributes.exists("participant.municipality"));
}

TEST_CASE("coders are found by name, and only those who coded are listed") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "kodere.fokus");
    const Id document = testing::add_focus_group(project);
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    const auto coders_before = count_contents(project).coders;
    project.set_coder("Øjvind");
    CodingStore(project).add(document, code, Span{0, 11});
    project.set_coder("Åse");
    CodingStore(project).add(document, code, Span{12, 20});
    project.set_coder("Bente");
    project.coder_id();  // known, but has coded nothing

    const CoderDirectory coders(project);
    CHECK(coders.with_codings() == std::vector<std::string>{"Øjvind", "Åse"});
    CHECK(coders.id_of("Åse") != coders.id_of("Øjvind"));
    CHECK(coders.names().at(coders.id_of("Åse")) == "Åse");
    CHECK_THROWS_WITH_AS(coders.id_of("Åge"), "no coder named \"Åge\"", NotFoundError);

    const auto counts = count_contents(project);
    CHECK(counts.codings == 2);
    CHECK(counts.coders == coders_before + 3);
    CHECK(counts.schema_version > 0);
}

TEST_CASE("one participant's attributes are read by participant") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "deltagere.fokus");
    ParticipantStore participants(project);
    const Id soeren = participants.ensure("Ø-L2");
    const Id aase = participants.ensure("Å-R1");
    participants.set_attribute(soeren, "rolle", "Leder");
    participants.set_attribute(soeren, "anciennitet", "8 år");
    participants.set_attribute(aase, "rolle", "Rådgiver");
    CHECK(participants.attributes(soeren) == std::map<std::string, std::string>{{"anciennitet", "8 år"}, {"rolle", "Leder"}});
    CHECK(participants.attributes(aase) == std::map<std::string, std::string>{{"rolle", "Rådgiver"}});
    CHECK(participants.attributes(aase + soeren + 1).empty());
}
