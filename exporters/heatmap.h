#pragma once
// A heatmap of an analysis matrix for a report: code names readable, each cell
// shaded by its value and labelled with it. Drawn with cairo as PNG or SVG,
// or as pixels for a face to show.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "exporters/matrix_table.h"

namespace fokus::exporters {

struct Heatmap {
    std::string title;
    std::string caption;                     // what the numbers are, under the map
    std::vector<std::string> row_labels;
    std::vector<std::string> column_labels;
    std::vector<double> values;              // row-major
    std::vector<bool> muted;                 // cells drawn grey (a code with itself); empty for none
    int decimals = 0;
};

Heatmap cooccurrence_heatmap(const CooccurrenceMatrix& matrix, CooccurrenceMeasure measure);
Heatmap crosstab_heatmap(const Crosstab& table, CrosstabShare share);

// Pixels in cairo's ARGB32 layout (premultiplied, native-endian 32-bit words).
struct HeatmapImage {
    int width = 0;
    int height = 0;
    int stride = 0;  // bytes per row
    std::vector<std::uint8_t> pixels;
    // Where the cells are, in pixels, so that a face can tell which was clicked.
    double grid_left = 0;
    double grid_top = 0;
    double cell_size = 0;
};
// The cell under a point of the image as (row, column), if any.
std::optional<std::pair<std::size_t, std::size_t>> cell_at(const HeatmapImage& image, const Heatmap& heatmap, double x, double y);
HeatmapImage render_heatmap(const Heatmap& heatmap, double scale = 1.0);

// The format follows the extension (.png or .svg); InputError for any other.
void write_heatmap(const std::filesystem::path& target, const Heatmap& heatmap);

}  // namespace fokus::exporters
