#include "workbench/crosstab_view.h"

#include <wx/checkbox.h>
#include <wx/choice.h>

#include <algorithm>

#include "coding/attributes.h"
#include "exporters/matrix_table.h"
#include "workbench/attribute_labels.h"
#include "workbench/heatmap_labels.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

const CrosstabCount counts[] = {CrosstabCount::Codings, CrosstabCount::Documents, CrosstabCount::Participants};

exporters::Heatmap labelled_heatmap(const Crosstab& table, exporters::CrosstabShare share) {
    auto heatmap = exporters::crosstab_heatmap(table, share);
    label_crosstab_heatmap(heatmap, table, share);
    return heatmap;
}

}  // namespace

CrosstabView::CrosstabView(wxWindow* parent)
    : HeatmapPanel(parent, _("Export the crosstab"), _("crosstab"), _("Save the table as a heatmap (PNG, SVG) or a table (XLSX, CSV)")) {
    attribute_ = add_choice({}, _("Codes by"));
    count_ = add_choice({_("Codings"), _("Documents"), _("Participants")}, _("Count"));
    share_ = add_choice({_("Counts"), _("Percent of the code (row)"), _("Percent of the group (column)")});
    used_only_ = add_used_only();

    const auto recompute_now = [this](wxCommandEvent&) { recompute(); };
    attribute_->Bind(wxEVT_CHOICE, recompute_now);
    count_->Bind(wxEVT_CHOICE, recompute_now);
    used_only_->Bind(wxEVT_CHECKBOX, recompute_now);
    share_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { redraw(); });
}

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
    // Document attributes as they are named, participants' with "participant." before them.
    attributes_ = AttributeCatalogue(project).all();
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
    clear_cell(*project_);
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

void CrosstabView::redraw() { show_heatmap(labelled_heatmap(table_, share())); }

bool CrosstabView::open_cell(const std::string& code, const std::string& value) {
    for (std::size_t row = 0; row < table_.items.size(); ++row) {
        if (table_.items[row].name != code) continue;
        for (std::size_t column = 0; column < table_.values.size(); ++column) {
            if (table_.values[column] == value) {
                cell_clicked(row, column);
                return true;
            }
        }
    }
    return false;
}

void CrosstabView::cell_clicked(std::size_t row, std::size_t column) {
    if (!project_ || row >= table_.items.size() || column >= table_.values.size()) return;
    auto segments = crosstab_segments(*project_, table_.items[row], {}, table_.attribute, table_.values[column]);
    const auto count = segments.size();
    show_cell(*project_,
              wxString::Format(wxPLURAL("%s, %s: %zu segment", "%s, %s: %zu segments", count), to_wx(table_.items[row].name),
                               table_.values[column].empty() ? _("no value") : to_wx(table_.values[column]), count),
              std::move(segments));
}

std::vector<ExportFormat> CrosstabView::export_formats() const {
    const auto heatmap = [this](const std::filesystem::path& path) { exporters::write_heatmap(path, labelled_heatmap(table_, share())); };
    return {{_("Workbook: counts, row and column percentages (XLSX)"), "xlsx",
             [this](const std::filesystem::path& path) { exporters::write_xlsx(path, exporters::crosstab_tables(table_)); }},
            {_("Table (CSV)"), "csv",
             [this](const std::filesystem::path& path) { exporters::write_csv(path, exporters::crosstab_table(table_, share())); }},
            {_("Heatmap (PNG)"), "png", heatmap},
            {_("Heatmap (SVG)"), "svg", heatmap}};
}

}  // namespace fokus::workbench
