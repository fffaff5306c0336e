#pragma once
// What the co-occurrence and crosstab views share: a row of choices ending in
// Export…, the heatmap's title and caption, the heatmap with its labels in
// view, and beside it the segments behind the clicked cell. A view adds its
// choices, shows its heatmap, and says which cell holds which segments.
#include <wx/panel.h>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <vector>

#include "coding/project.h"
#include "coding/segments.h"
#include "exporters/heatmap.h"
#include "workbench/save_dialog.h"

class wxBoxSizer;
class wxCheckBox;
class wxChoice;
class wxSplitterWindow;
class wxStaticText;

namespace fokus::workbench {

class HeatmapCanvas;
class SegmentsList;

class HeatmapPanel : public wxPanel {
public:
    void on_jump(std::function<void(Id document, Span span)> callback);
    const exporters::Heatmap& heatmap() const { return heatmap_; }
    // Scrolls the cells by steps right and down (negative: back), as the scroll bars would.
    void scroll_cells(int right, int down);

protected:
    // `what` names the export in the save dialog ("Export the crosstab"), `file` its first name without extension.
    HeatmapPanel(wxWindow* parent, const wxString& what, const wxString& file, const wxString& export_help);

    // A choice in the row above the heatmap, after those added before; with its label before it when given.
    void add_control(wxWindow* control, const wxString& label = {});
    // A choice of `items`, the first chosen, added as add_control does.
    wxChoice* add_choice(std::initializer_list<wxString> items, const wxString& label = {});
    // "Only codes in use", ticked, added as add_control does.
    wxCheckBox* add_used_only();
    // Shows the heatmap; its title and caption are written above it rather than in the picture.
    void show_heatmap(exporters::Heatmap heatmap);
    void show_cell(Project& project, const wxString& caption, std::vector<Segment> segments);
    // The cell shown belonged to the heatmap before.
    void clear_cell(Project& project);

    virtual void cell_clicked(std::size_t row, std::size_t column) = 0;
    // What Export… offers, the first suggested.
    virtual std::vector<ExportFormat> export_formats() const = 0;

private:
    wxString cell_tip(std::size_t row, std::size_t column) const;
    void fit_sash();

    wxBoxSizer* controls_;
    wxStaticText* caption_;
    wxSplitterWindow* split_;
    HeatmapCanvas* canvas_;
    wxStaticText* cell_caption_;
    SegmentsList* segments_;
    exporters::Heatmap heatmap_;
    int heatmap_width_ = 0;
    bool sash_moved_ = false;
};

}  // namespace fokus::workbench
