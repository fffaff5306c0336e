#pragma once
// Codes by an attribute (municipality, BIKVA stage, a participant's role...):
// counts or percentages as a heatmap, and the segments behind a clicked cell.
#include <string>
#include <vector>

#include "analysis/crosstab.h"
#include "coding/project.h"
#include "exporters/heatmap.h"
#include "workbench/heatmap_panel.h"

class wxCheckBox;
class wxChoice;

namespace fokus::workbench {

class CrosstabView : public HeatmapPanel {
public:
    explicit CrosstabView(wxWindow* parent);

    // Reads the attributes on offer and computes the table from the project as it is now.
    void refresh(Project& project);
    // Chooses the attribute by name ("municipality", "participant.role"); false when unknown.
    bool choose_attribute(Project& project, const std::string& name);
    // Lists the segments behind a cell, by code name and value; false when no such cell.
    bool open_cell(const std::string& code, const std::string& value);

private:
    void recompute();
    void redraw();
    void cell_clicked(std::size_t row, std::size_t column) override;
    std::vector<ExportFormat> export_formats() const override;
    exporters::CrosstabShare share() const;

    Project* project_ = nullptr;
    wxChoice* attribute_;
    wxChoice* count_;
    wxChoice* share_;
    wxCheckBox* used_only_;
    std::vector<std::string> attributes_;
    Crosstab table_;
};

}  // namespace fokus::workbench
