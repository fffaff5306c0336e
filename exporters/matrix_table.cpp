#include "exporters/matrix_table.h"

#include "coding/error.h"

namespace fokus::exporters {

namespace {

constexpr CooccurrenceMeasure all_measures[] = {CooccurrenceMeasure::Pairs, CooccurrenceMeasure::Segments,
                                                CooccurrenceMeasure::Documents, CooccurrenceMeasure::C,
                                                CooccurrenceMeasure::Jaccard};

const char* measure_title(CooccurrenceMeasure measure) {
    switch (measure) {
        case CooccurrenceMeasure::Pairs: return "Par af kodninger";
        case CooccurrenceMeasure::Segments: return "Segmenter";
        case CooccurrenceMeasure::Documents: return "Dokumenter";
        case CooccurrenceMeasure::C: return "c-koefficient";
        case CooccurrenceMeasure::Jaccard: return "Jaccard";
    }
    return "";
}

const char* share_title(CrosstabShare share) {
    switch (share) {
        case CrosstabShare::Count: return "Antal";
        case CrosstabShare::RowPercent: return "Rækkeprocent";
        case CrosstabShare::ColumnPercent: return "Kolonneprocent";
    }
    return "";
}

}  // namespace

CooccurrenceMeasure parse_cooccurrence_measure(const std::string& name) {
    for (auto measure : all_measures) {
        if (name == cooccurrence_measure_name(measure)) return measure;
    }
    throw InputError("unknown measure \"" + name + "\": use pairs, segments, documents, c or jaccard");
}

const char* cooccurrence_measure_name(CooccurrenceMeasure measure) {
    switch (measure) {
        case CooccurrenceMeasure::Pairs: return "pairs";
        case CooccurrenceMeasure::Segments: return "segments";
        case CooccurrenceMeasure::Documents: return "documents";
        case CooccurrenceMeasure::C: return "c";
        case CooccurrenceMeasure::Jaccard: return "jaccard";
    }
    return "";
}

double measure_of(const CooccurrenceCell& cell, CooccurrenceMeasure measure) {
    switch (measure) {
        case CooccurrenceMeasure::Pairs: return static_cast<double>(cell.pairs);
        case CooccurrenceMeasure::Segments: return static_cast<double>(cell.segments);
        case CooccurrenceMeasure::Documents: return static_cast<double>(cell.documents);
        case CooccurrenceMeasure::C: return cell.c;
        case CooccurrenceMeasure::Jaccard: return cell.jaccard;
    }
    return 0;
}

Table cooccurrence_table(const CooccurrenceMatrix& matrix, CooccurrenceMeasure measure) {
    Table table;
    table.title = measure_title(measure);
    table.header = {"Kode", "Segmenter i alt"};
    for (const auto& item : matrix.items) table.header.push_back(item.name);
    for (std::size_t row = 0; row < matrix.items.size(); ++row) {
        std::vector<Cell> cells{matrix.items[row].name, static_cast<double>(matrix.segment_counts[row])};
        for (std::size_t column = 0; column < matrix.items.size(); ++column) {
            cells.emplace_back(measure_of(matrix.at(row, column), measure));
        }
        table.rows.push_back(std::move(cells));
    }
    return table;
}

std::vector<Table> cooccurrence_tables(const CooccurrenceMatrix& matrix) {
    std::vector<Table> tables;
    for (auto measure : all_measures) tables.push_back(cooccurrence_table(matrix, measure));
    return tables;
}

CrosstabShare parse_crosstab_share(const std::string& name) {
    if (name == "count") return CrosstabShare::Count;
    if (name == "row") return CrosstabShare::RowPercent;
    if (name == "column") return CrosstabShare::ColumnPercent;
    throw InputError("unknown share \"" + name + "\": use count, row or column");
}

double share_of(const Crosstab& table, std::size_t row, std::size_t column, CrosstabShare share) {
    switch (share) {
        case CrosstabShare::Count: return static_cast<double>(table.at(row, column));
        case CrosstabShare::RowPercent: return table.row_percent(row, column);
        case CrosstabShare::ColumnPercent: return table.column_percent(row, column);
    }
    return 0;
}

std::string crosstab_column_label(const std::string& value) {
    return value.empty() ? "uden værdi" : value;
}

Table crosstab_table(const Crosstab& crosstab, CrosstabShare share) {
    Table table;
    table.title = share_title(share);
    table.header = {"Kode"};
    for (const auto& value : crosstab.values) table.header.push_back(crosstab_column_label(value));
    table.header.push_back("I alt");
    for (std::size_t row = 0; row < crosstab.items.size(); ++row) {
        std::vector<Cell> cells{crosstab.items[row].name};
        for (std::size_t column = 0; column < crosstab.values.size(); ++column) {
            cells.emplace_back(share_of(crosstab, row, column, share));
        }
        const bool row_shares = share == CrosstabShare::RowPercent;
        cells.emplace_back(row_shares && crosstab.row_totals[row] > 0 ? 100.0
                                                                      : static_cast<double>(crosstab.row_totals[row]));
        table.rows.push_back(std::move(cells));
    }
    if (share == CrosstabShare::Count) {
        std::vector<Cell> totals{std::string{"I alt"}};
        for (auto total : crosstab.column_totals) totals.emplace_back(static_cast<double>(total));
        totals.emplace_back(static_cast<double>(crosstab.total));
        table.rows.push_back(std::move(totals));
    }
    return table;
}

std::vector<Table> crosstab_tables(const Crosstab& crosstab) {
    return {crosstab_table(crosstab, CrosstabShare::Count), crosstab_table(crosstab, CrosstabShare::RowPercent),
            crosstab_table(crosstab, CrosstabShare::ColumnPercent)};
}

}  // namespace fokus::exporters
