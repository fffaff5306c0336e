#pragma once
// A heatmap drawn by the exporters' cairo code, shown in a scrolling canvas
// whose row labels stay at the left and column labels at the top while the
// cells scroll, as frozen panes do in a spreadsheet.
#include <wx/scrolwin.h>

#include <cstddef>
#include <optional>
#include <utility>

#include "exporters/heatmap.h"

namespace fokus::workbench {

class HeatmapCanvas : public wxScrolledCanvas {
public:
    explicit HeatmapCanvas(wxWindow* parent);
    void set(const exporters::HeatmapImage& image);
    // The cell (row, column) under a point of the window, if any; a label is no cell.
    std::optional<std::pair<std::size_t, std::size_t>> cell_at(const exporters::Heatmap& heatmap, wxPoint point) const;

    // The labels are painted where they stay, so scrolling repaints rather than moves pixels.
    void ScrollWindow(int dx, int dy, const wxRect* rect = nullptr) override;

private:
    void paint();
    wxPoint scrolled_by() const;

    exporters::HeatmapImage image_;
    wxBitmap bitmap_;
};

}  // namespace fokus::workbench
