#pragma once
// The co-occurrence view: the code × code heatmap for the chosen relation and
// measure, and beside it the segments behind the clicked cell.
#include <optional>
#include <string>
#include <vector>

#include "analysis/cooccurrence.h"
#include "coding/project.h"
#include "exporters/heatmap.h"
#include "exporters/matrix_table.h"
#include "workbench/heatmap_panel.h"

class wxCheckBox;
class wxChoice;

namespace fokus::workbench {

class CooccurrenceView : public HeatmapPanel {
public:
    explicit CooccurrenceView(wxWindow* parent);

    // Computes the matrix from the project as it is now.
    void refresh(Project& project);
    // Lists the segments behind a cell, by code names; false when no such cell.
    bool open_cell(Project& project, const std::string& row, const std::string& column);

    const CooccurrenceMatrix& matrix() const { return matrix_; }
    exporters::CooccurrenceMeasure measure() const;

private:
    CooccurrenceOptions relation() const;
    void redraw();
    void cell_clicked(std::size_t row, std::size_t column) override;
    std::vector<ExportFormat> export_formats() const override;

    Project* project_ = nullptr;
    wxChoice* relation_;
    wxChoice* measure_;
    wxCheckBox* used_only_;
    std::vector<Segment> all_segments_;
    bool segments_have_turns_ = false;
    CooccurrenceMatrix matrix_;
};

}  // namespace fokus::workbench
