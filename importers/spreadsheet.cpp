#include "importers/spreadsheet.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/csv.h"
#include "importers/readers.h"
#include "importers/sheet_builder.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

std::string with_commas(std::size_t number) {
    std::string digits = std::to_string(number);
    for (auto at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

// Trimmed, NFC, "\r\n" and "\r" made "\n", so that every format gives the same text.
std::string clean_cell(std::string value, const std::string& source) {
    std::string lines;
    lines.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '\r') {
            lines += value[i];
        } else {
            lines += '\n';
            if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
        }
    }
    return text::trim(text::to_nfc(lines, source + ": a cell"));
}

// Days since 1970-01-01 as a civil date (H. Hinnant's algorithm).
void civil_from_days(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2);
}

bool is_zip(const std::string& head) { return head.rfind("PK\x03\x04", 0) == 0; }

}  // namespace

std::size_t SpreadsheetTable::column(const std::string& name) const {
    const auto wanted = text::trim(text::to_nfc(name, "a column name"));
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == wanted) return i;
    }
    const auto folded = text::fold_case(wanted);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (text::fold_case(header[i]) == folded) return i;
    }
    std::string known;
    for (const auto& column : header) known += (known.empty() ? "" : ", ") + text::quote(column);
    throw NotFoundError(source + " has no column " + text::quote(wanted) + "; its columns are " + known);
}

std::string format_spreadsheet_number(double value) {
    if (value == 0) return "0";
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc()) return std::to_string(value);
    return std::string(buffer, end);
}

std::string format_date_serial(double serial) {
    auto whole_days = static_cast<std::int64_t>(std::floor(serial));
    auto seconds = static_cast<std::int64_t>(std::llround((serial - static_cast<double>(whole_days)) * 86400.0));
    if (seconds >= 86400) {
        ++whole_days;
        seconds -= 86400;
    }
    std::int64_t year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(whole_days - 25569, year, month, day);  // 25569: 1970-01-01 as a serial
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(year), month, day);
    std::string result = buffer;
    if (seconds == 0) return result;
    const auto hours = seconds / 3600, minutes = seconds / 60 % 60, rest = seconds % 60;
    if (rest == 0) {
        std::snprintf(buffer, sizeof buffer, " %02lld:%02lld", static_cast<long long>(hours), static_cast<long long>(minutes));
    } else {
        std::snprintf(buffer, sizeof buffer, " %02lld:%02lld:%02lld", static_cast<long long>(hours),
                      static_cast<long long>(minutes), static_cast<long long>(rest));
    }
    return result + buffer;
}

void SheetBuilder::check_row(std::size_t row) const {
    if (row >= limits_.max_rows) {
        throw FormatError(source_, "has a row past row " + with_commas(limits_.max_rows) +
                                       ", more than a spreadsheet can have; the file is refused");
    }
}

void SheetBuilder::check_column(std::size_t column) const {
    if (column >= limits_.max_columns) {
        throw FormatError(source_, "has a cell past column " + with_commas(limits_.max_columns) +
                                       ", more columns than a spreadsheet can have; the file is refused");
    }
}

void SheetBuilder::spend_cells(std::size_t cells) {
    if (cells > limits_.max_cells - std::min(cells_, limits_.max_cells)) {
        throw FormatError(source_, "has more than " + with_commas(limits_.max_cells) +
                                       " cells, more than a survey can hold; the file is refused");
    }
    cells_ += cells;
}

void SheetBuilder::set(std::size_t row, std::size_t column, std::string value) {
    check_row(row);
    check_column(column);
    if (value.empty()) return;
    if (rows_.empty() || rows_.back().first != row) {
        if (!rows_.empty() && rows_.back().first > row) {
            throw FormatError(source_, "lists its rows out of order (row " + std::to_string(row + 1) + " after row " +
                                           std::to_string(rows_.back().first + 1) + ")");
        }
        rows_.emplace_back(row, std::vector<std::string>{});
    }
    auto& cells = rows_.back().second;
    if (column >= cells.size()) {
        spend_cells(column + 1 - cells.size());
        cells.resize(column + 1);
    }
    cells[column] = std::move(value);
}

void SheetBuilder::repeat_last_row(std::size_t times) {
    if (rows_.empty() || times == 0) return;
    const auto last = rows_.back();
    check_row(last.first + times);
    spend_cells(last.second.size() * times);
    for (std::size_t i = 1; i <= times; ++i) rows_.emplace_back(last.first + i, last.second);
}

SpreadsheetTable SheetBuilder::finish(std::string format, std::string encoding) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> numbers;
    rows.reserve(rows_.size());
    for (auto& [row, cells] : rows_) {
        rows.push_back(std::move(cells));
        numbers.push_back(row + 1);
    }
    rows_.clear();
    return table_of_rows(source_, limits_, std::move(rows), numbers, std::move(format), std::move(encoding));
}

SpreadsheetTable table_of_rows(const std::string& source, const SpreadsheetLimits& limits,
                               std::vector<std::vector<std::string>> rows, const std::vector<std::size_t>& row_numbers,
                               std::string format, std::string encoding) {
    SpreadsheetTable table;
    table.source = source;
    table.format = std::move(format);
    table.encoding = std::move(encoding);
    std::size_t width = 0;
    bool header_found = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto& cells = rows[r];
        if (cells.size() > limits.max_columns) {
            throw FormatError(source, "has a row of " + with_commas(cells.size()) + " columns, more than the " +
                                          with_commas(limits.max_columns) + " a spreadsheet can have; the file is refused");
        }
        bool empty = true;
        for (auto& cell : cells) {
            cell = clean_cell(std::move(cell), source);
            empty = empty && cell.empty();
        }
        if (empty) continue;
        while (!cells.empty() && cells.back().empty()) cells.pop_back();
        width = std::max(width, cells.size());
        if (!header_found) {
            table.header = std::move(cells);
            header_found = true;
        } else {
            table.rows.push_back(std::move(cells));
            table.row_numbers.push_back(row_numbers[r]);
        }
    }
    if (!header_found) throw FormatError(source, "holds no cells; a survey needs a header row and a row per respondent");
    table.header.resize(width);
    std::set<std::string> taken;
    for (std::size_t i = 0; i < width; ++i) {
        auto& name = table.header[i];
        if (name.empty()) name = "column " + std::to_string(i + 1);
        const std::string base = name;
        for (int copy = 2; !taken.insert(text::fold_case(name)).second; ++copy) name = base + " (" + std::to_string(copy) + ")";
    }
    for (auto& row : table.rows) row.resize(width);
    return table;
}

void parse_sheet_part(pugi::xml_document& document, const ZipArchive& archive, const std::string& part,
                      const SpreadsheetLimits& limits) {
    auto content = archive.read(part);
    if (content.find("<!DOCTYPE") != std::string::npos || content.find("<!ENTITY") != std::string::npos) {
        throw FormatError(archive.source(), part + " declares a document type or entities (<!DOCTYPE>, <!ENTITY>), "
                                                   "which spreadsheets never do and which can expand without end "
                                                   "(\"billion laughs\"); the file is refused");
    }
    std::vector<std::string> warnings;
    parse_xml(document, std::move(content), archive.source(), part, limits.archive, warnings);
}

std::string_view attribute_by_local_name(const pugi::xml_node& node, std::string_view name) {
    for (const auto attribute : node.attributes()) {
        std::string_view full = attribute.name();
        const auto colon = full.find(':');
        if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) return attribute.value();
    }
    return {};
}

SpreadsheetTable read_spreadsheet(const std::filesystem::path& path, const SpreadsheetLimits& limits) {
    const std::string source = path.string();
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || !std::filesystem::is_regular_file(path, error)) throw FileError(source, "cannot be read (no such file)");
    if (size > limits.archive.max_file_bytes) {
        throw FormatError(source, "is " + with_commas(size) + " bytes, more than the " +
                                      with_commas(limits.archive.max_file_bytes) + " allowed");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(source, "cannot be read");
    std::string head(4, '\0');
    in.read(head.data(), 4);
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (is_zip(head)) {
        in.close();
        const ZipArchive archive(path, limits.archive);
        if (archive.has("xl/workbook.xml")) return read_xlsx(archive, limits);
        if (archive.has("content.xml") && archive.has("mimetype") &&
            archive.read("mimetype").rfind("application/vnd.oasis.opendocument.spreadsheet", 0) == 0) {
            return read_ods(archive, limits);
        }
        throw FormatError(source, "is a zip archive but neither an Excel (.xlsx) nor an OpenDocument (.ods) spreadsheet");
    }
    in.seekg(0);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ReadOptions options;
    ReadResult decoded;
    const auto utf8 = decode_text(bytes, source, options, decoded);
    auto csv = parse_csv_as_written(utf8, source);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    rows.reserve(csv.rows.size() + 1);
    rows.push_back(std::move(csv.header));
    lines.push_back(1);
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
        rows.push_back(std::move(csv.rows[i]));
        lines.push_back(csv.row_lines[i]);
    }
    if (rows.size() > limits.max_rows) {
        throw FormatError(source, "has more than " + with_commas(limits.max_rows) + " rows; the file is refused");
    }
    return table_of_rows(source, limits, std::move(rows), lines, "csv", decoded.encoding);
}

}  // namespace fokus::importers
