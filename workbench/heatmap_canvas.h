#pragma once
// A heatmap drawn by the exporters' cairo code, shown in a scrolling canvas.
#include <wx/scrolwin.h>

#include "exporters/heatmap.h"

namespace fokus::workbench {

class HeatmapCanvas : public wxScrolledCanvas {
public:
    explicit HeatmapCanvas(wxWindow* parent);
    void set(const exporters::HeatmapImage& image);

private:
    wxBitmap bitmap_;
};

}  // namespace fokus::workbench
