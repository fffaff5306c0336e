#include "workbench/heatmap_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <algorithm>

#include "workbench/heatmap_canvas.h"
#include "workbench/segments_list.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// The heatmap is given its width, up to what leaves the cell list this much;
// the cell list keeps its width when the window is resized.
constexpr int narrowest_cell_list = 500;
constexpr int narrowest_heatmap = 300;

// On screen the column labels are cut short, so that the slanted labels leave
// room for the cells; the full names are in the cells' tooltips.
constexpr std::size_t longest_column_label = 18;
constexpr std::size_t longest_row_label = 34;

wxString click_a_cell() { return _("Click a cell to see the segments behind it."); }

std::string shortened(const std::string& label, std::size_t longest) {
    const wxString text = to_wx(label);
    if (text.length() <= longest) return label;
    return from_wx(text.Left(longest - 1).Trim() + wxString::FromUTF8("…"));
}

}  // namespace

HeatmapPanel::HeatmapPanel(wxWindow* parent, const wxString& what, const wxString& file, const wxString& export_help)
    : wxPanel(parent) {
    auto* export_button = new wxButton(this, wxID_ANY, _("Export…"));
    export_button->SetToolTip(export_help);
    caption_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    caption_->SetForegroundColour(wxColour(70, 70, 70));

    split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    canvas_ = new HeatmapCanvas(split_);
    auto* right = new wxPanel(split_);
    cell_caption_ = new wxStaticText(right, wxID_ANY, click_a_cell(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    segments_ = new SegmentsList(right);
    auto* right_column = new wxBoxSizer(wxVERTICAL);
    right_column->Add(cell_caption_, 0, wxEXPAND | wxALL, 4);
    right_column->Add(segments_, 1, wxEXPAND);
    right->SetSizer(right_column);
    split_->SetSashGravity(1.0);
    split_->SetMinimumPaneSize(240);
    split_->SplitVertically(canvas_, right, -narrowest_cell_list);

    controls_ = new wxBoxSizer(wxHORIZONTAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(controls_, 0, wxALIGN_CENTER_VERTICAL);
    // What the figures count, on the same line, so that the cells have the height.
    top->Add(caption_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(export_button, 0, wxALIGN_CENTER_VERTICAL);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, 0, wxEXPAND | wxALL, 4);
    column->Add(split_, 1, wxEXPAND);
    SetSizer(column);

    export_button->Bind(wxEVT_BUTTON, [this, what, file](wxCommandEvent&) { export_by_type(this, what, file, export_formats()); });
    canvas_->Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
        if (const auto cell = canvas_->cell_at(heatmap_, event.GetPosition())) cell_clicked(cell->first, cell->second);
    });
    split_->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& event) {
        sash_moved_ = true;
        event.Skip();
    });
    split_->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] { fit_sash(); });
    });
    canvas_->Bind(wxEVT_MOTION, [this](wxMouseEvent& event) {
        event.Skip();
        const auto cell = canvas_->cell_at(heatmap_, event.GetPosition());
        canvas_->SetToolTip(cell ? cell_tip(cell->first, cell->second) : wxString());
    });
}

void HeatmapPanel::on_jump(std::function<void(Id, Span)> callback) { segments_->on_jump(std::move(callback)); }

void HeatmapPanel::add_control(wxWindow* control, const wxString& label) {
    if (!label.empty()) controls_->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    controls_->Add(control, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
}

wxChoice* HeatmapPanel::add_choice(std::initializer_list<wxString> items, const wxString& label) {
    auto* choice = new wxChoice(this, wxID_ANY);
    for (const auto& item : items) choice->Append(item);
    if (!choice->IsEmpty()) choice->SetSelection(0);
    add_control(choice, label);
    return choice;
}

wxCheckBox* HeatmapPanel::add_used_only() {
    auto* used_only = new wxCheckBox(this, wxID_ANY, _("Only codes in use"));
    used_only->SetValue(true);
    add_control(used_only);
    return used_only;
}

void HeatmapPanel::show_heatmap(exporters::Heatmap heatmap) {
    wxString caption = to_wx(heatmap.title);
    if (!caption.empty() && !heatmap.caption.empty()) caption += wxString::FromUTF8(" – ");
    caption_->SetLabel(caption + to_wx(heatmap.caption));
    caption_->SetToolTip(caption_->GetLabel());
    heatmap_ = std::move(heatmap);
    // The picture holds only the labels and cells, so that the labels can stay in view.
    auto grid = heatmap_;
    grid.title.clear();
    grid.caption.clear();
    for (auto& label : grid.column_labels) label = shortened(label, longest_column_label);
    for (auto& label : grid.row_labels) label = shortened(label, longest_row_label);
    const auto image = exporters::render_heatmap(grid, GetContentScaleFactor());
    heatmap_width_ = static_cast<int>(image.width / GetContentScaleFactor());
    canvas_->set(image);
    Layout();
    fit_sash();
}

// Until the researcher moves the divider, the heatmap has the width it needs
// and the cell list, whose text is read, the rest.
void HeatmapPanel::fit_sash() {
    const int total = split_->GetClientSize().GetWidth();
    if (sash_moved_ || heatmap_width_ == 0 || total < narrowest_heatmap + narrowest_cell_list) return;
    const int scroll_bar = 20;
    split_->SetSashPosition(std::clamp(heatmap_width_ + scroll_bar, narrowest_heatmap, total - narrowest_cell_list));
}

// "Row × column: value", with the names in full.
wxString HeatmapPanel::cell_tip(std::size_t row, std::size_t column) const {
    const std::size_t at = row * heatmap_.column_labels.size() + column;
    if (row >= heatmap_.row_labels.size() || column >= heatmap_.column_labels.size() || at >= heatmap_.values.size()) return {};
    return wxString::Format(wxString::FromUTF8("%s × %s: %s"), to_wx(heatmap_.row_labels[row]), to_wx(heatmap_.column_labels[column]),
                            wxString::FromDouble(heatmap_.values[at], heatmap_.decimals));
}

void HeatmapPanel::scroll_cells(int right, int down) {
    int x = 0, y = 0;
    canvas_->GetViewStart(&x, &y);
    canvas_->Scroll(std::max(0, x + right), std::max(0, y + down));
}

void HeatmapPanel::show_cell(Project& project, const wxString& caption, std::vector<Segment> segments) {
    cell_caption_->SetLabel(caption);
    cell_caption_->SetToolTip(caption);
    segments_->show_segments(project, std::move(segments));
}

void HeatmapPanel::clear_cell(Project& project) { show_cell(project, click_a_cell(), {}); }

}  // namespace fokus::workbench
