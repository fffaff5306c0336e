// freq, cooccur, crosstab and contrast.
#include <iostream>
#include <memory>

#include "analysis/contrast.h"
#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "analysis/frequencies.h"
#include "cli/analysis_options.h"
#include "cli/context.h"
#include "cli/number_checks.h"
#include "cli/tables.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "exporters/analysis_tables.h"

namespace fokus::cli {
namespace {

std::string shown_value(const std::string& value) { return value.empty() ? "(ingen værdi)" : value; }

nlohmann::json segment_json(DocumentStore& documents, const Segment& segment) {
    return {{"coding", segment.coding},
            {"document", documents.get(segment.document).name},
            {"start", segment.span.start},
            {"end", segment.span.end},
            {"speaker", segment.speaker},
            {"text", documents.excerpt(segment.document, segment.span)}};
}

void print_segments(Project& project, const std::vector<Segment>& segments, bool json) {
    DocumentStore documents(project);
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& segment : segments) list.push_back(segment_json(documents, segment));
        print_json(list);
        return;
    }
    for (const auto& segment : segments) {
        std::cout << documents.get(segment.document).name << "  " << segment.span.start << "-" << segment.span.end;
        if (!segment.speaker.empty()) std::cout << "  " << segment.speaker;
        std::cout << "\n    " << documents.excerpt(segment.document, segment.span) << '\n';
    }
    std::cout << segments.size() << " segments\n";
}

void print_table(const std::vector<Row>& rows, bool csv) {
    if (csv) {
        write_csv(std::cout, rows);
    } else {
        write_aligned(std::cout, rows);
    }
}

std::pair<std::string, std::string> split_cell(const std::string& cell, char separator, const char* form) {
    const auto at = cell.find(separator);
    if (at == std::string::npos) throw InputError("\"" + cell + "\" is not a cell; give it as " + form);
    return {cell.substr(0, at), cell.substr(at + 1)};
}

void add_freq(CLI::App& app, Context& context) {
    struct Options : AnalysisOptions {
        std::string by;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("freq", "Code frequencies: codings, documents, speakers, participants, words coded");
    add_analysis_options(*command, *options);
    command->add_option("--by", options->by, "Break down by an attribute: municipality, bikva_stage, participant.role ...");
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        std::optional<AttributeCondition> breakdown;
        if (!options->by.empty()) breakdown = parse_attribute(options->by);
        const auto table = frequencies(project, options->items(project), options->filter(project), breakdown);
        auto figures = [](const Frequency& f) {
            return nlohmann::json{{"codings", f.codings},       {"documents", f.documents}, {"speakers", f.speakers},
                                  {"participants", f.participants}, {"words_coded", f.words_coded}, {"words", f.words},
                                  {"share_of_words", f.share_of_words()}};
        };
        if (options->json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& row : table.rows) {
                nlohmann::json by = nlohmann::json::object();
                for (std::size_t v = 0; v < table.values.size(); ++v) by[shown_value(table.values[v])] = figures(row.by_value[v]);
                rows.push_back({{"code", row.item.name}, {"theme", row.item.theme}, {"overall", figures(row.overall)}, {"by", by}});
            }
            print_json(rows);
            return;
        }
        std::vector<Row> rows{{"code", "group", "codings", "documents", "speakers", "participants", "% words"}};
        for (const auto& row : table.rows) {
            auto line = [&](const std::string& group, const Frequency& f) {
                rows.push_back({row.item.name, group, std::to_string(f.codings), std::to_string(f.documents),
                                std::to_string(f.speakers), std::to_string(f.participants),
                                format_number(100.0 * f.share_of_words(), 1)});
            };
            line("alle", row.overall);
            for (std::size_t v = 0; v < table.values.size(); ++v) line(shown_value(table.values[v]), row.by_value[v]);
        }
        print_table(rows, options->csv);
    });
}

void add_cooccur(CLI::App& app, Context& context) {
    struct Options : AnalysisOptions {
        std::string relation = "overlap";
        std::int64_t distance = 0;
        std::string measure = "pairs";
        std::string cell;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("cooccur", "Code co-occurrence matrix, or the segments behind one cell");
    add_analysis_options(*command, *options);
    command->add_option("--relation", options->relation, "overlap, inside, turn (same speaker turn) or near")
        ->capture_default_str();
    command->add_option("--distance", options->distance, "For near: at most this many characters apart")
        ->check(whole_number_from(0));
    command->add_option("--measure", options->measure, "What the text matrix shows: pairs, segments, documents, c, jaccard")
        ->check(CLI::IsMember({"pairs", "segments", "documents", "c", "jaccard"}))
        ->capture_default_str();
    command->add_option("--cell", options->cell, "List the segments behind one cell, given as CODE:CODE");
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        const CooccurrenceOptions relation{parse_relation(options->relation), options->distance};
        // The matrix needs the turns only to relate codings by turn; a cell's list names the speakers.
        const bool needs_turns = relation.relation == Relation::SameTurn || !options->cell.empty();
        const auto segments =
            load_segments(project, options->filter(project), needs_turns ? SegmentDetail::Turns : SegmentDetail::CodingsOnly);
        if (!options->cell.empty()) {
            const auto [row, column] = split_cell(options->cell, ':', "CODE:CODE");
            const auto pairs = cooccurring_pairs(segments, resolve_item(project, row), resolve_item(project, column), relation);
            std::vector<Segment> listed;
            for (const auto& pair : pairs) {
                listed.push_back(pair.first);
                listed.push_back(pair.second);
            }
            print_segments(project, listed, options->json);
            return;
        }
        const auto matrix = cooccurrence(segments, options->items(project), relation);
        const auto n = matrix.items.size();
        if (options->json) {
            nlohmann::json cells = nlohmann::json::array();
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t j = 0; j < n; ++j) {
                    const auto& cell = matrix.at(i, j);
                    if (cell.pairs == 0) continue;
                    cells.push_back({{"row", matrix.items[i].name}, {"column", matrix.items[j].name}, {"pairs", cell.pairs},
                                     {"segments", cell.segments}, {"documents", cell.documents}, {"c", cell.c},
                                     {"jaccard", cell.jaccard}});
                }
            }
            nlohmann::json codes = nlohmann::json::array();
            for (const auto& item : matrix.items) codes.push_back(item.name);
            print_json({{"relation", relation_name(relation.relation)}, {"codes", codes}, {"cells", cells}});
            return;
        }
        std::vector<Row> rows{{""}};
        for (std::size_t j = 0; j < n; ++j) rows[0].push_back(options->csv ? matrix.items[j].name : std::to_string(j + 1));
        for (std::size_t i = 0; i < n; ++i) {
            Row row{options->csv ? matrix.items[i].name : std::to_string(i + 1) + " " + matrix.items[i].name};
            for (std::size_t j = 0; j < n; ++j) {
                const auto& cell = matrix.at(i, j);
                const auto& m = options->measure;
                row.push_back(m == "pairs" ? std::to_string(cell.pairs)
                              : m == "segments" ? std::to_string(cell.segments)
                              : m == "documents" ? std::to_string(cell.documents)
                              : format_number(m == "c" ? cell.c : cell.jaccard, 3));
            }
            rows.push_back(std::move(row));
        }
        print_table(rows, options->csv);
    });
}

void add_crosstab(CLI::App& app, Context& context) {
    struct Options : AnalysisOptions {
        std::string by;
        std::string count = "codings";
        std::string percent;
        std::string cell;
        std::string bands;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("crosstab", "Codes by the values of an attribute, with percentages");
    add_analysis_options(*command, *options);
    command->add_option("--by", options->by, "The attribute: municipality, bikva_stage, participant.role ...")->required();
    command->add_option("--count", options->count, "codings, documents or participants")->capture_default_str();
    command->add_option("--percent", options->percent, "Show row or column percentages")->check(CLI::IsMember({"row", "column"}));
    command->add_option("--cell", options->cell, "List the segments behind one cell, given as CODE=VALUE");
    command->add_option("--bands", options->bands,
                        "Group a number attribute's values in ranges, both ends included, e.g. 20-29,30-39,40-49,50-");
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        auto attribute = parse_attribute(options->by);
        if (!options->bands.empty()) attribute.bands = parse_bands(options->bands);
        const auto filter = options->filter(project);
        if (!options->cell.empty()) {
            const auto [code, value] = split_cell(options->cell, '=', "CODE=VALUE");
            print_segments(project, crosstab_segments(project, resolve_item(project, code), filter, attribute, value),
                           options->json);
            return;
        }
        const auto table = crosstab(project, options->items(project), filter, attribute, parse_crosstab_count(options->count));
        const auto columns = table.values.size();
        if (options->json) {
            nlohmann::json rows = nlohmann::json::array();
            for (std::size_t i = 0; i < table.items.size(); ++i) {
                nlohmann::json cells = nlohmann::json::object();
                for (std::size_t j = 0; j < columns; ++j) {
                    cells[shown_value(table.values[j])] = {{"count", table.at(i, j)},
                                                           {"row_percent", table.row_percent(i, j)},
                                                           {"column_percent", table.column_percent(i, j)}};
                }
                rows.push_back({{"code", table.items[i].name}, {"total", table.row_totals[i]}, {"cells", cells}});
            }
            print_json({{"by", options->by}, {"count", options->count}, {"rows", rows}});
            return;
        }
        std::vector<Row> rows{{"code"}};
        for (const auto& value : table.values) rows[0].push_back(shown_value(value));
        rows[0].push_back("i alt");
        for (std::size_t i = 0; i < table.items.size(); ++i) {
            Row row{table.items[i].name};
            for (std::size_t j = 0; j < columns; ++j) {
                std::string cell = std::to_string(table.at(i, j));
                if (options->percent == "row") cell += " (" + format_number(table.row_percent(i, j), 1) + "%)";
                if (options->percent == "column") cell += " (" + format_number(table.column_percent(i, j), 1) + "%)";
                row.push_back(cell);
            }
            row.push_back(std::to_string(table.row_totals[i]));
            rows.push_back(std::move(row));
        }
        Row totals{"i alt"};
        for (const auto total : table.column_totals) totals.push_back(std::to_string(total));
        totals.push_back(std::to_string(table.total));
        rows.push_back(std::move(totals));
        print_table(rows, options->csv);
    });
}

void add_contrast(CLI::App& app, Context& context) {
    struct Options : AnalysisOptions {
        std::string code, left, right, export_file;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("contrast", "One code's segments for two groups side by side");
    add_analysis_options(*command, *options);
    command->add_option("CODE", options->code, "The code, or theme:NAME")->required();
    command->add_option("--left", options->left, "The first group, e.g. participant.role=Leder")->required();
    command->add_option("--right", options->right, "The second group, e.g. participant.role=Rådgiver")->required();
    command->add_option("--export", options->export_file, "Also write the segments of both groups to a table (.xlsx or .csv)");
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        const auto result = contrast(project, resolve_item(project, options->code), options->filter(project),
                                     parse_condition(options->left), parse_condition(options->right));
        if (!options->export_file.empty()) {
            exporters::write_table(options->export_file, exporters::contrast_sheet(project, result));
            std::cerr << "Wrote " << options->export_file << '\n';
        }
        DocumentStore documents(project);
        if (options->json) {
            auto side = [&](const ContrastSide& s) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& segment : s.segments) list.push_back(segment_json(documents, segment));
                return nlohmann::json{{"group", s.label}, {"segments", list}};
            };
            print_json({{"code", result.item.name}, {"left", side(result.left)}, {"right", side(result.right)}});
            return;
        }
        for (const auto* side : {&result.left, &result.right}) {
            std::cout << "== " << result.item.name << ": " << side->label << " (" << side->segments.size() << ")\n";
            print_segments(project, side->segments, false);
        }
    });
}

}  // namespace

void add_analysis_commands(CLI::App& app, Context& context) {
    add_freq(app, context);
    add_cooccur(app, context);
    add_crosstab(app, context);
    add_contrast(app, context);
}

}  // namespace fokus::cli
