// The main window's analyses: co-occurrence, crosstab, BIKVA chains,
// agreement, contrast and condensation, each shown in its tab.
#include <wx/filename.h>

#include "exporters/heatmap.h"
#include "workbench/agreement_view.h"
#include "workbench/bikva_view.h"
#include "workbench/condensation_view.h"
#include "workbench/contrast_view.h"
#include "workbench/cooccurrence_view.h"
#include "workbench/crosstab_view.h"
#include "workbench/heatmap_labels.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {

void MainFrame::show_cooccurrence() {
    try {
        cooccurrence_shown_ = true;
        show_tab(cooccurrence_);
        grow_bottom_pane();
        cooccurrence_->refresh(project_);
    } catch (const std::exception& error) {
        report(error);
    }
}

bool MainFrame::open_cooccurrence_cell(const std::string& row, const std::string& column) {
    if (!cooccurrence_shown_) show_cooccurrence();
    return cooccurrence_->open_cell(project_, row, column);
}

void MainFrame::export_cooccurrence() {
    const auto chosen = ask_save_path(this, _("Export the co-occurrence matrix"), _("co-occurrence.png"),
                                      _("Heatmap (PNG)|*.png|Heatmap (SVG)|*.svg|Workbook, every measure a sheet (XLSX)|*.xlsx|Table (CSV)|*.csv"));
    if (!chosen) return;
    try {
        const std::string path = from_wx(*chosen);
        const auto extension = wxFileName(*chosen).GetExt().Lower();
        const auto& matrix = cooccurrence_->matrix();
        if (extension == "xlsx") {
            exporters::write_xlsx(path, exporters::cooccurrence_tables(matrix));
        } else if (extension == "csv") {
            exporters::write_csv(path, exporters::cooccurrence_table(matrix, cooccurrence_->measure()));
        } else {
            auto heatmap = exporters::cooccurrence_heatmap(matrix, cooccurrence_->measure());
            label_cooccurrence_heatmap(heatmap, cooccurrence_->measure());
            exporters::write_heatmap(path, heatmap);
        }
        SetStatusText(wxString::Format(_("Saved %s"), *chosen), message_field);
    } catch (const std::exception& error) {
        report(error);
    }
}

bool MainFrame::show_agreement(const std::vector<std::string>& coders, const std::string& unit) {
    try {
        show_tab(agreement_);
        grow_bottom_pane();
        agreement_->refresh(project_);
        return agreement_->compare(coders, parse_agreement_unit(unit));
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::show_disagreements(const std::string& code) {
    try {
        return agreement_->show_disagreements(code);
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::show_crosstab(const std::string& attribute) {
    try {
        show_tab(crosstab_);
        grow_bottom_pane();
        crosstab_->refresh(project_);
        return crosstab_->choose_attribute(project_, attribute);
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::open_crosstab_cell(const std::string& code, const std::string& value) { return crosstab_->open_cell(code, value); }

std::size_t MainFrame::show_bikva_chains() {
    try {
        show_tab(bikva_);
        grow_bottom_pane();
        bikva_->refresh(project_);
        return bikva_->chain_count();
    } catch (const std::exception& error) {
        report(error);
        return 0;
    }
}

bool MainFrame::show_contrast(const std::string& item, const std::string& attribute, const std::string& left,
                              const std::string& right) {
    try {
        contrast_->refresh(project_);
        show_tab(contrast_);
        grow_bottom_pane();
        return contrast_->choose(item, attribute, left, right) && contrast_->left_count() + contrast_->right_count() > 0;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::condense(const std::string& columns, const std::string& code, const std::string& column, const std::string& text) {
    condensations_->refresh(project_);
    show_tab(condensations_);
    grow_bottom_pane();
    return condensations_->choose_columns(columns) && condensations_->write_cell(code, column, text);
}

}  // namespace fokus::workbench
