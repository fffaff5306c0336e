#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "importers/anonymity.h"
#include "importers/batch.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

std::vector<std::string> found(const std::string& text, std::vector<std::string> names = {}) {
    AnonymityOptions options;
    options.names = std::move(names);
    std::vector<std::string> result;
    for (const auto& finding : find_identifying(text, options)) result.push_back(std::string(kind_name(finding.kind)) + ":" + finding.text);
    return result;
}

}  // namespace

TEST_CASE("CPR numbers with a plausible date, with or without the dash") {
    CHECK(found("Hendes cpr-nummer er 140387-2315, sagde hun.") == std::vector<std::string>{"cpr:140387-2315"});
    CHECK(found("Drengen har nummer 0102031234 i journalen.") == std::vector<std::string>{"cpr:0102031234"});
    CHECK(found("Sagsnummer 451387-2315 og 310287-1111 er ikke datoer.").empty());
    CHECK(found("Telefonen: 310101-1234").size() == 1);
}

TEST_CASE("Danish phone numbers in several forms, but not times, years or amounts") {
    CHECK(found("Ring på 22 48 61 37.") == std::vector<std::string>{"phone:22 48 61 37"});
    CHECK(found("Mobil 22486137, eller") == std::vector<std::string>{"phone:22486137"});
    CHECK(found("Kontoret har 2248 6137 som nummer") == std::vector<std::string>{"phone:2248 6137"});
    CHECK(found("Skriv til +45 22 48 61 37") == std::vector<std::string>{"phone:+45 22 48 61 37"});
    CHECK(found("[00:12:34] Rådgiver 1: I 2019 var vi 12 rådgivere, kl. 14.30 mødes vi, og budgettet er 1.250.000 kr.").empty());
    CHECK(found("Fra 2019 2020 og frem steg sagstallet.").empty());
}

TEST_CASE("e-mail and street addresses, and names with their genitive") {
    CHECK(found("Skriv til raadgiver.b@kommune.dk i morgen") == std::vector<std::string>{"email:raadgiver.b@kommune.dk"});
    CHECK(found("Hun bor på Nørregade 12 nu") == std::vector<std::string>{"address:Nørregade 12"});
    CHECK(found("Kontoret ligger på Søndre Allé 4B.") == std::vector<std::string>{"address:Søndre Allé 4B"});
    CHECK(found("Mette sagde det, og det var Mettes idé. Metteline er noget andet.", {"Mette"}) ==
          std::vector<std::string>{"name:Mette", "name:Mettes"});
    CHECK(found("Lars' bil holdt ved Lars.", {"Lars"}) == std::vector<std::string>{"name:Lars'", "name:Lars"});
}

TEST_CASE("no false alarms on ordinary transcript text") {
    CHECK(found(testing::focus_group_text).empty());
    CHECK(found("Rådgiver 3: Jeg har otteogtredive sager, og 4 af dem er anbringelser. (griner) [utydeligt] "
                "Vi mødes tirsdag kl. 9.00 i lokale 2.14 på rådhuset. Det var i uge 12.",
                {"Mette"})
              .empty());
}

TEST_CASE("pseudonymisation replaces in one step, codings keep their words, and undo restores it all") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "pseudonym.fokus");
    NewDocument document;
    document.name = "Borgere";
    document.format = "txt";
    document.text = "Borger 1: Min rådgiver hedder Mette, ring 22 48 61 37.\nBorger 2: Mettes kollega lytter aldrig til os.";
    document.turns = testing::turns_of(document.text);
    const Id id = DocumentStore(project).add(document);
    const Id code = CodeStore(project).resolve("Kultur på medarbejderniveau").id;
    CodingStore(project).add(id, code, testing::span_of(document.text, "kollega lytter aldrig"));
    const auto before_text = DocumentStore(project).text(id);
    AnonymityOptions options;
    options.names = {"Mette"};
    const auto findings = check_anonymity(project, options);
    REQUIRE(findings.size() == 3);
    CHECK(pseudonymise(project, findings, {{"Mette", "Rådgiver 3"}}) == 3);
    const auto text = DocumentStore(project).text(id);
    CHECK(text == "Borger 1: Min rådgiver hedder Rådgiver 3, ring [telefon].\nBorger 2: Rådgiver 3s kollega lytter aldrig til os.");
    const auto coding = CodingStore(project).list().at(0);
    CHECK(DocumentStore(project).excerpt(id, coding.span) == "kollega lytter aldrig");
    const auto turns = DocumentStore(project).turns(id);
    CHECK(DocumentStore(project).excerpt(id, turns[1].span) == "Borger 2: Rådgiver 3s kollega lytter aldrig til os.");
    // The log says what was replaced and where, never the original values.
    auto log = project.db().prepare("SELECT group_concat(kind || ':' || replacement, '|') FROM pseudonymisation_log");
    log.step();
    CHECK(log.text(0) == "name:Rådgiver 3|phone:[telefon]|name:Rådgiver 3s");
    CHECK(project.db().scalar_int("SELECT count(*) FROM pseudonymisation_log WHERE replacement LIKE '%Mette%' OR replacement LIKE '%22 48%'") == 0);
    History(project).undo();
    CHECK(DocumentStore(project).text(id) == before_text);
    CHECK(DocumentStore(project).excerpt(id, CodingStore(project).list().at(0).span) == "kollega lytter aldrig");
}

TEST_CASE("the check finds every deliberate slip of the sample corpus and nothing else") {
    testing::ScratchDir dir;
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    auto project = Project::create(dir / "sample.fokus");
    REQUIRE(import_files(project, {corpus}, {}).imported.size() == 13);
    AnonymityOptions options;
    options.names = {"Mette"};
    std::vector<std::string> slips;
    for (const auto& finding : check_anonymity(project, options)) {
        slips.push_back(DocumentStore(project).get(finding.document).name + " " + kind_name(finding.kind) + " " + finding.text);
    }
    CHECK(slips == std::vector<std::string>{"bikva-1-borgere name Mette", "bikva-1-borgere name Mettes",
                                            "kommune-a-raadgivere phone 22 48 61 37", "kommune-d-raadgivere cpr 140387-2315"});
}

TEST_CASE("bad mapping files are refused with the file and line") {
    testing::ScratchDir dir;
    testing::write_file(dir / "navne.txt", "Mette -> Rådgiver 3\nSøren = Borger 9\n");
    CHECK_THROWS_WITH_AS(read_name_mapping((dir / "navne.txt").string()), doctest::Contains("line 2 is not of the form"), FormatError);
    CHECK_THROWS_WITH_AS(parse_kind("navn"), doctest::Contains("use cpr, phone, email, address or name"), InputError);
}
