#pragma once
// What the XLSX and OpenDocument readers share: the table built cell by cell
// within the limits, and the XML parts read with entity declarations refused.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "importers/spreadsheet.h"

namespace fokus::importers {

class ZipArchive;

// Collects the non-empty cells of a sheet, row by row in order, refusing a
// column, row or cell count past the limits before allocating for it.
class SheetBuilder {
public:
    SheetBuilder(std::string source, const SpreadsheetLimits& limits) : source_(std::move(source)), limits_(limits) {}

    // Row and column count from 0; rows come in increasing order. Empty values are skipped.
    void set(std::size_t row, std::size_t column, std::string value);
    // FormatError when `row` or `column` (counting from 0) lies past the limits.
    void check_row(std::size_t row) const;
    void check_column(std::size_t column) const;
    // Repeats the last row that was set `times` more times, in the rows right after it.
    void repeat_last_row(std::size_t times);

    // The table: the first non-empty row is the header (see spreadsheet.h).
    SpreadsheetTable finish(std::string format, std::string encoding = {});

    const std::string& source() const { return source_; }

private:
    void spend_cells(std::size_t cells);
    std::string source_;
    SpreadsheetLimits limits_;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows_;  // sheet row, cells up to its last value
    std::size_t cells_ = 0;
};

// The rows of a plain table (a CSV file's), made into a SpreadsheetTable as
// the sheets are: the same trimming, header names and limits.
SpreadsheetTable table_of_rows(const std::string& source, const SpreadsheetLimits& limits,
                               std::vector<std::vector<std::string>> rows, const std::vector<std::size_t>& row_numbers,
                               std::string format, std::string encoding);

// Reads and parses one XML part of a spreadsheet archive. A part that declares
// a document type or entities is refused before parsing: spreadsheets never
// do, and entities are how a "billion laughs" file expands.
void parse_sheet_part(pugi::xml_document& document, const ZipArchive& archive, const std::string& part,
                      const SpreadsheetLimits& limits);

// The value of the attribute whose name, without its namespace prefix, is `name`.
std::string_view attribute_by_local_name(const pugi::xml_node& node, std::string_view name);

SpreadsheetTable read_xlsx(const ZipArchive& archive, const SpreadsheetLimits& limits);
SpreadsheetTable read_ods(const ZipArchive& archive, const SpreadsheetLimits& limits);

}  // namespace fokus::importers
