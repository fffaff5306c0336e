#include "cli/tables.h"

#include <algorithm>
#include <cstdio>

#include "coding/text.h"

namespace fokus::cli {

void write_csv(std::ostream& out, const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const auto& field = row[i];
            if (i) out << ',';
            if (field.find_first_of(",\"\r\n") == std::string::npos) {
                out << field;
                continue;
            }
            out << '"';
            for (const char c : field) out << (c == '"' ? "\"\"" : std::string(1, c));
            out << '"';
        }
        out << "\r\n";
    }
}

void write_aligned(std::ostream& out, const std::vector<Row>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], text::count_code_points(row[i]));
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - text::count_code_points(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

std::string format_number(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string count_of(std::size_t number, const std::string& one, const std::string& many) {
    return std::to_string(number) + " " + (number == 1 ? one : many);
}

}  // namespace fokus::cli
