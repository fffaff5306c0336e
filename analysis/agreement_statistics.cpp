#include "analysis/agreement_statistics.h"

#include <cmath>
#include <map>
#include <string>

#include "coding/error.h"

namespace fokus::agreement {
namespace {

// Chance agreement within rounding of 1 means the statistic is 0/0.
constexpr double tolerance = 1e-12;

std::optional<double> chance_corrected(double observed, double expected) {
    if (std::abs(1.0 - expected) < tolerance) return std::nullopt;
    return (observed - expected) / (1.0 - expected);
}

std::vector<int> present_values(const RatedUnit& unit) {
    std::vector<int> values;
    for (const auto& value : unit.values) {
        if (value) values.push_back(*value);
    }
    return values;
}

}  // namespace

std::optional<double> percent_agreement(const Ratings& ratings) {
    double agreeing = 0, total = 0;
    for (const auto& unit : ratings) {
        const auto values = present_values(unit);
        if (values.size() < 2 || unit.weight <= 0) continue;
        double pairs = 0, same = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            for (std::size_t j = i + 1; j < values.size(); ++j) {
                pairs += 1;
                if (values[i] == values[j]) same += 1;
            }
        }
        agreeing += unit.weight * same / pairs;
        total += unit.weight;
    }
    if (total <= 0) return std::nullopt;
    return agreeing / total;
}

std::optional<double> cohen_kappa(const Ratings& ratings) {
    double total = 0, agreeing = 0;
    std::map<int, double> first, second;
    for (const auto& unit : ratings) {
        if (unit.values.size() != 2) {
            throw InputError("Cohen's kappa compares exactly two coders, not " + std::to_string(unit.values.size()));
        }
        if (!unit.values[0] || !unit.values[1] || unit.weight <= 0) continue;
        total += unit.weight;
        if (*unit.values[0] == *unit.values[1]) agreeing += unit.weight;
        first[*unit.values[0]] += unit.weight;
        second[*unit.values[1]] += unit.weight;
    }
    if (total <= 0) return std::nullopt;
    double expected = 0;
    for (const auto& [category, count] : first) {
        const auto other = second.find(category);
        if (other != second.end()) expected += (count / total) * (other->second / total);
    }
    return chance_corrected(agreeing / total, expected);
}

std::optional<double> fleiss_kappa(const Ratings& ratings) {
    double total = 0, agreement_sum = 0, assignments = 0;
    std::map<int, double> per_category;
    for (const auto& unit : ratings) {
        const auto values = present_values(unit);
        const auto raters = static_cast<double>(values.size());
        if (values.size() < 2 || values.size() != unit.values.size() || unit.weight <= 0) continue;
        std::map<int, double> counts;
        for (const int value : values) counts[value] += 1;
        double squares = 0;
        for (const auto& [category, count] : counts) {
            squares += count * count;
            per_category[category] += unit.weight * count;
        }
        agreement_sum += unit.weight * (squares - raters) / (raters * (raters - 1));
        assignments += unit.weight * raters;
        total += unit.weight;
    }
    if (total <= 0) return std::nullopt;
    double expected = 0;
    for (const auto& [category, count] : per_category) expected += (count / assignments) * (count / assignments);
    return chance_corrected(agreement_sum / total, expected);
}

std::optional<double> krippendorff_alpha(const Ratings& ratings) {
    // The coincidence matrix: each ordered pair of values within a unit adds
    // 1/(m-1), m being the unit's number of values (Krippendorff 2011).
    std::map<int, std::map<int, double>> coincidences;
    for (const auto& unit : ratings) {
        const auto values = present_values(unit);
        if (values.size() < 2 || unit.weight <= 0) continue;
        const double share = unit.weight / static_cast<double>(values.size() - 1);
        for (std::size_t i = 0; i < values.size(); ++i) {
            for (std::size_t j = 0; j < values.size(); ++j) {
                if (i != j) coincidences[values[i]][values[j]] += share;
            }
        }
    }
    std::map<int, double> marginals;
    double pairable = 0, disagreeing = 0;
    for (const auto& [first, row] : coincidences) {
        for (const auto& [second, count] : row) {
            marginals[first] += count;
            pairable += count;
            if (first != second) disagreeing += count;
        }
    }
    if (pairable <= 1) return std::nullopt;
    double expected_disagreeing = 0;
    for (const auto& [first, count_first] : marginals) {
        for (const auto& [second, count_second] : marginals) {
            if (first != second) expected_disagreeing += count_first * count_second;
        }
    }
    if (expected_disagreeing <= tolerance) return std::nullopt;
    return 1.0 - (pairable - 1.0) * disagreeing / expected_disagreeing;
}

Ratings from_contingency_table(const std::vector<std::vector<double>>& counts) {
    Ratings ratings;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t j = 0; j < counts[i].size(); ++j) {
            if (counts[i][j] > 0) {
                ratings.push_back(RatedUnit{{static_cast<int>(i), static_cast<int>(j)}, counts[i][j]});
            }
        }
    }
    return ratings;
}

Ratings from_category_counts(const std::vector<std::vector<int>>& counts) {
    Ratings ratings;
    for (const auto& row : counts) {
        RatedUnit unit;
        for (std::size_t category = 0; category < row.size(); ++category) {
            for (int rater = 0; rater < row[category]; ++rater) unit.values.push_back(static_cast<int>(category));
        }
        ratings.push_back(std::move(unit));
    }
    return ratings;
}

}  // namespace fokus::agreement
