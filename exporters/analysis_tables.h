#pragma once
// The condensation grid and a contrast of two groups as tables, for CSV and
// XLSX files beside the report.
#include <filesystem>

#include "analysis/condensation_table.h"
#include "analysis/contrast.h"
#include "exporters/table.h"

namespace fokus {
class Project;
}

namespace fokus::exporters {

// A row per code, a column per document or attribute value.
Table condensation_sheet(const CondensationTable& table);
// A row per segment: group, document, speaker, text and its code-point span.
Table contrast_sheet(Project& project, const Contrast& contrast);

// Writes the table as .xlsx or .csv, by the extension; InputError naming the file otherwise.
void write_table(const std::filesystem::path& target, const Table& table);

}  // namespace fokus::exporters
