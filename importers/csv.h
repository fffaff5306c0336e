#pragma once
// CSV as spreadsheets write it: quoted fields, doubled quotes, line breaks
// inside quotes, a byte-order mark, and "," or ";" as separator (Danish
// Excel writes ";").
#include <string>
#include <vector>

namespace fokus::importers {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> row_lines;  // the line each row starts on, for messages
};

// Throws FormatError naming `source` and the line on an unterminated quote.
// The header's names are folded to lower case, as the sheets beside a batch
// of transcripts are matched.
CsvTable parse_csv(const std::string& utf8, const std::string& source);
// The same with the header as written, for tables whose column names are
// shown to the user (a survey's questions).
CsvTable parse_csv_as_written(const std::string& utf8, const std::string& source);
// The file's bytes; FileError when it cannot be read.
std::string read_csv_text(const std::string& path);
CsvTable read_csv(const std::string& path);

}  // namespace fokus::importers
