#include "workbench/heatmap_labels.h"
#include "workbench/attribute_labels.h"
#include "workbench/crosstab_view.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <algorithm>

#include "coding/attributes.h"
#include "exporters/matrix_table.h"
#include "workbench/heatmap_canvas.h"
#include "workbench/segments_list.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

const CrosstabCount counts[] = {CrosstabCount::Codings, CrosstabCount::Documents, CrosstabCount::Participants};

// Document attributes as they are named, participants' with "participant." before them.
std::vector<std::string> attributes_of(Project& project) {
    return AttributeCatalogue(project).all();
}

}  // namespace

CrosstabView::CrosstabView(wxWindow* parent) : wxPanel(parent) {
    attribute_ = new wxChoice(this, wxID_ANY);
    count_ = new wxChoice(this, wxID_ANY);
    count_->Append(_("Codings"));
    count_->Append(_("Documents"));
    count_->Append(_("Participants"));
    count_->SetSelection(0);
    share_ = new wxChoice(this, wxID_ANY);
    share_->Append(_("Counts"));
    share_->Append(_("Percent of the code (row)"));
    share_->Append(_("Percent of the group (column)"));
    share_->SetSelection(0);
    used_only_ = new wxCheckBox(this, wxID_ANY, _("Only codes in use"));
    used_only_->SetValue(true);
    auto* export_button = new wxButton(this, wxID_ANY, _("Export…"));
    export_button->SetToolTip(_("Save the table as a heatmap (PNG, SVG) or a table (XLSX, CSV)"));

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    canvas_ = new HeatmapCanvas(split);
    auto* right = new wxPanel(split);
    cell_caption_ = new wxStaticText(right, wxID_ANY, _("Click a cell to see the segments behind it."));
    segments_ = new SegmentsList(right);
    auto* right_column = new wxBoxSizer(wxVERTICAL);
    right_column->Add(cell_caption_, 0, wxALL, 4);
    right_column->Add(segments_, 1, wxEXPAND);
    right->SetSizer(right_column);
    split->SetSashGravity(1.0);
    split->SetMinimumPaneSize(200);
    split->SplitVertically(canvas_, right, -460);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Codes by")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    top->Add(attribute_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(new wxStaticText(this, wxID_ANY, _("Count")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    top->Add(count_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(share_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(used_only_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->AddStretchSpacer();
    top->Add(export_button, 0, wxALIGN_CENTER_VERTICAL);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, 0, wxEXPAND | wxALL, 4);
    column->Add(split, 1, wxEXPAND);
    SetSizer(column);

    const auto recompute_now = [this](wxCommandEvent&) { recompute(); };
    attribute_->Bind(wxEVT_CHOICE, recompute_now);
    count_->Bind(wxEVT_CHOICE, recompute_now);
    used_only_->Bind(wxEVT_CHECKBOX, recompute_now);
    share_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { redraw(); });
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_table(); });
    canvas_->Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
        int x = 0, y = 0;
        canvas_->CalcUnscrolledPosition(event.GetX(), event.GetY(), &x, &y);
        if (const auto cell = exporters::cell_at(image_, heatmap_, x, y)) show_cell(cell->first, cell->second);
    });
}

void CrosstabView::on_jump(std::function<void(Id, Span)> callback) { segments_->on_jump(std::move(callback)); }

exporters::CrosstabShare CrosstabView::share() const {
    const exporters::CrosstabShare shares[] = {exporters::CrosstabShare::Count, exporters::CrosstabShare::RowPercent,
                                               exporters::CrosstabShare::ColumnPercent};
    return shares[std::max(0, share_->GetSelection())];
}

void CrosstabView::refresh(Project& project) {
    project_ = &project;
    const std::string chosen = attribute_->GetSelection() >= 0 && static_cast<std::size_t>(attribute_->GetSelection()) < attributes_.size()
                                   ? attributes_[static_cast<std::size_t>(attribute_->GetSelection())]
                                   : std::string("municipality");
    attributes_ = attributes_of(project);
    attribute_->Clear();
    for (const auto& name : attributes_) attribute_->Append(attribute_label(name));
    const auto found = std::find(attributes_.begin(), attributes_.end(), chosen);
    if (!attributes_.empty()) attribute_->SetSelection(found != attributes_.end() ? static_cast<int>(found - attributes_.begin()) : 0);
    Layout();
    recompute();
}

bool CrosstabView::choose_attribute(Project& project, const std::string& name) {
    if (!project_) refresh(project);
    const auto found = std::find(attributes_.begin(), attributes_.end(), name);
    if (found == attributes_.end()) return false;
    attribute_->SetSelection(static_cast<int>(found - attributes_.begin()));
    recompute();
    return true;
}

void CrosstabView::recompute() {
    if (!project_ || attributes_.empty() || attribute_->GetSelection() < 0) return;
    // The cell shown belonged to the table before; it is not part of this one.
    cell_caption_->SetLabel(_("Click a cell to see the segments behind it."));
    segments_->show_segments(*project_, {});
    auto items = all_code_items(*project_);
    const auto attribute = parse_attribute(attributes_[static_cast<std::size_t>(attribute_->GetSelection())]);
    table_ = crosstab(*project_, items, {}, attribute, counts[std::max(0, count_->GetSelection())]);
    if (used_only_->GetValue()) {
        // Rows of codes nobody has used are left out, with their cells.
        Crosstab used = table_;
        used.items.clear();
        used.cells.clear();
        used.row_totals.clear();
        for (std::size_t row = 0; row < table_.items.size(); ++row) {
            if (table_.row_totals[row] == 0) continue;
            used.items.push_back(table_.items[row]);
            used.row_totals.push_back(table_.row_totals[row]);
            for (std::size_t column = 0; column < table_.values.size(); ++column) used.cells.push_back(table_.at(row, column));
        }
        table_ = std::move(used);
    }
    redraw();
}

void CrosstabView::redraw() {
    heatmap_ = exporters::crosstab_heatmap(table_, share());
    label_crosstab_heatmap(heatmap_, table_, share());
    image_ = exporters::render_heatmap(heatmap_, GetContentScaleFactor());
    canvas_->set(image_);
}

bool CrosstabView::open_cell(const std::string& code, const std::string& value) {
    for (std::size_t row = 0; row < table_.items.size(); ++row) {
        if (table_.items[row].name != code) continue;
        for (std::size_t column = 0; column < table_.values.size(); ++column) {
            if (table_.values[column] == value) {
                show_cell(row, column);
                return true;
            }
        }
    }
    return false;
}

void CrosstabView::show_cell(std::size_t row, std::size_t column) {
    if (!project_ || row >= table_.items.size() || column >= table_.values.size()) return;
    auto segments = crosstab_segments(*project_, table_.items[row], {}, table_.attribute, table_.values[column]);
    cell_caption_->SetLabel(wxString::Format(wxPLURAL("%s, %s: %zu segment", "%s, %s: %zu segments", segments.size()), to_wx(table_.items[row].name),
                                             table_.values[column].empty() ? _("no value") : to_wx(table_.values[column]), segments.size()));
    segments_->show_segments(*project_, std::move(segments));
}

void CrosstabView::export_table() {
    const auto chosen = ask_save_path(this, _("Export the crosstab"), _("crosstab.xlsx"),
                                      _("Workbook: counts, row and column percentages (XLSX)|*.xlsx|Table (CSV)|*.csv|Heatmap (PNG)|*.png|Heatmap (SVG)|*.svg"));
    if (!chosen) return;
    try {
        const std::string path = from_wx(*chosen);
        const auto extension = wxFileName(*chosen).GetExt().Lower();
        if (extension == "xlsx") {
            exporters::write_xlsx(path, exporters::crosstab_tables(table_));
        } else if (extension == "csv") {
            exporters::write_csv(path, exporters::crosstab_table(table_, share()));
        } else {
            auto heatmap = exporters::crosstab_heatmap(table_, share());
            label_crosstab_heatmap(heatmap, table_, share());
            exporters::write_heatmap(path, heatmap);
        }
    } catch (const std::exception& error) {
        wxMessageBox(to_wx(error.what()), "Fokus", wxOK | wxICON_WARNING, this);
    }
}

}  // namespace fokus::workbench
