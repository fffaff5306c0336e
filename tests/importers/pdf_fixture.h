#pragma once
// Writes small text PDFs with cairo, one vector of lines a page.
#include <cairo-pdf.h>
#include <cairo.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fokus::testing {

inline void write_pdf(const std::filesystem::path& path, const std::vector<std::vector<std::string>>& pages) {
    cairo_surface_t* surface = cairo_pdf_surface_create(path.string().c_str(), 595, 842);
    cairo_t* cr = cairo_create(surface);
    for (const auto& lines : pages) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 11);
        double y = 60;
        for (const auto& line : lines) {
            if (!line.empty()) {
                cairo_move_to(cr, 60, y);
                cairo_show_text(cr, line.c_str());
            }
            y += line.empty() ? 30 : 16;
        }
        if (lines.empty()) {
            cairo_rectangle(cr, 100, 100, 200, 300);
            cairo_fill(cr);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

}  // namespace fokus::testing
