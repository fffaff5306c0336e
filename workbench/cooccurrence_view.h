#pragma once
// The co-occurrence view: the code × code heatmap for the chosen relation and
// measure, and beside it the segments behind the clicked cell.
#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/cooccurrence.h"
#include "coding/project.h"
#include "exporters/heatmap.h"

class wxCheckBox;
class wxChoice;
class wxStaticText;

namespace fokus::workbench {

class HeatmapCanvas;
class SegmentsList;

class CooccurrenceView : public wxPanel {
public:
    explicit CooccurrenceView(wxWindow* parent);

    // Computes the matrix from the project as it is now.
    void refresh(Project& project);
    // Lists the segments behind a cell, by code names; false when no such cell.
    bool open_cell(Project& project, const std::string& row, const std::string& column);
    void on_jump(std::function<void(Id document, Span span)> callback);
    void on_export(std::function<void()> callback) { export_ = std::move(callback); }

    const exporters::Heatmap& heatmap() const { return heatmap_; }
    const CooccurrenceMatrix& matrix() const { return matrix_; }
    exporters::CooccurrenceMeasure measure() const;

private:
    CooccurrenceOptions relation() const;
    void redraw();
    void show_cell(std::size_t row, std::size_t column);

    Project* project_ = nullptr;
    wxChoice* relation_;
    wxChoice* measure_;
    wxCheckBox* used_only_;
    HeatmapCanvas* canvas_;
    wxStaticText* cell_caption_;
    SegmentsList* segments_;
    std::vector<Segment> all_segments_;
    bool segments_have_turns_ = false;
    CooccurrenceMatrix matrix_;
    exporters::Heatmap heatmap_;
    exporters::HeatmapImage image_;
    std::function<void()> export_;
};

}  // namespace fokus::workbench
