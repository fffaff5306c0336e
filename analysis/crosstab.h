#pragma once
// Codes by the values of an attribute (municipality, role, BIKVA stage, work
// area, seniority): how project groups compare coded themes across groups.
#include <cstdint>
#include <string>
#include <vector>

#include "coding/segments.h"

namespace fokus {

enum class CrosstabCount { Codings, Documents, Participants };
CrosstabCount parse_crosstab_count(const std::string& name);
const char* crosstab_count_name(CrosstabCount count);

// A column for each value, and a last one for segments without a value when
// there are any, so that each row adds up to the row's own total.
struct Crosstab {
    AttributeCondition attribute;  // name and kind
    CrosstabCount count = CrosstabCount::Codings;
    std::vector<CodeItem> items;
    std::vector<std::string> values;  // "" stands for "no value"
    std::vector<std::int64_t> cells;  // row-major
    std::vector<std::int64_t> row_totals;
    std::vector<std::int64_t> column_totals;
    std::int64_t total = 0;

    std::int64_t at(std::size_t row, std::size_t column) const { return cells[row * values.size() + column]; }
    double row_percent(std::size_t row, std::size_t column) const;
    double column_percent(std::size_t row, std::size_t column) const;
};

Crosstab crosstab(Project& project, const std::vector<CodeItem>& items, const SegmentFilter& filter,
                  const AttributeCondition& attribute, CrosstabCount count);

// The segments behind one cell: the item's segments whose attribute has `value`.
std::vector<Segment> crosstab_segments(Project& project, const CodeItem& item, const SegmentFilter& filter,
                                       const AttributeCondition& attribute, const std::string& value);

}  // namespace fokus
