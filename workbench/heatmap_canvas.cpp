#include "workbench/heatmap_canvas.h"

#include <wx/dcbuffer.h>
#include <wx/image.h>

#include <cmath>

namespace fokus::workbench {
namespace {

wxBitmap to_bitmap(const exporters::HeatmapImage& image) {
    wxImage picture(image.width, image.height);
    unsigned char* rgb = picture.GetData();
    for (int y = 0; y < image.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.stride));
        for (int x = 0; x < image.width; ++x) {
            // Opaque throughout (the background is painted), so premultiplying changed nothing.
            const std::uint32_t pixel = row[x];
            *rgb++ = static_cast<unsigned char>((pixel >> 16) & 0xFF);
            *rgb++ = static_cast<unsigned char>((pixel >> 8) & 0xFF);
            *rgb++ = static_cast<unsigned char>(pixel & 0xFF);
        }
    }
    return wxBitmap(picture);
}

}  // namespace

HeatmapCanvas::HeatmapCanvas(wxWindow* parent) : wxScrolledCanvas(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(20, 20);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
}

void HeatmapCanvas::set(const exporters::HeatmapImage& image) {
    image_ = image;
    bitmap_ = to_bitmap(image);
    SetVirtualSize(bitmap_.GetWidth(), bitmap_.GetHeight());
    Refresh();
}

void HeatmapCanvas::ScrollWindow(int, int, const wxRect*) { Refresh(); }

wxPoint HeatmapCanvas::scrolled_by() const {
    int x = 0, y = 0;
    CalcUnscrolledPosition(0, 0, &x, &y);
    return {x, y};
}

// Four parts of one picture: the corner stays, the column labels move only
// sideways, the row labels only up and down, and the cells both ways.
void HeatmapCanvas::paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    if (!bitmap_.IsOk()) return;
    const wxPoint scrolled = scrolled_by();
    const int left = static_cast<int>(std::floor(image_.grid_left));
    const int top = static_cast<int>(std::floor(image_.grid_top));
    const wxSize size = GetClientSize();
    const auto draw = [&](wxRect clip, wxPoint offset) {
        clip.Intersect(wxRect(size));
        if (clip.IsEmpty()) return;
        wxDCClipper clipper(dc, clip);
        dc.DrawBitmap(bitmap_, offset.x, offset.y);
    };
    draw(wxRect(left, top, size.x, size.y), wxPoint(-scrolled.x, -scrolled.y));
    draw(wxRect(left, 0, size.x, top), wxPoint(-scrolled.x, 0));
    draw(wxRect(0, top, left, size.y), wxPoint(0, -scrolled.y));
    draw(wxRect(0, 0, left, top), wxPoint(0, 0));
}

std::optional<std::pair<std::size_t, std::size_t>> HeatmapCanvas::cell_at(const exporters::Heatmap& heatmap, wxPoint point) const {
    if (point.x < image_.grid_left || point.y < image_.grid_top) return std::nullopt;
    const wxPoint scrolled = scrolled_by();
    return exporters::cell_at(image_, heatmap, point.x + scrolled.x, point.y + scrolled.y);
}

}  // namespace fokus::workbench
