// The main window's search: the index opened at the first search, and
// coding what was found.
#include <wx/utils.h>

#include "coding/codes.h"
#include "workbench/code_picker.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/search_pane.h"
#include "workbench/strings.h"

namespace fokus::workbench {

std::optional<search::SearchResult> MainFrame::run_search(const std::string& query, const search::SearchOptions& options) {
    try {
        wxBusyCursor busy;
        if (!index_) {
            index_.emplace(search::Index::open_for(project_));
            if (index_->rebuilt()) SetStatusText(_("The search index was built from the project."), message_field);
        }
        auto result = index_->search(query, options);
        if (options.count_all) SetStatusText(wxString::Format(_("\"%s\": %zu hits"), to_wx(query), result.total), message_field);
        return result;
    } catch (const std::exception& error) {
        report(error);
        return std::nullopt;
    }
}

void MainFrame::code_hits(const std::vector<search::Hit>& hits, search::HitLevel level, const std::vector<std::size_t>& chosen,
                          Id code) {
    try {
        const auto made = search::code_hits(project_, hits, code, level, chosen);
        refresh_after_change(Changed::codings, wxString::Format(wxPLURAL("Coded %zu hit with \"%s\" (Ctrl+Z undoes it)",
                                                                         "Coded %zu hits with \"%s\" (Ctrl+Z undoes them all)", made.size()),
                                                                made.size(), to_wx(CodeStore(project_).get(code).name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

std::optional<Id> MainFrame::ask_for_code() {
    try {
        CodePicker picker(this, CodeStore(project_).all());
        if (picker.ShowModal() == wxID_OK) return picker.chosen();
    } catch (const std::exception& error) {
        report(error);
    }
    return std::nullopt;
}

void MainFrame::search(const std::string& query) {
    show_tab(search_);
    grow_bottom_pane();
    search_->run(query);
}

bool MainFrame::code_search_hits(const std::string& typed) {
    const auto found = matching_codes(CodeStore(project_).all(), typed);
    if (found.empty() || search_->hit_count() == 0) return false;
    search_->code_hits(found.front().id);
    return true;
}

std::size_t MainFrame::search_hit_count() const { return search_->hit_count(); }

}  // namespace fokus::workbench
