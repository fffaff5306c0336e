// Intercoder agreement: the statistics against published worked examples, the
// edge cases by hand, and two coders' codings of the Danish fixture.
#include <doctest/doctest.h>

#include <cmath>

#include "coding/agreement.h"
#include "coding/agreement_statistics.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/words.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;
using agreement::Ratings;
using agreement::RatedUnit;

namespace {

// Published values are given to three or four decimals; a computed value
// reproduces one when it rounds to it.
bool matches_published(const std::optional<double>& computed, double published, int decimals = 3) {
    return computed && std::abs(*computed - published) <= 0.5 * std::pow(10.0, -decimals);
}

// Coder rows of a units × coders table; -1 marks a missing value.
Ratings by_coder_rows(const std::vector<std::vector<int>>& rows) {
    Ratings ratings(rows.front().size());
    for (const auto& row : rows) {
        for (std::size_t unit = 0; unit < row.size(); ++unit) {
            ratings[unit].values.push_back(row[unit] < 0 ? std::nullopt : std::optional<int>(row[unit]));
        }
    }
    return ratings;
}

}  // namespace

TEST_CASE("Cohen's kappa reproduces the 2x2 example of Wikipedia's \"Cohen's kappa\" article") {
    // 50 proposals read by A and B: both yes 20, A yes B no 5, A no B yes 10, both no 15;
    // p_o = 0.7, p_e = 0.5, kappa = 0.4.
    const auto ratings = agreement::from_contingency_table({{20, 5}, {10, 15}});
    CHECK(matches_published(agreement::cohen_kappa(ratings), 0.4));
    CHECK(*agreement::percent_agreement(ratings) == doctest::Approx(0.7));
}

TEST_CASE("Cohen's kappa reproduces the \"same agreement, different kappa\" tables of the same article") {
    // Both tables have 60 % agreement; the first, 45/15/25/15, gives 0.1304 and
    // the second, 25/35/5/35, gives 0.2593, because the marginals differ.
    CHECK(matches_published(agreement::cohen_kappa(agreement::from_contingency_table({{45, 15}, {25, 15}})), 0.1304, 4));
    CHECK(matches_published(agreement::cohen_kappa(agreement::from_contingency_table({{25, 35}, {5, 35}})), 0.2593, 4));
}

TEST_CASE("Fleiss' kappa reproduces the 10 subjects, 14 raters, 5 categories example of Wikipedia's \"Fleiss' kappa\"") {
    // P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
    const auto ratings = agreement::from_category_counts({{0, 0, 0, 0, 14},
                                                          {0, 2, 6, 4, 2},
                                                          {0, 0, 3, 5, 6},
                                                          {0, 3, 9, 2, 0},
                                                          {2, 2, 8, 1, 1},
                                                          {7, 7, 0, 0, 0},
                                                          {3, 2, 6, 3, 0},
                                                          {2, 5, 3, 2, 2},
                                                          {6, 5, 2, 1, 0},
                                                          {0, 2, 2, 3, 7}});
    CHECK(matches_published(agreement::fleiss_kappa(ratings), 0.210));
}

TEST_CASE("Fleiss' kappa for two raters is Scott's pi: the worked example of Wikipedia's \"Scott's Pi\" article") {
    // Two annotators, 45 items, Yes/No/Maybe, confusion matrix 1 2 3 / 4 5 6 / 7 8 9:
    // observed 0.333, expected 0.369 from the pooled marginals, pi = -0.056.
    const auto ratings = agreement::from_contingency_table({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    CHECK(matches_published(agreement::fleiss_kappa(ratings), -0.056));
}

TEST_CASE("Krippendorff's alpha reproduces the 4 coders x 12 units nominal example with missing values") {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    // nominal data, any number of observers, missing data; alpha = 0.743.
    const auto ratings = by_coder_rows({{1, 2, 3, 3, 2, 1, 4, 1, 2, -1, -1, -1},
                                        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, -1, 3},
                                        {-1, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, -1},
                                        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, -1}});
    CHECK(matches_published(agreement::krippendorff_alpha(ratings), 0.743));
}

TEST_CASE("Krippendorff's alpha reproduces the binary two-coder example") {
    // Krippendorff (2011), section A: binary data, two observers, no missing data,
    // ten units; alpha = 0.095.
    const auto ratings = by_coder_rows({{0, 1, 0, 0, 0, 0, 0, 0, 1, 0}, {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}});
    CHECK(matches_published(agreement::krippendorff_alpha(ratings), 0.095));
}

TEST_CASE("Perfect agreement gives 1 on every statistic") {
    const auto ratings = by_coder_rows({{1, 0, 1, 1, 0}, {1, 0, 1, 1, 0}, {1, 0, 1, 1, 0}});
    CHECK(*agreement::percent_agreement(ratings) == doctest::Approx(1.0));
    CHECK(*agreement::fleiss_kappa(ratings) == doctest::Approx(1.0));
    CHECK(*agreement::krippendorff_alpha(ratings) == doctest::Approx(1.0));
    const auto two = by_coder_rows({{1, 0, 1, 1, 0}, {1, 0, 1, 1, 0}});
    CHECK(*agreement::cohen_kappa(two) == doctest::Approx(1.0));
}

TEST_CASE("Total disagreement on a balanced binary code gives kappa -1 and alpha -0.9") {
    // Ten units, each coded by exactly one of two coders (five each). By hand:
    // p_o = 0, p_e = 0.5 so kappa = -1 (Cohen and Fleiss alike); alpha =
    // 1 - (n-1) D_o / D_e = 1 - 19 * 20 / (2 * 10 * 10) = -0.9.
    const auto ratings = by_coder_rows({{1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}});
    CHECK(*agreement::percent_agreement(ratings) == doctest::Approx(0.0));
    CHECK(*agreement::cohen_kappa(ratings) == doctest::Approx(-1.0));
    CHECK(*agreement::fleiss_kappa(ratings) == doctest::Approx(-1.0));
    CHECK(*agreement::krippendorff_alpha(ratings) == doctest::Approx(-0.9));
}

TEST_CASE("A coder who never uses the code: Cohen's kappa 0, the pooled statistics slightly below") {
    // Ten units; A applies the code to two, B to none. p_o = 0.8 and Cohen's
    // p_e = 0.8 * 1 + 0.2 * 0 = 0.8, so kappa = 0. Pooled (Fleiss): p_yes = 0.1,
    // p_e = 0.82, kappa = (0.8 - 0.82) / 0.18 = -0.111. Alpha: 1 - 19 * 4 / (2 * 2 * 18) = -0.056.
    const auto ratings = by_coder_rows({{1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
    CHECK(*agreement::percent_agreement(ratings) == doctest::Approx(0.8));
    CHECK(*agreement::cohen_kappa(ratings) == doctest::Approx(0.0));
    CHECK(*agreement::fleiss_kappa(ratings) == doctest::Approx(-1.0 / 9.0));
    CHECK(*agreement::krippendorff_alpha(ratings) == doctest::Approx(-1.0 / 18.0));
}

TEST_CASE("A code nobody uses: agreement is 100 % but the kappas and alpha are undefined") {
    // Every value is "absent": chance agreement is 1, so each chance-corrected
    // statistic is 0/0 and is reported as absent rather than NaN.
    const auto ratings = by_coder_rows({{0, 0, 0, 0}, {0, 0, 0, 0}});
    CHECK(*agreement::percent_agreement(ratings) == doctest::Approx(1.0));
    CHECK_FALSE(agreement::cohen_kappa(ratings).has_value());
    CHECK_FALSE(agreement::fleiss_kappa(ratings).has_value());
    CHECK_FALSE(agreement::krippendorff_alpha(ratings).has_value());
    CHECK_FALSE(agreement::percent_agreement({}).has_value());
}

TEST_CASE("Cohen's kappa refuses more than two coders") {
    CHECK_THROWS_AS(agreement::cohen_kappa(by_coder_rows({{1}, {1}, {0}})), InputError);
}

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
    REQUIRE(text::word_spans(testing::focus_group_text).size() == 68);
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

    // Overall pools the 3 x 68 decisions: both 5, Åse only 6, Bjørn only 3, neither 190.
    CHECK(report.overall.units == 204);
    CHECK(*report.overall.percent == doctest::Approx(195.0 / 204.0));
    CHECK(*report.overall.cohen_kappa == doctest::Approx(0.50378).epsilon(1e-4));
    CHECK(*report.overall.krippendorff_alpha == doctest::Approx(0.50440).epsilon(1e-4));
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
