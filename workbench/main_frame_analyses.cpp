// The main window's analyses: co-occurrence, crosstab, BIKVA chains,
// agreement, contrast and condensation, each shown in its tab.
#include <wx/aui/auibook.h>

#include "workbench/agreement_view.h"
#include "workbench/bikva_view.h"
#include "workbench/condensation_view.h"
#include "workbench/contrast_view.h"
#include "workbench/cooccurrence_view.h"
#include "workbench/crosstab_view.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/segments_list.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

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
    if (!cooccurrence_shown_) {
        show_cooccurrence();
    } else {
        show_tab(cooccurrence_);
    }
    return cooccurrence_->open_cell(project_, row, column);
}

bool MainFrame::scroll_heatmap(int right, int down) {
    auto* panel = dynamic_cast<HeatmapPanel*>(bottom_->GetCurrentPage());
    if (!panel) return false;
    panel->scroll_cells(right, down);
    return true;
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

std::optional<std::int64_t> MainFrame::shown_count(const std::string& what) {
    if (what == "segments") {
        show_tab(segments_);
        return static_cast<std::int64_t>(segments_->row_count());
    }
    if (what == "transcript") return static_cast<std::int64_t>(transcript_->coding_count());
    const std::string cooccurrence = "cooccurrence ";
    const auto bar = what.find('|');
    if (what.rfind(cooccurrence, 0) != 0 || bar == std::string::npos) return std::nullopt;
    if (!cooccurrence_shown_) {
        show_cooccurrence();
    } else {
        show_tab(cooccurrence_);
    }
    const auto& matrix = cooccurrence_->matrix();
    const auto index_of = [&](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < matrix.items.size(); ++i) {
            if (matrix.items[i].name == name) return i;
        }
        return std::nullopt;
    };
    const auto row = index_of(what.substr(cooccurrence.size(), bar - cooccurrence.size()));
    const auto column = index_of(what.substr(bar + 1));
    // A code left out as unused ("Only codes in use") shows no segments.
    if (!row || !column) return 0;
    return matrix.at(*row, *column).segments;
}

bool MainFrame::open_crosstab_cell(const std::string& code, const std::string& value) {
    show_tab(crosstab_);
    return crosstab_->open_cell(code, value);
}

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
