// Intercoder agreement on two coders' codings of the Danish fixture.
#include <doctest/doctest.h>

#include "analysis/agreement.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/text_breaks.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

// Åse and Bjørn code the fixture exchange:
//  Kultur på medarbejderniveau: Åse "Det er kollegerne, helt klart." (5 words),
//    Bjørn the same and "Vi får sparring" (8 words), both in turn 2.
//  Motivation: Åse "Man gør en forskel for familierne" (6 words, turn 3); Bjørn never.
//  Ledelseskultur og -stil: nobody.
struct TwoCoders {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "enighed.fokus");
    Id document = testing::add_focus_group(project);
    CodeItem culture = resolve_item(project, "Kultur på medarbejderniveau");
    CodeItem motivation = resolve_item(project, "Motivation");
    CodeItem leadership = resolve_item(project, "Ledelseskultur og -stil");

    TwoCoders() {
        const auto& text = testing::focus_group_text;
        CodingStore codings(project);
        project.set_coder("Åse");
        codings.add(document, culture.id, testing::span_of(text, "Det er kollegerne, helt klart."));
        codings.add(document, motivation.id, testing::span_of(text, "Man gør en forskel for familierne"));
        project.set_coder("Bjørn");
        codings.add(document, culture.id, testing::span_of(text, "Det er kollegerne, helt klart. Vi får sparring"));
    }

    AgreementRequest request(AgreementUnit unit) const {
        return AgreementRequest{{"Åse", "Bjørn"}, unit, {culture, motivation, leadership}, {}};
    }
};

}  // namespace

TEST_CASE("Agreement per code at word units matches the hand computation") {
    TwoCoders fixture;
    REQUIRE(text::DanishBreaks(text::BreakUnit::Word).words(testing::focus_group_text).size() == 68);
    const auto report = measure_agreement(fixture.project, fixture.request(AgreementUnit::Word));
    CHECK(report.coders == std::vector<std::string>{"Åse", "Bjørn"});
    REQUIRE(report.codes.size() == 3);

    // Culture: both 5, Bjørn only 3, neither 60 of 68 words. Cohen: p_o = 65/68,
    // p_e = (5*8 + 63*60)/68^2, kappa = 600/804. Scott/Fleiss: 2382/3198.
    // Alpha: 1 - 135 * 6 / (2 * 13 * 123) = 1 - 810/3198.
    const auto& culture = report.codes[0].scores;
    CHECK(culture.units == 68);
    CHECK(*culture.percent == doctest::Approx(65.0 / 68.0));
    CHECK(*culture.cohen_kappa == doctest::Approx(600.0 / 804.0));
    CHECK(*culture.fleiss_kappa == doctest::Approx(2382.0 / 3198.0));
    CHECK(*culture.krippendorff_alpha == doctest::Approx(1.0 - 810.0 / 3198.0));

    // Motivation: Åse only 6, neither 62. Bjørn never uses it, so Cohen's kappa is 0;
    // Fleiss: -72/1560; alpha: 1 - 135 * 12 / 1560.
    const auto& motivation = report.codes[1].scores;
    CHECK(*motivation.percent == doctest::Approx(62.0 / 68.0));
    CHECK(*motivation.cohen_kappa == doctest::Approx(0.0));
    CHECK(*motivation.fleiss_kappa == doctest::Approx(-72.0 / 1560.0));
    CHECK(*motivation.krippendorff_alpha == doctest::Approx(1.0 - 1620.0 / 1560.0));

    // Nobody used leadership: every word agrees, the kappas and alpha are undefined.
    const auto& leadership = report.codes[2].scores;
    CHECK(*leadership.percent == doctest::Approx(1.0));
    CHECK_FALSE(leadership.cohen_kappa.has_value());
    CHECK_FALSE(leadership.fleiss_kappa.has_value());
    CHECK_FALSE(leadership.krippendorff_alpha.has_value());

    // Overall pools the 2 x 68 decisions of the codes used (leadership, used by
    // nobody, is left out): both 5, Åse only 6, Bjørn only 3, neither 122.
    // Cohen: p_o = 127/136, p_e = (11*8 + 125*128)/136^2, kappa = 1184/2408.
    // Alpha: 1 - 271 * 18 / (2 * 19 * 253).
    CHECK(report.overall.units == 136);
    CHECK(*report.overall.percent == doctest::Approx(127.0 / 136.0));
    CHECK(*report.overall.cohen_kappa == doctest::Approx(1184.0 / 2408.0));
    CHECK(*report.overall.krippendorff_alpha == doctest::Approx(1.0 - 4878.0 / 9614.0));
}

TEST_CASE("Agreement per code at turn units matches the hand computation") {
    TwoCoders fixture;
    const auto report = measure_agreement(fixture.project, fixture.request(AgreementUnit::Turn));
    // Culture: both coders touch turn 2 only, so the three turns agree perfectly.
    const auto& culture = report.codes[0].scores;
    CHECK(culture.units == 3);
    CHECK(*culture.cohen_kappa == doctest::Approx(1.0));
    CHECK(*culture.krippendorff_alpha == doctest::Approx(1.0));
    // Motivation: Åse codes turn 3, Bjørn nothing: p_o = 2/3, kappa 0,
    // Fleiss (2/3 - 26/36) / (10/36) = -0.2, alpha 1 - 5 * 2 / (2 * 1 * 5) = 0.
    const auto& motivation = report.codes[1].scores;
    CHECK(*motivation.percent == doctest::Approx(2.0 / 3.0));
    CHECK(*motivation.cohen_kappa == doctest::Approx(0.0));
    CHECK(*motivation.fleiss_kappa == doctest::Approx(-0.2));
    CHECK(*motivation.krippendorff_alpha == doctest::Approx(0.0));
}

TEST_CASE("Sentence and character units count what they say") {
    TwoCoders fixture;
    const auto sentences = measure_agreement(fixture.project, fixture.request(AgreementUnit::Sentence));
    // The interviewer's question, 3 sentences in turn 2 and 2 in turn 3 (ICU keeps
    // each speaker label with the sentence it opens). Culture: both coders touch
    // the first sentence of turn 2, Bjørn alone the second, so 5 of 6 agree.
    CHECK(sentences.codes[0].scores.units == 6);
    CHECK(*sentences.codes[0].scores.percent == doctest::Approx(5.0 / 6.0));
    const auto characters = measure_agreement(fixture.project, fixture.request(AgreementUnit::Character));
    const auto length = static_cast<std::int64_t>(text::count_code_points(testing::focus_group_text));
    CHECK(characters.codes[0].scores.units == length);
    // Culture differs on " Vi får sparring", 16 characters.
    CHECK(*characters.codes[0].scores.percent == doctest::Approx(double(length - 16) / double(length)));
}

TEST_CASE("The disagreements name the stretches, the text and who applied the code") {
    TwoCoders fixture;
    const auto culture = find_disagreements(fixture.project, fixture.request(AgreementUnit::Word), fixture.culture);
    REQUIRE(culture.size() == 1);
    CHECK(culture[0].text == "Vi får sparring");
    CHECK(culture[0].span == testing::span_of(testing::focus_group_text, "Vi får sparring"));
    CHECK(culture[0].document_name == "Fokusgruppe Kommune B");
    CHECK(culture[0].applied_by == std::vector<std::string>{"Bjørn"});
    CHECK(culture[0].not_applied_by == std::vector<std::string>{"Åse"});

    const auto motivation = find_disagreements(fixture.project, fixture.request(AgreementUnit::Word), fixture.motivation);
    REQUIRE(motivation.size() == 1);
    CHECK(motivation[0].text == "Man gør en forskel for familierne");
    CHECK(motivation[0].applied_by == std::vector<std::string>{"Åse"});

    const auto by_turn = find_disagreements(fixture.project, fixture.request(AgreementUnit::Turn), fixture.culture);
    CHECK(by_turn.empty());
    const auto by_character =
        find_disagreements(fixture.project, fixture.request(AgreementUnit::Character), fixture.culture);
    REQUIRE(by_character.size() == 1);
    CHECK(by_character[0].text == " Vi får sparring");
    CHECK(find_disagreements(fixture.project, fixture.request(AgreementUnit::Word), fixture.leadership).empty());
}

TEST_CASE("Unknown or too few coders are refused, naming the value") {
    TwoCoders fixture;
    auto request = fixture.request(AgreementUnit::Word);
    request.coders = {"Åse", "Carsten"};
    CHECK_THROWS_WITH_AS(measure_agreement(fixture.project, request), doctest::Contains("\"Carsten\""), NotFoundError);
    request.coders = {"Åse"};
    CHECK_THROWS_AS(measure_agreement(fixture.project, request), InputError);
    request.coders = {"åse", "BJØRN"};  // names match regardless of case
    CHECK(measure_agreement(fixture.project, request).coders == std::vector<std::string>{"Åse", "Bjørn"});
    CHECK_THROWS_WITH_AS(parse_agreement_unit("paragraph"), doctest::Contains("\"paragraph\""), InputError);
}

TEST_CASE("What the statistics count: units both coders coded, and each coder alone, by the hand count") {
    TwoCoders fixture;
    const auto counted = count_coded_units(fixture.project, fixture.request(AgreementUnit::Word));
    REQUIRE(counted.size() == 3);
    // Culture: "Det er kollegerne, helt klart." is 5 words both coded; Bjørn's "Vi får sparring" 3 more.
    CHECK(counted[0].code.name == "Kultur på medarbejderniveau");
    CHECK(counted[0].units == 68);
    CHECK(counted[0].by_everyone == 5);
    CHECK(counted[0].by_one_alone == std::vector<std::int64_t>{0, 3});
    CHECK(counted[0].by_coder == std::vector<std::int64_t>{5, 8});
    // Motivation: Åse alone, "Man gør en forskel for familierne", 6 words.
    CHECK(counted[1].by_everyone == 0);
    CHECK(counted[1].by_one_alone == std::vector<std::int64_t>{6, 0});
    CHECK(counted[1].by_coder == std::vector<std::int64_t>{6, 0});
    // Nobody: nothing counted but the units.
    CHECK(counted[2].units == 68);
    CHECK(counted[2].by_coder == std::vector<std::int64_t>{0, 0});
    // At turn units: turn 2 for culture (both), turn 3 for motivation (Åse).
    const auto turns = count_coded_units(fixture.project, fixture.request(AgreementUnit::Turn));
    CHECK(turns[0].units == 3);
    CHECK(turns[0].by_everyone == 1);
    CHECK(turns[1].by_one_alone == std::vector<std::int64_t>{1, 0});
    // Only the chosen documents are compared: none of them coded here.
    auto request = fixture.request(AgreementUnit::Word);
    request.documents = {testing::add_focus_group(fixture.project, "Fokusgruppe Kommune D")};
    const auto elsewhere = count_coded_units(fixture.project, request);
    CHECK(elsewhere[0].units == 68);
    CHECK(elsewhere[0].by_coder == std::vector<std::int64_t>{0, 0});
}
