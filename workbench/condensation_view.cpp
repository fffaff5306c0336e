#include "workbench/error_messages.h"
#include "workbench/attribute_labels.h"
#include "workbench/condensation_view.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "coding/attributes.h"
#include "coding/segments.h"
#include "exporters/analysis_tables.h"
#include "workbench/segments_list.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {

CondensationView::CondensationView(wxWindow* parent) : wxPanel(parent) {
    columns_by_ = new wxChoice(this, wxID_ANY);
    auto* controls = new wxBoxSizer(wxHORIZONTAL);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Columns")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    controls->Add(columns_by_, 0, wxRIGHT, 12);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Write in a cell what the code's segments there say; it is saved at once.")), 1,
                  wxALIGN_CENTER_VERTICAL);
    auto* export_button = new wxButton(this, wxID_ANY, _("Export…"));
    export_button->SetToolTip(_("Save the grid as a table (XLSX, CSV)"));
    controls->Add(export_button, 0);
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_and_export(); });

    grid_ = new wxGrid(this, wxID_ANY);
    grid_->CreateGrid(0, 0);
    grid_->SetDefaultColSize(220);
    grid_->SetRowLabelSize(260);
    grid_->SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
    grid_->SetMinSize(wxSize(200, 120));
    grid_->SetDefaultRenderer(new wxGridCellAutoWrapStringRenderer);
    grid_->SetDefaultEditor(new wxGridCellAutoWrapStringEditor);
    caption_ = new wxStaticText(this, wxID_ANY, _("Choose a cell to read the segments behind it."));
    segments_ = new SegmentsList(this);
    segments_->SetMinSize(wxSize(200, 80));

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(controls, 0, wxEXPAND | wxALL, 6);
    outer->Add(grid_, 3, wxEXPAND);
    outer->Add(caption_, 0, wxALL, 4);
    outer->Add(segments_, 2, wxEXPAND);
    SetSizer(outer);

    columns_by_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill(); });
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& event) { cell_changed(event.GetRow(), event.GetCol()); });
    grid_->Bind(wxEVT_GRID_SELECT_CELL, [this](wxGridEvent& event) {
        show_segments(event.GetRow(), event.GetCol());
        event.Skip();
    });
}

void CondensationView::on_jump(std::function<void(Id document, Span span)> callback) { segments_->on_jump(std::move(callback)); }

std::string CondensationView::attribute() const {
    const int at = columns_by_->GetSelection();
    return at <= 0 ? std::string() : attributes_[static_cast<std::size_t>(at - 1)];
}

void CondensationView::refresh(Project& project) {
    project_ = &project;
    const std::string chosen = attribute();
    attributes_.clear();
    columns_by_->Clear();
    columns_by_->Append(_("Documents"));
    attributes_ = AttributeCatalogue(project).document_attributes();
    int selection = 0;
    for (std::size_t i = 0; i < attributes_.size(); ++i) {
        columns_by_->Append(attribute_label(attributes_[i]));
        if (attributes_[i] == chosen) selection = static_cast<int>(i) + 1;
    }
    columns_by_->SetSelection(selection);
    fill();
}

bool CondensationView::choose_columns(const std::string& attribute) {
    if (attribute.empty()) {
        columns_by_->SetSelection(0);
    } else {
        const auto found = std::find(attributes_.begin(), attributes_.end(), attribute);
        if (found == attributes_.end()) return false;
        columns_by_->SetSelection(static_cast<int>(found - attributes_.begin()) + 1);
    }
    fill();
    return true;
}

void CondensationView::fill() {
    if (!project_) return;
    try {
        table_ = condensation_table(*project_, attribute());
    } catch (const std::exception& error) {
        show_error(this, error);
        return;
    }
    grid_->Freeze();
    if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
    if (grid_->GetNumberCols() > 0) grid_->DeleteCols(0, grid_->GetNumberCols());
    grid_->AppendCols(static_cast<int>(table_.columns.size()));
    grid_->AppendRows(static_cast<int>(table_.codes.size()));
    for (std::size_t c = 0; c < table_.columns.size(); ++c) grid_->SetColLabelValue(static_cast<int>(c), to_wx(table_.columns[c]));
    for (std::size_t r = 0; r < table_.codes.size(); ++r) {
        grid_->SetRowLabelValue(static_cast<int>(r), to_wx(table_.codes[r].name));
        grid_->SetRowSize(static_cast<int>(r), 48);
        for (std::size_t c = 0; c < table_.columns.size(); ++c) {
            grid_->SetCellValue(static_cast<int>(r), static_cast<int>(c), to_wx(table_.cells[r * table_.columns.size() + c]));
        }
    }
    grid_->Thaw();
}

void CondensationView::cell_changed(int row, int column) {
    if (!project_ || row < 0 || column < 0 || static_cast<std::size_t>(row) >= table_.codes.size() ||
        static_cast<std::size_t>(column) >= table_.scopes.size()) {
        return;
    }
    // Copies: saving announces the change, and the view in front reads its table anew.
    const auto code = table_.codes[static_cast<std::size_t>(row)];
    const auto scope = table_.scopes[static_cast<std::size_t>(column)];
    const std::string text = from_wx(grid_->GetCellValue(row, column));
    try {
        CondensationStore(*project_).set(code.id, scope, text);
        const std::size_t cell = static_cast<std::size_t>(row) * table_.columns.size() + static_cast<std::size_t>(column);
        if (cell < table_.cells.size()) table_.cells[cell] = text;
        if (changed_) changed_(wxString::Format(_("Saved the condensation of %s (Ctrl+Z undoes)"), to_wx(code.name)));
    } catch (const std::exception& error) {
        show_error(this, error);
        fill();
    }
}

bool CondensationView::write_cell(const std::string& code, const std::string& column, const std::string& text) {
    for (std::size_t r = 0; r < table_.codes.size(); ++r) {
        for (std::size_t c = 0; c < table_.columns.size(); ++c) {
            if (table_.codes[r].name == code && table_.columns[c] == column) {
                grid_->GoToCell(static_cast<int>(r), static_cast<int>(c));
                grid_->SetCellValue(static_cast<int>(r), static_cast<int>(c), to_wx(text));
                cell_changed(static_cast<int>(r), static_cast<int>(c));
                show_segments(static_cast<int>(r), static_cast<int>(c));
                return true;
            }
        }
    }
    return false;
}

void CondensationView::show_segments(int row, int column) {
    if (!project_ || row < 0 || column < 0 || static_cast<std::size_t>(row) >= table_.codes.size() ||
        static_cast<std::size_t>(column) >= table_.scopes.size()) {
        return;
    }
    const auto& code = table_.codes[static_cast<std::size_t>(row)];
    const auto& scope = table_.scopes[static_cast<std::size_t>(column)];
    SegmentFilter filter;
    if (scope.document) {
        filter.documents = {*scope.document};
    } else {
        filter.attributes = {AttributeCondition{AttributeCondition::Of::Document, scope.attribute, {scope.value}}};
    }
    std::vector<Segment> of_code;
    try {
        for (auto& segment : load_segments(*project_, filter)) {
            if (std::find(code.codes.begin(), code.codes.end(), segment.code) != code.codes.end()) of_code.push_back(std::move(segment));
        }
    } catch (const std::exception& error) {
        show_error(this, error);
        return;
    }
    caption_->SetLabel(wxString::Format(wxPLURAL("%s in %s: %d segment", "%s in %s: %d segments", static_cast<int>(of_code.size())), to_wx(code.name),
                                        to_wx(table_.columns[static_cast<std::size_t>(column)]), static_cast<int>(of_code.size())));
    segments_->show_segments(*project_, std::move(of_code));
}

void CondensationView::export_to(const std::filesystem::path& path) {
    exporters::write_table(path, exporters::condensation_sheet(table_));
}

void CondensationView::ask_and_export() {
    const auto write = [this](const std::filesystem::path& path) { export_to(path); };
    export_by_type(this, _("Export the condensation grid"), _("condensation"), {{_("Workbook (XLSX)"), "xlsx", write}, {_("Table (CSV)"), "csv", write}});
}

}  // namespace fokus::workbench
