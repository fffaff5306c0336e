// Agreement statistics against published worked examples, and the edge cases by hand.
#include <doctest/doctest.h>

#include <cmath>

#include "analysis/agreement_statistics.h"
#include "coding/error.h"

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
