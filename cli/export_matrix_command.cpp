// export-matrix: the co-occurrence matrix or a crosstab as CSV, XLSX, or a
// heatmap image (PNG, SVG) for a report.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/analysis_options.h"
#include "cli/context.h"
#include "cli/number_checks.h"
#include "coding/error.h"
#include "exporters/heatmap.h"
#include "exporters/matrix_table.h"

namespace fokus::cli {

namespace {

struct MatrixExportOptions : AnalysisOptions {
    std::string output;
    std::string by;
    std::string relation = "overlap";
    std::int64_t distance = 0;
    std::string measure = "pairs";
    std::string count = "codings";
    std::string share = "count";
};

std::string lower_extension(const std::string& path) {
    auto extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return extension;
}

void export_tables(const std::string& output, const std::string& extension, const std::vector<exporters::Table>& all,
                   const exporters::Table& chosen) {
    if (extension == ".csv") {
        exporters::write_csv(output, chosen);
    } else {
        exporters::write_xlsx(output, all);
    }
}

}  // namespace

void add_matrix_export_commands(CLI::App& app, Context& context) {
    auto options = std::make_shared<MatrixExportOptions>();
    auto* command = app.add_subcommand(
        "export-matrix",
        "Write the co-occurrence matrix, or with --by a crosstab, as .csv, .xlsx (every measure a sheet), or a heatmap .png/.svg");
    add_analysis_options(*command, *options);
    command->add_option("FILE", options->output, "Where to write; the format follows the extension")->required();
    command->add_option("--by", options->by, "Export a crosstab of the codes by this attribute (municipality, participant.role ...)");
    command->add_option("--relation", options->relation, "Co-occurrence: overlap, inside, turn or near")->capture_default_str();
    command->add_option("--distance", options->distance, "For near: at most this many characters apart")
        ->check(whole_number_from(0));
    command->add_option("--measure", options->measure, "Co-occurrence measure in .csv and heatmaps: pairs, segments, documents, c, jaccard")
        ->check(CLI::IsMember({"pairs", "segments", "documents", "c", "jaccard"}))
        ->capture_default_str();
    command->add_option("--count", options->count, "Crosstab: count codings, documents or participants")->capture_default_str();
    command->add_option("--share", options->share, "Crosstab in .csv and heatmaps: count, row (percent) or column (percent)")
        ->check(CLI::IsMember({"count", "row", "column"}))
        ->capture_default_str();
    command->callback([&context, options] {
        const std::string extension = lower_extension(options->output);
        if (extension != ".csv" && extension != ".xlsx" && extension != ".png" && extension != ".svg") {
            throw InputError("cannot write \"" + options->output + "\": the file must end in .csv, .xlsx, .png or .svg");
        }
        auto project = context.open(options->path, false);
        const auto filter = options->filter(project);
        const auto items = options->items(project);
        const bool image = extension == ".png" || extension == ".svg";
        if (!options->by.empty()) {
            const auto table = crosstab(project, items, filter, parse_attribute(options->by), parse_crosstab_count(options->count));
            const auto share = exporters::parse_crosstab_share(options->share);
            if (image) {
                exporters::write_heatmap(options->output, exporters::crosstab_heatmap(table, share));
            } else {
                export_tables(options->output, extension, exporters::crosstab_tables(table), exporters::crosstab_table(table, share));
            }
        } else {
            const CooccurrenceOptions relation{parse_relation(options->relation), options->distance};
            const auto detail = relation.relation == Relation::SameTurn ? SegmentDetail::Turns : SegmentDetail::CodingsOnly;
            const auto matrix = cooccurrence(load_segments(project, filter, detail), items, relation);
            const auto measure = exporters::parse_cooccurrence_measure(options->measure);
            if (image) {
                exporters::write_heatmap(options->output, exporters::cooccurrence_heatmap(matrix, measure));
            } else {
                export_tables(options->output, extension, exporters::cooccurrence_tables(matrix),
                              exporters::cooccurrence_table(matrix, measure));
            }
        }
        std::cout << "Wrote " << options->output << '\n';
    });
}

}  // namespace fokus::cli
