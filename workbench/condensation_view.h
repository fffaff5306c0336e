#pragma once
// The condensation grid: a row per code, a column per document or per value
// of an attribute (municipality, BIKVA stage); in each cell the researcher
// condenses what the code's segments there say, reading them below the grid.
// Each edited cell is saved at once as one step of undo.
#include <wx/panel.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/condensation_table.h"
#include "coding/project.h"

class wxChoice;
class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace fokus::workbench {

class SegmentsList;

class CondensationView : public wxPanel {
public:
    explicit CondensationView(wxWindow* parent);

    void refresh(Project& project);
    // Columns by an attribute ("municipality"), or by document when empty; false when unknown.
    bool choose_columns(const std::string& attribute);
    // Writes a cell as if typed, by code name and column heading; false when there is no such cell.
    bool write_cell(const std::string& code, const std::string& column, const std::string& text);
    void on_jump(std::function<void(Id document, Span span)> callback);
    // Writes the grid as shown to a table (.xlsx, .csv).
    void export_to(const std::filesystem::path& path);
    void on_changed(std::function<void(const wxString& message)> callback) { changed_ = std::move(callback); }

private:
    void fill();
    void cell_changed(int row, int column);
    void show_segments(int row, int column);
    std::string attribute() const;
    void ask_and_export();

    Project* project_ = nullptr;
    wxChoice* columns_by_;
    wxGrid* grid_;
    wxStaticText* caption_;
    SegmentsList* segments_;
    std::vector<std::string> attributes_;
    CondensationTable table_;
    std::function<void(const wxString&)> changed_;
};

}  // namespace fokus::workbench
