#include "analysis/crosstab.h"

#include <algorithm>
#include <map>
#include <set>

#include "coding/error.h"

namespace fokus {
namespace {

// The unit a segment counts as: itself, its document, or its participant.
std::optional<Id> unit_of(const Segment& segment, CrosstabCount count) {
    switch (count) {
        case CrosstabCount::Codings: return segment.coding;
        case CrosstabCount::Documents: return segment.document;
        case CrosstabCount::Participants: return segment.participant;
    }
    return std::nullopt;
}

double percent(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

CrosstabCount parse_crosstab_count(const std::string& name) {
    for (const auto count : {CrosstabCount::Codings, CrosstabCount::Documents, CrosstabCount::Participants}) {
        if (name == crosstab_count_name(count)) return count;
    }
    throw InputError("\"" + name + "\" is not something to count; use codings, documents or participants");
}

const char* crosstab_count_name(CrosstabCount count) {
    switch (count) {
        case CrosstabCount::Codings: return "codings";
        case CrosstabCount::Documents: return "documents";
        case CrosstabCount::Participants: return "participants";
    }
    return "codings";
}

double Crosstab::row_percent(std::size_t row, std::size_t column) const { return percent(at(row, column), row_totals[row]); }
double Crosstab::column_percent(std::size_t row, std::size_t column) const {
    return percent(at(row, column), column_totals[column]);
}

Crosstab crosstab(Project& project, const std::vector<CodeItem>& items, const SegmentFilter& filter,
                  const AttributeCondition& attribute, CrosstabCount count) {
    // Turns are read only when the columns or the count are of participants.
    const bool of_participants = attribute.of == AttributeCondition::Of::Participant || count == CrosstabCount::Participants;
    const auto segments = load_segments(project, filter, of_participants ? SegmentDetail::Turns : SegmentDetail::CodingsOnly);
    const AttributeLookup lookup(project, attribute);
    Crosstab table{attribute, count, items, {}, {}, {}, {}, 0};
    table.values = attribute_values(project, attribute);
    // Each segment's column, looked up once for a run of segments of the
    // same document or participant (they come in document order); a
    // segment without a value goes to a column "" added at the end.
    std::vector<std::size_t> column_of_segment(segments.size());
    bool missing = false;
    std::optional<std::optional<Id>> last_key;
    std::size_t last_column = 0;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const auto key = attribute.of == AttributeCondition::Of::Document ? std::optional<Id>(segments[s].document)
                                                                          : segments[s].participant;
        if (!last_key || *last_key != key) {
            const auto value = lookup.value_of(segments[s]);
            missing = missing || value.empty();
            last_column = static_cast<std::size_t>(std::find(table.values.begin(), table.values.end(), value) - table.values.begin());
            last_key = key;
        }
        column_of_segment[s] = last_column;
    }
    if (missing) table.values.push_back("");
    const auto columns = table.values.size();
    table.cells.assign(items.size() * columns, 0);
    table.row_totals.assign(items.size(), 0);
    table.column_totals.assign(columns, 0);
    // Distinct units per cell, row, column and overall (codings are distinct
    // already, so sets are only needed for documents and participants).
    std::vector<std::set<Id>> cell_units(items.size() * columns);
    std::vector<std::set<Id>> row_units(items.size());
    std::vector<std::set<Id>> column_units(columns);
    std::set<Id> all_units;
    // The rows each code belongs to, found once rather than for every segment.
    std::map<Id, std::vector<std::size_t>> rows_of_code;
    for (std::size_t row = 0; row < items.size(); ++row) {
        for (const Id code : items[row].codes) {
            auto& rows = rows_of_code[code];
            if (rows.empty() || rows.back() != row) rows.push_back(row);
        }
    }
    const std::vector<std::size_t> no_rows;
    const std::vector<std::size_t>* rows = &no_rows;
    std::optional<Id> rows_for;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const auto unit = unit_of(segments[s], count);
        if (!unit) continue;
        const auto column = column_of_segment[s];
        if (rows_for != segments[s].code) {
            const auto found = rows_of_code.find(segments[s].code);
            rows = found == rows_of_code.end() ? &no_rows : &found->second;
            rows_for = segments[s].code;
        }
        bool counted = false;
        for (const std::size_t row : *rows) {
            counted = true;
            if (count == CrosstabCount::Codings) {
                ++table.cells[row * columns + column];
                ++table.row_totals[row];
            } else {
                cell_units[row * columns + column].insert(*unit);
                row_units[row].insert(*unit);
            }
        }
        if (!counted) continue;
        if (count == CrosstabCount::Codings) {
            ++table.column_totals[column];
            ++table.total;
        } else {
            column_units[column].insert(*unit);
            all_units.insert(*unit);
        }
    }
    if (count != CrosstabCount::Codings) {
        auto size = [](const std::set<Id>& units) { return static_cast<std::int64_t>(units.size()); };
        std::transform(cell_units.begin(), cell_units.end(), table.cells.begin(), size);
        std::transform(row_units.begin(), row_units.end(), table.row_totals.begin(), size);
        std::transform(column_units.begin(), column_units.end(), table.column_totals.begin(), size);
        table.total = size(all_units);
    }
    return table;
}

std::vector<Segment> crosstab_segments(Project& project, const CodeItem& item, const SegmentFilter& filter,
                                       const AttributeCondition& attribute, const std::string& value) {
    const AttributeLookup lookup(project, attribute);
    std::vector<Segment> result;
    for (auto& segment : load_segments(project, filter)) {
        if (item.holds(segment.code) && lookup.value_of(segment) == value) result.push_back(std::move(segment));
    }
    return result;
}

}  // namespace fokus
