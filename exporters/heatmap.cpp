#include "exporters/heatmap.h"

#include <algorithm>
#include <cairo-svg.h>
#include <cairo.h>
#include <cmath>
#include <cstdio>
#include <memory>

#include "coding/error.h"
#include "coding/output_file.h"

namespace fokus::exporters {

namespace {

constexpr double cell_size = 34;
constexpr double margin = 16;
constexpr double gap = 8;
constexpr double label_font = 12;
constexpr double value_font = 10.5;
constexpr double title_font = 15;
constexpr const char* font_family = "DejaVu Sans";

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

// Figures go into Danish reports, so the decimal mark is a comma.
std::string format_value(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (const auto point = text.find('.'); point != std::string::npos) text[point] = ',';
    return text;
}

double text_width(cairo_t* cr, const std::string& text, double size, bool bold = false) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    return extents.x_advance;
}

// The space the labels need, measured with the fonts they are drawn in.
struct Layout {
    double row_label_width = 0;
    double column_label_height = 0;
    double grid_left = 0;
    double grid_top = 0;
    double width = 0;
    double height = 0;
};

Layout measure(const Heatmap& heatmap) {
    Surface scratch{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)};
    Context cr{cairo_create(scratch.get())};
    Layout layout;
    for (const auto& label : heatmap.row_labels) {
        layout.row_label_width = std::max(layout.row_label_width, text_width(cr.get(), label, label_font));
    }
    double longest_column = 0;
    for (const auto& label : heatmap.column_labels) {
        longest_column = std::max(longest_column, text_width(cr.get(), label, label_font));
    }
    // Column labels run up at 45 degrees, so they need height and reach right.
    layout.column_label_height = longest_column * std::sqrt(0.5) + label_font;
    const double title_height = heatmap.title.empty() ? 0 : title_font + gap * 2;
    layout.grid_left = margin + layout.row_label_width + gap;
    layout.grid_top = margin + title_height + layout.column_label_height + gap;
    const double grid_width = cell_size * static_cast<double>(heatmap.column_labels.size());
    const double grid_height = cell_size * static_cast<double>(heatmap.row_labels.size());
    const double title_width = text_width(cr.get(), heatmap.title, title_font, true);
    const double caption_width = text_width(cr.get(), heatmap.caption, label_font);
    layout.width = std::max({layout.grid_left + grid_width + layout.column_label_height, margin * 2 + title_width,
                             layout.grid_left + caption_width + margin});
    layout.height = layout.grid_top + grid_height + gap + label_font * 2 + margin;
    return layout;
}

struct Colour {
    double r, g, b;
};

// From near-white to a deep blue: readable in print and for most colour vision.
Colour shade(double fraction) {
    const Colour low{0.97, 0.98, 1.0}, high{0.03, 0.19, 0.42};
    fraction = std::clamp(fraction, 0.0, 1.0);
    return {low.r + (high.r - low.r) * fraction, low.g + (high.g - low.g) * fraction,
            low.b + (high.b - low.b) * fraction};
}

void draw(cairo_t* cr, const Heatmap& heatmap, const Layout& layout) {
    const std::size_t rows = heatmap.row_labels.size(), columns = heatmap.column_labels.size();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    if (!heatmap.title.empty()) {
        text_width(cr, heatmap.title, title_font, true);
        cairo_move_to(cr, margin, margin + title_font);
        cairo_show_text(cr, heatmap.title.c_str());
    }

    double highest = 0;
    for (std::size_t i = 0; i < heatmap.values.size(); ++i) {
        const bool muted = i < heatmap.muted.size() && heatmap.muted[i];
        if (!muted) highest = std::max(highest, heatmap.values[i]);
    }

    for (std::size_t row = 0; row < rows; ++row) {
        const double y = layout.grid_top + cell_size * static_cast<double>(row);
        const double width = text_width(cr, heatmap.row_labels[row], label_font);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_move_to(cr, layout.grid_left - gap - width, y + cell_size / 2 + label_font * 0.35);
        cairo_show_text(cr, heatmap.row_labels[row].c_str());
        for (std::size_t column = 0; column < columns; ++column) {
            const std::size_t index = row * columns + column;
            const double value = heatmap.values[index];
            const bool muted = index < heatmap.muted.size() && heatmap.muted[index];
            const double x = layout.grid_left + cell_size * static_cast<double>(column);
            const double fraction = highest > 0 ? value / highest : 0;
            const Colour colour = muted ? Colour{0.88, 0.88, 0.88} : shade(fraction);
            cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
            cairo_rectangle(cr, x, y, cell_size, cell_size);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 1);
            cairo_stroke(cr);
            if (value == 0 && !muted) continue;
            const std::string text = format_value(value, heatmap.decimals);
            const bool dark = !muted && fraction > 0.5;
            dark ? cairo_set_source_rgb(cr, 1, 1, 1) : cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
            const double text_w = text_width(cr, text, value_font);
            cairo_move_to(cr, x + (cell_size - text_w) / 2, y + cell_size / 2 + value_font * 0.35);
            cairo_show_text(cr, text.c_str());
        }
    }

    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (std::size_t column = 0; column < columns; ++column) {
        const double x = layout.grid_left + cell_size * (static_cast<double>(column) + 0.5);
        text_width(cr, heatmap.column_labels[column], label_font);
        cairo_save(cr);
        cairo_move_to(cr, x, layout.grid_top - gap / 2);
        cairo_rotate(cr, -M_PI / 4);
        cairo_show_text(cr, heatmap.column_labels[column].c_str());
        cairo_restore(cr);
    }

    if (!heatmap.caption.empty()) {
        text_width(cr, heatmap.caption, label_font);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        cairo_move_to(cr, layout.grid_left,
                      layout.grid_top + cell_size * static_cast<double>(rows) + gap + label_font);
        cairo_show_text(cr, heatmap.caption.c_str());
    }
}

// Attribute keys as the sample sheets name them, in the words of a Danish report.
std::string attribute_label(const std::string& name) {
    static const std::pair<const char*, const char*> labels[] = {
        {"municipality", "kommune"}, {"bikva_stage", "BIKVA-trin"}, {"interview_form", "interviewform"},
        {"role", "rolle"},           {"work_area", "arbejdsområde"}, {"seniority", "anciennitet"},
        {"gender", "køn"},           {"age", "alder"}};
    for (const auto& [key, label] : labels) {
        if (name == key) return label;
    }
    return name;
}

void check_shape(const Heatmap& heatmap) {
    if (heatmap.values.size() != heatmap.row_labels.size() * heatmap.column_labels.size()) {
        throw InputError("a heatmap needs one value per cell: " + std::to_string(heatmap.values.size()) +
                         " values for " + std::to_string(heatmap.row_labels.size()) + " × " +
                         std::to_string(heatmap.column_labels.size()) + " cells");
    }
}

void check_surface(cairo_surface_t* surface, const std::filesystem::path& target) {
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        throw FileError(target.string(), std::string("could not draw the heatmap: ") +
                                             cairo_status_to_string(cairo_surface_status(surface)));
    }
}

}  // namespace

Heatmap cooccurrence_heatmap(const CooccurrenceMatrix& matrix, CooccurrenceMeasure measure) {
    Heatmap heatmap;
    heatmap.title = "Samforekomst af koder";
    const bool ratio = measure == CooccurrenceMeasure::C || measure == CooccurrenceMeasure::Jaccard;
    heatmap.decimals = ratio ? 2 : 0;
    heatmap.caption = std::string(ratio ? "Mål: " : "Antal: ") +
                      (measure == CooccurrenceMeasure::Pairs       ? "par af kodede segmenter"
                       : measure == CooccurrenceMeasure::Segments  ? "segmenter der indgår i samforekomst"
                       : measure == CooccurrenceMeasure::Documents ? "dokumenter med samforekomst"
                       : measure == CooccurrenceMeasure::C         ? "c-koefficient"
                                                                   : "Jaccard") +
                      ". Grå felter: koden med sig selv.";
    for (const auto& item : matrix.items) {
        heatmap.row_labels.push_back(item.name);
        heatmap.column_labels.push_back(item.name);
    }
    const std::size_t n = matrix.items.size();
    for (std::size_t row = 0; row < n; ++row) {
        for (std::size_t column = 0; column < n; ++column) {
            heatmap.values.push_back(measure_of(matrix.at(row, column), measure));
            heatmap.muted.push_back(row == column);
        }
    }
    return heatmap;
}

Heatmap crosstab_heatmap(const Crosstab& table, CrosstabShare share) {
    Heatmap heatmap;
    heatmap.title = "Koder efter " + attribute_label(table.attribute.name);
    heatmap.decimals = share == CrosstabShare::Count ? 0 : 1;
    const char* counted = table.count == CrosstabCount::Codings     ? "kodninger"
                          : table.count == CrosstabCount::Documents ? "dokumenter"
                                                                    : "deltagere";
    heatmap.caption = share == CrosstabShare::Count         ? std::string("Antal ") + counted + "."
                      : share == CrosstabShare::RowPercent ? std::string("Procent af kodens ") + counted + " (række)."
                                                            : std::string("Procent af kolonnens ") + counted + ".";
    for (const auto& item : table.items) heatmap.row_labels.push_back(item.name);
    for (const auto& value : table.values) heatmap.column_labels.push_back(crosstab_column_label(value));
    for (std::size_t row = 0; row < table.items.size(); ++row) {
        for (std::size_t column = 0; column < table.values.size(); ++column) {
            heatmap.values.push_back(share_of(table, row, column, share));
        }
    }
    return heatmap;
}

HeatmapImage render_heatmap(const Heatmap& heatmap, double scale) {
    check_shape(heatmap);
    const Layout layout = measure(heatmap);
    HeatmapImage image;
    image.width = static_cast<int>(std::ceil(layout.width * scale));
    image.height = static_cast<int>(std::ceil(layout.height * scale));
    image.stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, image.width);
    image.pixels.assign(static_cast<std::size_t>(image.stride) * static_cast<std::size_t>(image.height), 0);
    Surface surface{cairo_image_surface_create_for_data(image.pixels.data(), CAIRO_FORMAT_ARGB32, image.width,
                                                        image.height, image.stride)};
    check_surface(surface.get(), "heatmap");
    Context cr{cairo_create(surface.get())};
    cairo_scale(cr.get(), scale, scale);
    draw(cr.get(), heatmap, layout);
    cairo_surface_flush(surface.get());
    image.grid_left = layout.grid_left * scale;
    image.grid_top = layout.grid_top * scale;
    image.cell_size = cell_size * scale;
    return image;
}

std::optional<std::pair<std::size_t, std::size_t>> cell_at(const HeatmapImage& image, const Heatmap& heatmap, double x,
                                                            double y) {
    if (image.cell_size <= 0 || x < image.grid_left || y < image.grid_top) return std::nullopt;
    const auto row = static_cast<std::size_t>((y - image.grid_top) / image.cell_size);
    const auto column = static_cast<std::size_t>((x - image.grid_left) / image.cell_size);
    if (row >= heatmap.row_labels.size() || column >= heatmap.column_labels.size()) return std::nullopt;
    return std::pair{row, column};
}

void write_heatmap(const std::filesystem::path& target, const Heatmap& heatmap) {
    check_shape(heatmap);
    auto extension = target.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension != ".png" && extension != ".svg") {
        throw InputError("cannot draw a heatmap as \"" + target.filename().string() + "\": use .png or .svg");
    }
    const Layout layout = measure(heatmap);
    write_atomically(target, [&](const std::filesystem::path& temporary) {
        if (extension == ".svg") {
            Surface surface{cairo_svg_surface_create(temporary.c_str(), layout.width, layout.height)};
            check_surface(surface.get(), target);
            {
                Context cr{cairo_create(surface.get())};
                draw(cr.get(), heatmap, layout);
            }
            cairo_surface_finish(surface.get());
            check_surface(surface.get(), target);
            return;
        }
        // Twice the size, so that the figure stays sharp when placed in a report.
        constexpr double print_scale = 2.0;
        Surface surface{cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                   static_cast<int>(std::ceil(layout.width * print_scale)),
                                                   static_cast<int>(std::ceil(layout.height * print_scale)))};
        check_surface(surface.get(), target);
        {
            Context cr{cairo_create(surface.get())};
            cairo_scale(cr.get(), print_scale, print_scale);
            draw(cr.get(), heatmap, layout);
        }
        const cairo_status_t status = cairo_surface_write_to_png(surface.get(), temporary.c_str());
        if (status != CAIRO_STATUS_SUCCESS) {
            throw FileError(target.string(), std::string("could not be written: ") + cairo_status_to_string(status));
        }
    });
}

}  // namespace fokus::exporters
