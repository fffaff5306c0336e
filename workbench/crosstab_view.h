#pragma once
// Codes by an attribute (municipality, BIKVA stage, a participant's role...):
// counts or percentages as a heatmap, and the segments behind a clicked cell.
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "analysis/crosstab.h"
#include "coding/project.h"
#include "exporters/heatmap.h"

class wxCheckBox;
class wxChoice;
class wxStaticText;

namespace fokus::workbench {

class HeatmapCanvas;
class SegmentsList;

class CrosstabView : public wxPanel {
public:
    explicit CrosstabView(wxWindow* parent);

    // Reads the attributes on offer and computes the table from the project as it is now.
    void refresh(Project& project);
    // Chooses the attribute by name ("municipality", "participant.role"); false when unknown.
    bool choose_attribute(Project& project, const std::string& name);
    // Lists the segments behind a cell, by code name and value; false when no such cell.
    bool open_cell(const std::string& code, const std::string& value);
    void on_jump(std::function<void(Id document, Span span)> callback);

private:
    void recompute();
    void redraw();
    void show_cell(std::size_t row, std::size_t column);
    void export_table();
    exporters::CrosstabShare share() const;

    Project* project_ = nullptr;
    wxChoice* attribute_;
    wxChoice* count_;
    wxChoice* share_;
    wxCheckBox* used_only_;
    HeatmapCanvas* canvas_;
    wxStaticText* cell_caption_;
    SegmentsList* segments_;
    std::vector<std::string> attributes_;
    Crosstab table_;
    exporters::Heatmap heatmap_;
    exporters::HeatmapImage image_;
};

}  // namespace fokus::workbench
