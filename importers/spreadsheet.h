#pragma once
// Spreadsheets as surveys arrive in them (XLSX from SurveyXact, Qualtrics,
// Google or Microsoft Forms; OpenDocument; CSV in any encoding with "," or
// ";"), read into a plain table of text: the first sheet, its first row the
// header. Cells come as a person reads them: numbers without float noise,
// dates as ISO 8601, booleans as TRUE and FALSE, line breaks as "\n", white
// space at both ends trimmed.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "importers/importer.h"

namespace fokus::importers {

struct SpreadsheetLimits {
    Limits archive;                   // entries, expansion, XML depth
    std::size_t max_columns = 16384;  // as many as Excel and LibreOffice allow
    std::size_t max_rows = 1048576;
    std::size_t max_cells = 20'000'000;  // all rows' cells, counted up to each row's last value
};

struct SpreadsheetTable {
    std::string source;  // the file, for messages
    std::string format;  // "xlsx", "ods" or "csv"
    std::string encoding;  // of a CSV file, e.g. "windows-1252"
    std::vector<std::string> header;  // unique names; an empty one becomes "column N"
    std::vector<std::vector<std::string>> rows;  // every row as long as the header; empty rows left out
    std::vector<std::size_t> row_numbers;  // each row's number in the sheet (the header is 1), for messages

    // The column named `name` (as written, or in another case); NotFoundError
    // naming the file and listing the columns when there is none.
    std::size_t column(const std::string& name) const;
};

// By content (a zip holding xl/workbook.xml or an OpenDocument spreadsheet,
// else text), whatever the extension. FileError when unreadable; FormatError
// naming the file and the problem when it is malformed, empty, or breaks a
// limit (a zip bomb, entities declared in its XML, a million columns).
SpreadsheetTable read_spreadsheet(const std::filesystem::path& path, const SpreadsheetLimits& limits = {});

// A number as spreadsheets show it: the shortest decimal that reads back as
// the same double ("4.3", not "4.2999999999999998"; "43", not "43.0").
std::string format_spreadsheet_number(double value);
// A date serial of a spreadsheet (days since 1899-12-30) as "2024-03-01", with
// " 14:30" or " 14:30:15" when it has a time of day.
std::string format_date_serial(double serial);

}  // namespace fokus::importers
