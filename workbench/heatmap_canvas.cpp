#include "workbench/heatmap_canvas.h"

#include <wx/dcbuffer.h>
#include <wx/image.h>

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
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        DoPrepareDC(dc);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        if (bitmap_.IsOk()) dc.DrawBitmap(bitmap_, 0, 0);
    });
}

void HeatmapCanvas::set(const exporters::HeatmapImage& image) {
    bitmap_ = to_bitmap(image);
    SetVirtualSize(bitmap_.GetWidth(), bitmap_.GetHeight());
    Refresh();
}

}  // namespace fokus::workbench
