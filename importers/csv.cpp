#include "importers/csv.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>

#include "coding/error.h"
#include "coding/text.h"

namespace fokus::importers {

CsvTable parse_csv_as_written(const std::string& content, const std::string& source) {
    std::string utf8 = content.rfind("\xEF\xBB\xBF", 0) == 0 ? content.substr(3) : content;
    if (const auto bad = text::find_invalid_utf8(utf8); bad != std::string::npos) {
        const auto line = 1 + std::count(utf8.begin(), utf8.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
        throw FormatError(source, "line " + std::to_string(line) + " is not UTF-8 text; save the sheet as \"CSV UTF-8\"");
    }
    // The separator is the one the header row uses more, outside quotes (a
    // survey's questions are often quoted and hold commas).
    std::size_t semicolons = 0, commas = 0;
    for (bool in_quotes = false; const char c : std::string_view(utf8).substr(0, utf8.find('\n'))) {
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes) continue;
        semicolons += c == ';';
        commas += c == ',';
    }
    const char separator = semicolons > commas ? ';' : ',';
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool any = false;
    std::size_t line = 1;
    std::size_t record_line = 1;
    std::size_t quote_line = 0;
    auto end_record = [&] {
        record.push_back(text::trim(field));
        field.clear();
        bool blank = true;
        for (const auto& value : record) blank = blank && value.empty();
        if (!blank) {
            records.push_back(record);
            lines.push_back(record_line);
        }
        record.clear();
        any = false;
    };
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (quoted) {
            if (c == '"' && i + 1 < utf8.size() && utf8[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                if (c != '\r') field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            quote_line = line;
        } else if (c == separator) {
            record.push_back(text::trim(field));
            field.clear();
        } else if (c == '\n') {
            end_record();
            ++line;
            record_line = line;
        } else if (c != '\r') {
            field += c;
            any = true;
        }
    }
    if (quoted) throw FormatError(source, "the quote opened on line " + std::to_string(quote_line) + " is never closed");
    if (any || !record.empty() || !field.empty()) end_record();
    if (records.empty()) throw FormatError(source, "is empty; it needs a header row");
    CsvTable table;
    table.header = records.front();
    table.rows.assign(records.begin() + 1, records.end());
    table.row_lines.assign(lines.begin() + 1, lines.end());
    return table;
}

CsvTable parse_csv(const std::string& content, const std::string& source) {
    auto table = parse_csv_as_written(content, source);
    for (auto& name : table.header) name = text::fold_case(name);
    return table;
}

std::string read_csv_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path, "cannot be read");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

CsvTable read_csv(const std::string& path) { return parse_csv(read_csv_text(path), path); }

}  // namespace fokus::importers
