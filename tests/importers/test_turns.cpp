#include <doctest/doctest.h>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/turns.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

std::vector<Paragraph> paragraphs(const std::vector<std::string>& lines) {
    std::vector<Paragraph> result;
    for (const auto& line : lines) result.push_back(Paragraph{line, 0, std::nullopt, {}, false});
    return result;
}

std::string excerpt(const ParsedText& parsed, Span span) {
    const text::OffsetMap map(parsed.text);
    return parsed.text.substr(map.byte_of(static_cast<std::size_t>(span.start)),
                              map.byte_of(static_cast<std::size_t>(span.end)) - map.byte_of(static_cast<std::size_t>(span.start)));
}

}  // namespace

TEST_CASE("speaker labels of every common form") {
    const auto parsed = parse_turns(paragraphs({"Interviewer: Hvad tænker I om det?", "I: Og så?", "Borger 2: Jeg blev hørt.",
                                                "R1: Ja.", "Leder (Kommune C): Vi står bag jer.", "Moderator: Tak.",
                                                "Rådgiver 3: Børnene først."}));
    REQUIRE(parsed.turns.size() == 7);
    CHECK(parsed.turns[0].speaker == "Interviewer");
    CHECK(parsed.turns[1].speaker == "I");
    CHECK(parsed.turns[2].speaker == "Borger 2");
    CHECK(parsed.turns[3].speaker == "R1");
    CHECK(parsed.turns[4].speaker == "Leder (Kommune C)");
    CHECK(parsed.turns[6].speaker == "Rådgiver 3");
    CHECK(excerpt(parsed, Span{parsed.turns[6].body_start, parsed.turns[6].span.end}) == "Børnene først.");
    CHECK(excerpt(parsed, parsed.turns[2].span) == "Borger 2: Jeg blev hørt.");
}

TEST_CASE("running speech with a colon is not a speaker, and continues the turn") {
    const auto parsed = parse_turns(paragraphs({"Fokusgruppe med rådgivere, Kommune B", "Rådgiver 1: Det er svært.",
                                                "Det er sådan: vi har for mange sager.", "Rådgiver 2: Enig."}));
    REQUIRE(parsed.turns.size() == 2);
    CHECK(parsed.turns[0].speaker == "Rådgiver 1");
    CHECK(excerpt(parsed, parsed.turns[0].span) == "Rådgiver 1: Det er svært.\nDet er sådan: vi har for mange sager.");
    CHECK(parsed.turns[0].span.start > 0);  // the title line is no one's turn
}

TEST_CASE("leading timestamps in three forms") {
    const auto parsed = parse_turns(
        paragraphs({"[00:12:34] Interviewer: Hvordan?", "(01:05) Borger 1: Sådan.", "00:13:02 Borger 2: Måske."}));
    REQUIRE(parsed.turns.size() == 3);
    CHECK(parsed.turns[0].time_ms == 754000);
    CHECK(parsed.turns[0].speaker == "Interviewer");
    CHECK(parsed.turns[1].time_ms == 65000);
    CHECK(parsed.turns[2].time_ms == 782000);
    CHECK(parsed.turns[2].speaker == "Borger 2");
    CHECK(excerpt(parsed, Span{parsed.turns[2].body_start, parsed.turns[2].span.end}) == "Måske.");
}

TEST_CASE("bold labels and voices name the speaker") {
    std::vector<Paragraph> input = {Paragraph{"Afdelingsleder i Kommune Ø: Vi har ansat tre.", 27, std::nullopt, {}, false},
                                    Paragraph{"Teamleder 1: Især nyuddannede.", 0, 4000, "Teamleder 1", false}};
    const auto parsed = parse_turns(input);
    REQUIRE(parsed.turns.size() == 2);
    CHECK(parsed.turns[0].speaker == "Afdelingsleder i Kommune Ø");
    CHECK(excerpt(parsed, Span{parsed.turns[0].body_start, parsed.turns[0].span.end}) == "Vi har ansat tre.");
    CHECK(parsed.turns[1].speaker == "Teamleder 1");
    CHECK(parsed.turns[1].time_ms == 4000);
}

TEST_CASE("the text is NFC and spans count code points") {
    const auto parsed = parse_turns(paragraphs({"Borger 1: Ja\xCC\x8A, det er rigtigt.", "Borger 2: Nej."}));
    CHECK(parsed.text == "Borger 1: Jå, det er rigtigt.\nBorger 2: Nej.");
    CHECK(parsed.turns[1].span.start == 30);
}

TEST_CASE("single words that start sentences or header lines are not speakers") {
    const auto parsed = parse_turns(paragraphs({"Dato: 3. maj 2024", "Sted: Rådhuset på Ærø", "Interviewer: Hvad så?",
                                                "Altså: det er svært.", "Nej: det tror jeg ikke.", "Borger 1: Jo."}));
    REQUIRE(parsed.turns.size() == 2);
    CHECK(parsed.turns[0].speaker == "Interviewer");
    CHECK(parsed.turns[0].span.start == 40);  // the header lines are no one's turn
    CHECK(excerpt(parsed, parsed.turns[0].span) == "Interviewer: Hvad så?\nAltså: det er svært.\nNej: det tror jeg ikke.");
    CHECK(parsed.turns[1].speaker == "Borger 1");
}

TEST_CASE("an interview's header naming who took part is not a turn; the same label speaking later is") {
    const auto parsed = parse_turns(paragraphs({"Interview med borger, Kommune Ærø", "Interviewer: Anna Hansen",
                                                "Deltager: Søren Ødegård", "I: Hvordan har du oplevet mødet?",
                                                "R: Jeg følte mig ikke hørt.", "I: Kan du sige mere?", "R: Ja, det var hårdt."}));
    REQUIRE(parsed.turns.size() == 4);
    CHECK(parsed.turns[0].speaker == "I");
    CHECK(parsed.turns[0].span.start == 83);  // the title and the two header fields are no one's turn
    // A label used once that speaks (ends a sentence) in the header is still a speaker.
    const auto spoken = parse_turns(paragraphs({"Moderator: Velkommen, alle sammen.", "Borger 1: Tak.", "Borger 2: Ja.",
                                                "Borger 1: Det var godt.", "Borger 2: Enig."}));
    REQUIRE(spoken.turns.size() == 5);
    CHECK(spoken.turns[0].speaker == "Moderator");
}

TEST_CASE("a label longer than the limit, or with lower-case words, is running speech") {
    TurnPatterns short_labels;
    short_labels.max_label_length = 8;
    const auto parsed = parse_turns(paragraphs({"Borger 1: Ja.", "Afdelingsleder Ø: Nej.", "Rådgiver i Kommune B: Måske."}), short_labels);
    REQUIRE(parsed.turns.size() == 1);
    CHECK(excerpt(parsed, parsed.turns[0].span) == "Borger 1: Ja.\nAfdelingsleder Ø: Nej.\nRådgiver i Kommune B: Måske.");
}

TEST_CASE("timestamps: [12:34], a time alone on its line, and fractions of a second") {
    const auto parsed = parse_turns(paragraphs({"[12:34] R1: Først.", "[00:20:05]", "M: Så.", "[00:21:00.500] I: Til sidst.",
                                                "Klokken 12:30: gik vi."}));
    REQUIRE(parsed.turns.size() == 3);
    CHECK(parsed.turns[0].time_ms == 754000);
    CHECK(parsed.turns[0].speaker == "R1");
    CHECK(parsed.turns[1].speaker == "M");
    CHECK(parsed.turns[1].time_ms == 1205000);
    CHECK(parsed.turns[0].span.end == 29);  // the lone time line goes with the turn before it
    CHECK(parsed.turns[2].time_ms == 1260000);
    CHECK(excerpt(parsed, parsed.turns[2].span) == "[00:21:00.500] I: Til sidst.\nKlokken 12:30: gik vi.");
}

TEST_CASE("the user's own speaker patterns, alone or beside the defaults") {
    TurnPatterns patterns;
    patterns.extra_labels = {R"(^(P\d+)\s*-\s*)"};
    const auto both = parse_turns(paragraphs({"P1 - Vi taler om børn.", "Borger 2: Ja."}), patterns);
    REQUIRE(both.turns.size() == 2);
    CHECK(both.turns[0].speaker == "P1");
    CHECK(excerpt(both, Span{both.turns[0].body_start, both.turns[0].span.end}) == "Vi taler om børn.");
    patterns.only_these = true;
    CHECK(parse_turns(paragraphs({"P1 - Vi taler om børn.", "Borger 2: Ja."}), patterns).turns.size() == 1);
    patterns.extra_labels = {"(ugyldig"};
    CHECK_THROWS_WITH_AS(parse_turns({}, patterns), doctest::Contains("\"(ugyldig\" is not a valid regular expression"), InputError);
}

TEST_CASE("find_speaker_label: the label and where the speech starts") {
    const auto label = find_speaker_label("Rådgiver 3: Børnene først.");
    REQUIRE(label);
    CHECK(label->speaker == "Rådgiver 3");
    CHECK(label->body_start == 12);
    CHECK_FALSE(find_speaker_label("Det er sådan: vi har for mange sager."));
}

TEST_CASE("the headings, notes and captions of a report are no speakers") {
    const auto parsed = parse_turns(paragraphs({
        "Kortlægning af forebyggelsesindsatser i de fem regioner",
        "Anm.: Tre kommuner besvarede kun dele af skemaet. Deres svar indgår, hvor de foreligger.",
        "Region: Hovedstaden",
        "Myndighed: Region Hovedstaden, Center for Sundhed",
        "Befolkningstal: 1.870.000",
        "Region Hovedstaden har det største antal indsatser, men også de største forskelle mellem kommunerne.",
        "Region: Nordjylland",
        "Myndighed: Region Nordjylland, Sundhedsplanlægning",
        "Befolkningstal: 592.000",
        "Nordjylland skiller sig ud ved en fælles tværfaglig indgang for forældre, der er bekymrede for deres barn.",
        "Tabel 3: Antal forebyggende indsatser fordelt på målgruppe og region, 2024",
        "Kilde: Spørgeskemaundersøgelse blandt kommuner og regioner, oktober 2024.",
        "Figur 2: Andel kommuner med en særlig indsats for unge med angst, pct.",
        "Kontakt: Sundhedsstyrelsen, Islands Brygge 67, 2300 København S",
    }));
    CHECK(parsed.turns.empty());
}

TEST_CASE("labels in a list of fields are no speakers: what follows them is no speech") {
    // None of these words is known to head a line: the shape of the list decides.
    std::vector<std::string> lines = {"Oversigt over tilbuddene på Ærø og Læsø"};
    for (const auto* place : {"Ærø", "Læsø", "Fanø"}) {
        lines.push_back(std::string("Område: ") + place);
        lines.push_back("Ansvarlig: Børneforvaltningen");
        lines.push_back("Budget: 4,2 mio.");
    }
    CHECK(parse_turns(paragraphs(lines)).turns.empty());
}

TEST_CASE("two lone labels far apart in running text are no speakers") {
    std::vector<std::string> lines = {"Hovedpointe: Samarbejdet mellem rådgivere og skoler virker godt i de fleste kommuner."};
    for (int i = 0; i < 14; ++i) lines.push_back("Afsnit " + std::to_string(i) + " om børnenes trivsel på øerne og i byerne.");
    lines.push_back("Erfaring: Medarbejderne oplever større tryghed, når de får faglig sparring.");
    CHECK(parse_turns(paragraphs(lines)).turns.empty());
}

TEST_CASE("a short transcript keeps a speaker who speaks once") {
    const std::vector<std::string> lines = {"Interviewer: Velkommen, vil I fortælle om jeres arbejde på Ærø?",
                                            "Borger 1: Jeg har boet på Ærø i mange år.", "Borger 2: Jeg er ny her, og det er svært.",
                                            "Borger 1: Det forstår jeg godt, det var det også for mig."};
    const auto parsed = parse_turns(paragraphs(lines));
    REQUIRE(parsed.turns.size() == 4);
    CHECK(parsed.turns[0].speaker == "Interviewer");
    CHECK(parsed.turns[2].speaker == "Borger 2");

    // With detection off the same lines have no speakers.
    TurnPatterns off;
    off.detection = SpeakerDetection::Off;
    CHECK(parse_turns(paragraphs(lines), off).turns.empty());
}

TEST_CASE("a role that speaks once in a long text is a speaker; a user's own pattern always counts") {
    std::vector<std::string> lines = {"Interviewer: Tak fordi I ville være med i dag, vi starter med en runde."};
    for (int i = 0; i < 6; ++i) lines.push_back("Så fortæller de om børnenes trivsel og om skolen på øen.");
    lines.push_back("Deltager Å: ja");
    for (int i = 0; i < 6; ++i) lines.push_back("Og mere om sagsbehandlingen.");
    TurnPatterns patterns;
    patterns.extra_labels = {"^(Deltager \\p{Lu})\\s*:"};
    const auto parsed = parse_turns(paragraphs(lines), patterns);
    REQUIRE(parsed.turns.size() == 2);
    CHECK(parsed.turns[0].speaker == "Interviewer");
    CHECK(parsed.turns[1].speaker == "Deltager Å");
}
