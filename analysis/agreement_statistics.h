#pragma once
// Agreement statistics over a units × coders matrix of nominal values: percent
// agreement, Cohen's kappa, Fleiss' kappa and Krippendorff's alpha. A value may
// be missing (the coder did not rate the unit); each unit carries a weight so
// that many identical units (every character of a long stretch, say) count
// without being spelled out one by one.
#include <optional>
#include <vector>

namespace fokus::agreement {

// One unit: the category each coder gave it (by coder position), or nothing.
struct RatedUnit {
    std::vector<std::optional<int>> values;
    double weight = 1.0;
};
using Ratings = std::vector<RatedUnit>;

// Every statistic is absent (undefined) where its formula divides by zero:
// no pairable units, or no variation at all among the values (a code nobody,
// or everybody, applied), where chance agreement is already perfect.

// Share of agreeing coder pairs, averaged over units rated by two or more.
// For two coders: the share of units where they agree.
std::optional<double> percent_agreement(const Ratings& ratings);

// Cohen's kappa for exactly two coders, over units both rated.
// InputError when a unit has other than two coder positions.
std::optional<double> cohen_kappa(const Ratings& ratings);

// Fleiss' kappa over the units every coder rated.
std::optional<double> fleiss_kappa(const Ratings& ratings);

// Krippendorff's alpha for nominal values; missing values allowed, units with
// fewer than two values are not pairable and are left out.
std::optional<double> krippendorff_alpha(const Ratings& ratings);

// Builders for the forms in which published examples come.

// A two-coder contingency table: counts[i][j] units put in category i by the
// first coder and j by the second.
Ratings from_contingency_table(const std::vector<std::vector<double>>& counts);

// Fleiss' form: counts[unit][category] raters who put the unit in that category
// (every row summing to the same number of raters; who rated what is not known).
Ratings from_category_counts(const std::vector<std::vector<int>>& counts);

}  // namespace fokus::agreement
