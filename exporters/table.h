#pragma once
// A plain table of cells, written as CSV (RFC 4180, UTF-8 with a byte-order
// mark so that spreadsheet programs read æ, ø, å right) or as an XLSX sheet.
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace fokus::exporters {

using Cell = std::variant<std::string, double>;

struct Table {
    std::string title;                   // becomes the sheet name in XLSX (cut to 31 characters)
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
};

std::string to_csv(const Table& table);
void write_csv(const std::filesystem::path& target, const Table& table);
// Several tables become several sheets of one workbook; header row bold and frozen.
void write_xlsx(const std::filesystem::path& target, const std::vector<Table>& sheets);

}  // namespace fokus::exporters
