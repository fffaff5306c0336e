#pragma once
// Analysis results as tables for a spreadsheet or a report: the co-occurrence
// matrix and crosstabs, with the measures beside the raw counts.
#include <string>
#include <vector>

#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "exporters/table.h"

namespace fokus::exporters {

enum class CooccurrenceMeasure { Pairs, Segments, Documents, C, Jaccard };
// "pairs", "segments", "documents", "c", "jaccard"; InputError otherwise.
CooccurrenceMeasure parse_cooccurrence_measure(const std::string& name);
const char* cooccurrence_measure_name(CooccurrenceMeasure measure);
double measure_of(const CooccurrenceCell& cell, CooccurrenceMeasure measure);

// One measure as a code × code table, the codes' own segment counts in a column.
Table cooccurrence_table(const CooccurrenceMatrix& matrix, CooccurrenceMeasure measure);
// Every measure, one table each: the sheets of a workbook.
std::vector<Table> cooccurrence_tables(const CooccurrenceMatrix& matrix);

enum class CrosstabShare { Count, RowPercent, ColumnPercent };
// "count", "row", "column"; InputError otherwise.
CrosstabShare parse_crosstab_share(const std::string& name);
double share_of(const Crosstab& table, std::size_t row, std::size_t column, CrosstabShare share);
// The label a reader sees for a crosstab column ("uden værdi" for no value).
std::string crosstab_column_label(const std::string& value);

// Codes × values with totals; percentages as numbers (12.5 for 12.5 %).
Table crosstab_table(const Crosstab& table, CrosstabShare share);
// Counts, row percentages and column percentages: the sheets of a workbook.
std::vector<Table> crosstab_tables(const Crosstab& table);

}  // namespace fokus::exporters
