#include "exporters/table.h"

#include <cmath>
#include <cstdio>
#include <xlsxwriter.h>

#include "coding/error.h"
#include "coding/output_file.h"

namespace fokus::exporters {

namespace {

std::string format_number(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csv_cell(const Cell& cell) {
    if (const auto* number = std::get_if<double>(&cell)) return format_number(*number);
    return csv_field(std::get<std::string>(cell));
}

// Excel forbids these in sheet names and caps them at 31 characters; cutting
// must not split a UTF-8 sequence.
std::string sheet_name(std::string title, std::size_t index) {
    for (char& c : title) {
        if (std::string_view{"[]:*?/\\"}.find(c) != std::string_view::npos) c = '-';
    }
    if (title.empty()) title = "Ark " + std::to_string(index + 1);
    std::size_t characters = 0, cut = 0;
    for (std::size_t i = 0; i < title.size(); ++i) {
        if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80) {
            if (characters == 31) break;
            ++characters;
        }
        cut = i + 1;
    }
    return title.substr(0, cut);
}

void check(lxw_error status, const std::filesystem::path& target, const std::string& what) {
    if (status != LXW_NO_ERROR) {
        throw FileError(target.string(), what + ": " + lxw_strerror(status));
    }
}

}  // namespace

std::string to_csv(const Table& table) {
    std::string out = "\xEF\xBB\xBF";
    auto append_row = [&](const auto& cells, auto&& render) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            out += render(cells[i]);
        }
        out += "\r\n";
    };
    append_row(table.header, csv_field);
    for (const auto& row : table.rows) append_row(row, csv_cell);
    return out;
}

void write_csv(const std::filesystem::path& target, const Table& table) {
    write_file(target, to_csv(table));
}

void write_xlsx(const std::filesystem::path& target, const std::vector<Table>& sheets) {
    write_atomically(target, [&](const std::filesystem::path& temporary) {
        lxw_workbook* workbook = workbook_new(temporary.c_str());
        if (!workbook) throw FileError(target.string(), "could not be created as a workbook");
        // workbook_close frees the workbook whatever happens, so it runs exactly once.
        struct Closer {
            lxw_workbook* workbook;
            bool closed = false;
            lxw_error close() { closed = true; return workbook_close(workbook); }
            ~Closer() { if (!closed) workbook_close(workbook); }
        } closer{workbook};

        lxw_format* bold = workbook_add_format(workbook);
        format_set_bold(bold);
        for (std::size_t index = 0; index < sheets.size(); ++index) {
            const Table& table = sheets[index];
            const std::string name = sheet_name(table.title, index);
            lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
            if (!sheet) throw FileError(target.string(), "could not add the sheet \"" + name + "\"");
            for (std::size_t column = 0; column < table.header.size(); ++column) {
                check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column),
                                             table.header[column].c_str(), bold),
                      target, "could not write the header of \"" + name + "\"");
            }
            worksheet_freeze_panes(sheet, 1, 0);
            for (std::size_t row = 0; row < table.rows.size(); ++row) {
                const auto sheet_row = static_cast<lxw_row_t>(row + 1);
                for (std::size_t column = 0; column < table.rows[row].size(); ++column) {
                    const Cell& cell = table.rows[row][column];
                    const auto sheet_column = static_cast<lxw_col_t>(column);
                    const lxw_error status =
                        std::holds_alternative<double>(cell)
                            ? worksheet_write_number(sheet, sheet_row, sheet_column, std::get<double>(cell), nullptr)
                            : worksheet_write_string(sheet, sheet_row, sheet_column,
                                                     std::get<std::string>(cell).c_str(), nullptr);
                    check(status, target, "could not write row " + std::to_string(row + 1) + " of \"" + name + "\"");
                }
            }
        }
        check(closer.close(), target, "could not be written");
    });
}

}  // namespace fokus::exporters
