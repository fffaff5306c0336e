#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "importers/anonymity.h"
#include "importers/anonymity_files.h"
#include "importers/batch.h"
#include "project_dump.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;
using Found = std::vector<std::string>;

namespace {

Found found(const std::string& text, std::vector<std::string> names = {}) {
    AnonymityOptions options;
    options.names = std::move(names);
    Found result;
    for (const auto& finding : find_identifying(text, options)) result.push_back(std::string(kind_name(finding.kind)) + ":" + finding.text);
    return result;
}

// A citizens' group interview with a name, a phone number and a CPR number left in.
struct Interview {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "pseudonym.fokus");
    Id document = 0;
    std::string text =
        "Interviewer: Fortæl om jeres rådgiver.\n"
        "Borger 1: Min rådgiver hedder Mette, ring 22 48 61 37, så svarer hun.\n"
        "Mette: Ja, det er mig, jeg har været her i 12 år.\n"
        "Borger 2: Mettes kollega lytter aldrig til os, og min søns cpr 140387-2315 står på brevet.";
    Interview() {
        NewDocument document_in;
        document_in.name = "bikva-1-borgere";
        document_in.format = "txt";
        document_in.text = text;
        document_in.turns = testing::turns_of(text);
        document = DocumentStore(project).add(document_in);
    }
    std::string excerpt(Span span) { return DocumentStore(project).excerpt(document, span); }
};

}  // namespace

TEST_CASE("CPR numbers only with a plausible date, with or without the dash") {
    CHECK(found("Hendes cpr-nummer er 140387-2315, sagde hun.") == Found{"cpr:140387-2315"});
    CHECK(found("Drengen står som 0102031234 i journalen på børneområdet.") == Found{"cpr:0102031234"});
    CHECK(found("Født 290200-1234 og 311299-4321.") == Found{"cpr:290200-1234", "cpr:311299-4321"});
    // Day 32, month 13, 30 February, 31 April, day 00: not dates, so not CPR numbers.
    CHECK(found("Sagsnumrene 321287-2315, 011387-2315, 300287-1111, 310487-1111 og 000187-1111 er ikke datoer.").empty());
    // Part of a longer number or a range of journal numbers.
    CHECK(found("Journal 91403872315 og 140387-23156 og 2140387-2315 på kontoret i Århus.").empty());
}

TEST_CASE("Danish phone numbers in several forms") {
    CHECK(found("Ring på 22 48 61 37, så svarer vagten.") == Found{"phone:22 48 61 37"});
    CHECK(found("Mobilen er 22486137, eller skriv på Aula.") == Found{"phone:22486137"});
    CHECK(found("Kontoret har 2248 6137 som nummer.") == Found{"phone:2248 6137"});
    CHECK(found("Skriv en sms til +45 22 48 61 37 før kl. 16.") == Found{"phone:+45 22 48 61 37"});
    CHECK(found("Fra udlandet: 0045 22486137 eller +4522486137.") == Found{"phone:0045 22486137", "phone:+4522486137"});
    CHECK(found("Rådgiver 2: Det er 87 65 43 21, vagttelefonen.") == Found{"phone:87 65 43 21"});
}

TEST_CASE("times, years, amounts and longer numbers are not phone numbers") {
    CHECK(found("[00:12:34] Rådgiver 1: Vi startede kl. 14.30 og sluttede 16:45:10.").empty());
    CHECK(found("I 2019 2020 og 2021 2022 steg sagstallet på børneområdet.").empty());
    CHECK(found("Budgettet er 12.500.000 kr., altså 12 500 000 kr. til hele året.").empty());
    CHECK(found("Sagsnummer 123456789 og 22 48 61 37 45 og 2248 6137 9 er for lange.").empty());
    CHECK(found("Numre der begynder med 0 eller 1: 01234567 og 12 34 56 78 findes ikke i Danmark.").empty());
    CHECK(found("Datoen 14-03-2019 og 14/03/2019 og tidsstemplet 01:02:03:04.").empty());
}

TEST_CASE("e-mail and street addresses") {
    CHECK(found("Skriv til rådgiver.b@kommune-c.dk i morgen.") == Found{"email:rådgiver.b@kommune-c.dk"});
    CHECK(found("Hun bor på Nørregade 12 nu.") == Found{"address:Nørregade 12"});
    CHECK(found("Hun bor på Nørregade 12 i stuen.") == Found{"address:Nørregade 12"});
    CHECK(found("Kontoret ligger på Søndre Allé 4B.") == Found{"address:Søndre Allé 4B"});
    CHECK(found("Familien flyttede til Æblevænget 7 A, tæt på Rådhuspladsen.") == Found{"address:Æblevænget 7 A"});
    CHECK(found("Mødet er på H.C. Andersens Boulevard 27, og bagefter Kongens Torv 3.") ==
          Found{"address:Andersens Boulevard 27", "address:Kongens Torv 3"});
    CHECK(found("Vi holder til på Skovbakken 112b og Østerbrogade 1.") == Found{"address:Skovbakken 112b", "address:Østerbrogade 1"});
}

TEST_CASE("words like streets without a house number, or numbers after ordinary words, are not addresses") {
    CHECK(found("Alle 12 rådgivere var i Parken 2 gange sidste år.").empty());
    CHECK(found("Vi mødes på Rådhuspladsen, og hun bor tæt på Nørregade.").empty());
    CHECK(found("Rådgiver 2: Jeg har været her i 3 år. Teamleder 1: Og jeg i 12.").empty());
}

TEST_CASE("names from the list, whole words, capitalised, with their Danish genitive") {
    CHECK(found("Mette sagde det, og det var Mettes idé. Metteline er en anden.", {"Mette"}) == Found{"name:Mette", "name:Mettes"});
    CHECK(found("Lars' bil holdt ved Lars’ hus, og Lars gik.", {"Lars"}) == Found{"name:Lars'", "name:Lars’", "name:Lars"});
    CHECK(found("Søren og Sørens mor; søren er ikke et navn her, og Sørensen er en anden.", {"Søren"}) ==
          Found{"name:Søren", "name:Sørens"});
    // "Bo" is a name; "bo" is to live.
    CHECK(found("Vi kan ikke bo der, sagde Bo.", {"bo"}) == Found{"name:Bo"});
    CHECK(found("Anne-Mette kom også, og Åse.", {"Mette", "Åse"}) == Found{"name:Mette", "name:Åse"});
    // A name written decomposed in the list still finds the composed text.
    CHECK(found("Så sagde Åse nej.", {"A\xCC\x8A" "se"}) == Found{"name:Åse"});
}

TEST_CASE("no false alarms on ordinary transcript text with numbers in it") {
    CHECK(found(testing::focus_group_text, {"Mette", "Lars"}).empty());
    const std::string transcript =
        "[00:12:34] Interviewer: Hvor mange er I i afdelingen?\n"
        "Rådgiver 1: I 2019 var vi 12 rådgivere, nu er vi 8, og to af dem er nyuddannede. (griner)\n"
        "Rådgiver 2: Vi mødes kl. 14.30 hver tirsdag i lokale 2.14, og sagstallet er 35-40 sager pr. rådgiver.\n"
        "Teamleder 1: [utydeligt] ... altså fra 1. januar 2020 til 31.12.2021 havde vi 45 % udskiftning.\n"
        "Rådgiver 3: Jeg har været her i 6-10 år, og jeg har 38 sager, heraf 4 anbringelser efter § 52.\n"
        "Afdelingsleder (Kommune D): Vi kører 120 km til de yderste familier, og det tager 1 time og 15 minutter.\n"
        "Rådgiver 4: [navn] ringede kl. 8.15, og mødet varede 00:45:00. Det er sådan: vi når det ikke.\n"
        "(00:23) Interviewer: Tak. Alle 12 har svaret, og 2 ud af 3 siger det samme.";
    CHECK(found(transcript, {"Mette", "Søren", "Lars"}).empty());
}

TEST_CASE("a finding says where it is, in code points, with its context on one line") {
    AnonymityOptions options;
    options.names = {"Mette"};
    const std::string text = "Rådgiver 1: Øh, jeg ringede til Mette.\nHun svarede ikke.";
    const auto findings = find_identifying(text, options);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].span == testing::span_of(text, "Mette"));
    CHECK(findings[0].context == "Rådgiver 1: Øh, jeg ringede til [[Mette]]. Hun svarede ikke.");
    options.kinds = {FindingKind::Phone};
    CHECK(find_identifying(text, options).empty());
}

TEST_CASE("pseudonymisation replaces in one action; codings keep their words; undo restores it all") {
    Interview interview;
    auto& project = interview.project;
    DocumentStore documents(project);
    const Id code = CodeStore(project).add("Skift af rådgiver");
    CodingStore codings(project);
    // A word after the name, a passage across the name, and one across the phone number.
    const Id after = codings.add(interview.document, code, testing::span_of(interview.text, "kollega lytter aldrig"));
    const Id across = codings.add(interview.document, code, testing::span_of(interview.text, "hedder Mette, ring"));
    const Id inside = codings.add(interview.document, code, testing::span_of(interview.text, "48 61"));
    const auto before = testing::table_contents(project, testing::bookkeeping);
    AnonymityOptions options;
    options.names = {"Mette"};
    const auto findings = check_anonymity(project, options);
    REQUIRE(findings.size() == 5);
    CHECK(pseudonymise(project, findings, {{"Mette", "Rådgiver 3"}}) == 5);

    const std::string expected =
        "Interviewer: Fortæl om jeres rådgiver.\n"
        "Borger 1: Min rådgiver hedder Rådgiver 3, ring [telefon], så svarer hun.\n"
        "Rådgiver 3: Ja, det er mig, jeg har været her i 12 år.\n"
        "Borger 2: Rådgiver 3s kollega lytter aldrig til os, og min søns cpr [CPR] står på brevet.";
    CHECK(documents.text(interview.document) == expected);
    CHECK(documents.get(interview.document).length == static_cast<std::int64_t>(text::count_code_points(expected)));
    auto span_of_coding = [&](Id id) {
        for (const auto& coding : codings.list()) {
            if (coding.id == id) return coding.span;
        }
        FAIL("no coding " << id);
        return Span{};
    };
    CHECK(interview.excerpt(span_of_coding(after)) == "kollega lytter aldrig");
    CHECK(interview.excerpt(span_of_coding(across)) == "hedder Rådgiver 3, ring");
    CHECK(interview.excerpt(span_of_coding(inside)) == "[telefon]");
    const auto turns = documents.turns(interview.document);
    REQUIRE(turns.size() == 4);
    CHECK(interview.excerpt(turns[3].span) == "Borger 2: Rådgiver 3s kollega lytter aldrig til os, og min søns cpr [CPR] står på brevet.");
    CHECK(interview.excerpt(Span{turns[3].body_start, turns[3].body_start + 13}) == "Rådgiver 3s k");
    // The speaker labelled with the name is renamed with it.
    CHECK(turns[2].speaker_label == "Rådgiver 3");
    CHECK(interview.excerpt(turns[2].span) == "Rådgiver 3: Ja, det er mig, jeg har været her i 12 år.");

    // The log says what kind of detail went where, and by whom; never what it was.
    auto log = project.db().prepare(
        "SELECT group_concat(kind || ':' || start || '-' || end || ':' || replacement, '|') FROM pseudonymisation_log "
        "WHERE coder_id IS NOT NULL AND created_at <> ''");
    log.step();
    CHECK(log.text(0) == "name:69-79:Rådgiver 3|phone:86-95:[telefon]|name:112-122:Rådgiver 3|name:177-188:Rådgiver 3s|cpr:235-240:[CPR]");
    // Only the undo history, hex-encoded, still holds the originals: undo must be able to restore them.
    const auto dump = testing::table_contents(project);
    for (const char* original : {"Mette", "22 48 61 37", "140387"}) {
        INFO(original);
        CHECK(dump.find(original) == std::string::npos);
    }

    History(project).undo();
    CHECK(testing::table_contents(project, testing::bookkeeping) == before);
    CHECK(documents.text(interview.document) == interview.text);
    CHECK(interview.excerpt(span_of_coding(across)) == "hedder Mette, ring");
    CHECK(documents.turns(interview.document)[2].speaker_label == "Mette");
    CHECK(project.db().scalar_int("SELECT count(*) FROM pseudonymisation_log") == 0);
}

TEST_CASE("codings whose spans trade places as the text moves are moved without a clash") {
    Interview interview;
    auto& project = interview.project;
    const Id code = CodeStore(project).add("Tillid");
    // "[navn]" is one longer than "Mette": both codings below move one place right.
    const auto start = testing::span_of(interview.text, "Ja, det").start;
    CodingStore codings(project);
    // The first-made coding is moved first, onto the span the second still holds.
    codings.add(interview.document, code, Span{start, start + 3});
    codings.add(interview.document, code, Span{start + 1, start + 4});
    AnonymityOptions options;
    options.names = {"Mette"};
    options.kinds = {FindingKind::Name};
    const auto findings = check_anonymity(project, options);
    REQUIRE(findings.size() == 3);
    CHECK(pseudonymise(project, {findings[1]}, {}) == 1);  // the speaker label "Mette:" before them
    std::set<std::string> coded;
    for (const auto& coding : codings.list()) coded.insert(interview.excerpt(coding.span));
    CHECK(coded == std::set<std::string>{"Ja,", "a, "});
}

TEST_CASE("findings from before the text changed are refused, and nothing changes") {
    Interview interview;
    auto& project = interview.project;
    AnonymityOptions options;
    options.names = {"Mette"};
    const auto findings = check_anonymity(project, options);
    pseudonymise(project, {findings.back()}, {});
    const auto before = testing::tables_checksum(project);
    CHECK_THROWS_WITH_AS(pseudonymise(project, findings, {}),
                         "the text of \"bikva-1-borgere\" has changed since it was checked; check again", InputError);
    CHECK(testing::tables_checksum(project) == before);
}

TEST_CASE("name lists and mapping files; bad ones are refused with the file and line") {
    testing::ScratchDir dir;
    testing::write_file(dir / "navne.txt", "# fornavne fra interviewene\nMette\n\n  Søren \n");
    CHECK(read_names((dir / "navne.txt").string()) == std::vector<std::string>{"Mette", "Søren"});
    testing::write_file(dir / "kort.txt", "Mette -> Rådgiver 3\nSøren->Borger 9\n");
    CHECK(read_name_mapping((dir / "kort.txt").string()) ==
          std::map<std::string, std::string>{{"Mette", "Rådgiver 3"}, {"Søren", "Borger 9"}});
    testing::write_file(dir / "forkert.txt", "Mette -> Rådgiver 3\nSøren = Borger 9\n");
    CHECK_THROWS_WITH_AS(read_name_mapping((dir / "forkert.txt").string()),
                         doctest::Contains("forkert.txt: line 2 is not of the form"), FormatError);
    CHECK_THROWS_AS(read_names((dir / "mangler.txt").string()), FileError);
    CHECK_THROWS_WITH_AS(parse_kind("navn"), doctest::Contains("use cpr, phone, email, address or name"), InputError);
}

namespace {

struct Slip {
    std::string document, kind, text;
    friend bool operator<(const Slip& a, const Slip& b) { return std::tie(a.document, a.text) < std::tie(b.document, b.text); }
};

// The table of deliberate slips in the corpus README: | file | kind | `exact text` | where |
std::vector<Slip> slips_in_readme(const std::filesystem::path& readme) {
    std::ifstream in(readme);
    std::vector<Slip> slips;
    bool in_section = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) in_section = line.find("anonymisation slips") != std::string::npos;
        if (!in_section || line.rfind("| ", 0) != 0) continue;
        std::vector<std::string> cells;
        for (std::size_t at = 1; at < line.size();) {
            const auto bar = line.find('|', at);
            if (bar == std::string::npos) break;
            cells.push_back(text::trim(line.substr(at, bar - at)));
            at = bar + 1;
        }
        if (cells.size() < 3 || cells[2].size() < 2 || cells[2].front() != '`') continue;
        slips.push_back(Slip{std::filesystem::path(cells[0]).stem().string(), cells[1], cells[2].substr(1, cells[2].size() - 2)});
    }
    return slips;
}

}  // namespace

TEST_CASE("the check finds exactly the deliberate slips the sample corpus lists, and nothing else") {
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    const auto listed = slips_in_readme(corpus / "README.md");
    REQUIRE(listed.size() >= 3);
    AnonymityOptions options;
    std::set<std::pair<std::string, std::string>> expected;
    for (const auto& slip : listed) {
        expected.emplace(slip.document, slip.text);
        if (slip.kind == "first name") options.names.push_back(slip.text);
    }
    REQUIRE_FALSE(options.names.empty());
    testing::ScratchDir dir;
    auto project = Project::create(dir / "sample.fokus");
    REQUIRE(import_files(project, {corpus}, {}).imported.size() == 13);
    std::set<std::pair<std::string, std::string>> reported;
    for (const auto& finding : check_anonymity(project, options)) {
        const auto document = DocumentStore(project).get(finding.document).name;
        INFO(document << ": " << kind_name(finding.kind) << " " << finding.context);
        CHECK(expected.count({document, finding.text}) == 1);
        reported.emplace(document, finding.text);
    }
    CHECK(reported == expected);
}

TEST_CASE("names beside the text are found and replaced too: file and document names in any case, memos, comments, attributes") {
    Interview interview;
    auto& project = interview.project;
    DocumentStore documents(project);
    NewDocument named;
    named.name = "interview-mette";
    named.format = "docx";
    named.source_name = "Interview med METTE.docx";
    named.text = "Interviewer: Hvordan går det?\nRådgiver: Godt.";
    named.turns = testing::turns_of(named.text);
    named.attributes = {{"interviewer", "Mette Sørensen"}};
    const Id document = documents.add(named);
    const Id code = CodeStore(project).add("Samarbejde");
    CodingStore(project).add(document, code, testing::span_of(named.text, "Godt"), "ring til Mette på 22 48 61 37");
    MemoStore(project).add(MemoTarget{MemoTarget::Kind::Document, document}, "Om Mettes rolle", "Mette er teamleder.");
    MemoStore(project).add(MemoTarget{}, "Projektet", "Spørg mette.sorensen@kommune.dk om lov.");
    ParticipantStore participants(project);
    participants.set_attribute(participants.ensure("K-B1"), "kontakt", "Mette, tlf. 22486137");

    AnonymityOptions options;
    options.names = {"Mette"};
    const auto findings = check_anonymity(project, options);
    std::multiset<std::string> places;
    for (const auto& finding : findings) {
        if (finding.side) places.insert(std::string(side_text_name(*finding.side)) + ":" + finding.text);
    }
    // A lower-case "mette" in running text is a word, not a name; in a file name it is her.
    CHECK(places == std::multiset<std::string>{"document name:mette", "source file:METTE", "document attribute:Mette",
                                                "coding comment:Mette", "coding comment:22 48 61 37", "memo title:Mettes",
                                                "memo:Mette", "memo:mette.sorensen@kommune.dk", "participant attribute:Mette",
                                                "participant attribute:22486137"});
    for (const auto& finding : findings) {
        if (finding.side && *finding.side == SideTextKind::SourceFile) {
            CHECK(place_of(project, finding) == "source file of \"interview-mette\"");
        }
    }

    pseudonymise(project, findings, {{"Mette", "Rådgiver 3"}});
    const auto replaced = documents.get(document);
    CHECK(replaced.name == "interview-Rådgiver 3");
    CHECK(replaced.source_name == "Interview med Rådgiver 3.docx");
    // The history still holds the originals, in its labels and changesets, for undo.
    const auto dump = testing::table_contents(project, testing::bookkeeping);
    for (const std::string original : {"Mette", "METTE", "mette", "22 48 61 37", "22486137", "sorensen@"}) {
        INFO(original);
        CHECK(dump.find(original) == std::string::npos);
    }
    CHECK(dump.find("ring til Rådgiver 3 på [telefon]") != std::string::npos);
    CHECK(dump.find("Om Rådgiver 3s rolle") != std::string::npos);
    CHECK(dump.find("Spørg [e-mail] om lov.") != std::string::npos);
    CHECK(check_anonymity(project, options).empty());
    // One step: undo brings every original back.
    History(project).undo();
    CHECK(documents.get(document).source_name == "Interview med METTE.docx");
    CHECK(check_anonymity(project, options).size() == findings.size());
}

TEST_CASE("a replacement that would give two documents one name is refused, and nothing changes") {
    Interview interview;
    auto& project = interview.project;
    for (const std::string name : {"interview-mette", "interview-Rådgiver 3"}) {
        NewDocument document;
        document.name = name;
        document.format = "txt";
        document.text = "Interviewer: Hej.";
        DocumentStore(project).add(document);
    }
    const auto before = testing::table_contents(project);
    AnonymityOptions options;
    options.names = {"Mette"};
    const auto findings = check_anonymity(project, options);
    CHECK_THROWS_WITH_AS(pseudonymise(project, findings, {{"Mette", "Rådgiver 3"}}),
                         doctest::Contains("there is already a document name \"interview-Rådgiver 3\""), InputError);
    CHECK(testing::table_contents(project) == before);
}

TEST_CASE("the deep check finds numbers in a project's files, not the digits of identifiers, times or dates around them") {
    testing::ScratchDir dir;
    const auto path = dir / "studie.fokus";
    Project::create(path);
    std::filesystem::create_directories(dir / "studie.fokus.backups");
    // What binary files hold between the texts: GUIDs, checksums, times; and two real numbers.
    testing::write_file(dir / "studie.fokus.backups" / "gammel.fokus",
                        std::string("\x01\x02guid 42873817-1a2b-4c5d-8e6f-7a8b9c0d1e2f\x00", 45) +
                            "9f0c1d2e-3b4a-4c5d-8e6f-70000000 sha 1234567890abcdef 2026-12-07T14:37:00Z 14.03.87 "
                            "id-22486137 ring 22 48 61 37 eller +45 31 22 44 55, cpr 140387-2315\x03");
    AnonymityOptions options;
    std::multiset<std::string> found;
    for (const auto& finding : check_stored_files(path, options)) {
        if (finding.file.filename() == "gammel.fokus") found.insert(std::string(kind_name(finding.kind)) + ":" + finding.text);
    }
    CHECK(found == std::multiset<std::string>{"phone:22 48 61 37", "phone:31 22 44 55", "cpr:140387-2315"});
}
