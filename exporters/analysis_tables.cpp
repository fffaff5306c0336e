#include "exporters/analysis_tables.h"

#include <algorithm>
#include <cctype>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"

namespace fokus::exporters {

Table condensation_sheet(const CondensationTable& table) {
    Table sheet;
    sheet.title = "Kondensering";
    sheet.header.push_back("Kode");
    for (const auto& column : table.columns) sheet.header.push_back(column);
    for (std::size_t row = 0; row < table.codes.size(); ++row) {
        std::vector<Cell> cells{table.codes[row].name};
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            cells.emplace_back(table.cells[row * table.columns.size() + column]);
        }
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

Table contrast_sheet(Project& project, const Contrast& contrast) {
    Table sheet;
    sheet.title = "Kontrast";
    sheet.header = {"Gruppe", "Dokument", "Taler", "Segment", "Start", "Slut"};
    DocumentStore documents(project);
    for (const auto* side : {&contrast.left, &contrast.right}) {
        for (const auto& segment : side->segments) {
            sheet.rows.push_back({side->label, documents.get(segment.document).name, segment.speaker,
                                  documents.excerpt(segment.document, segment.span), static_cast<double>(segment.span.start),
                                  static_cast<double>(segment.span.end)});
        }
    }
    return sheet;
}

void write_table(const std::filesystem::path& target, const Table& table) {
    auto extension = target.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension == ".xlsx") {
        write_xlsx(target, {table});
    } else if (extension == ".csv") {
        write_csv(target, table);
    } else {
        throw InputError(target.string() + ": a table is written as .xlsx or .csv, not \"" + extension + "\"");
    }
}

}  // namespace fokus::exporters
