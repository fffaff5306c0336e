// The main window's search: the index brought up to date in the background
// when the project opens (or built anew when asked), and coding what was found.
#include <wx/utils.h>

#include <memory>

#include "coding/codes.h"
#include "workbench/background_work.h"
#include "workbench/code_picker.h"
#include "workbench/error_messages.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/search_pane.h"
#include "workbench/strings.h"

namespace fokus::workbench {

void MainFrame::prepare_search_index(bool anew) {
    if (indexing_) return;
    // The index is opened, brought up to date or built on a connection of its
    // own; searching waits for it, the rest of the window does not.
    std::shared_ptr<Project> reading;
    try {
        reading = std::make_shared<Project>(project_.another_connection());
    } catch (const std::exception& error) {
        report(error);
        return;
    }
    index_.reset();  // its writer would stand in the way
    indexing_ = true;
    if (anew) SetStatusText(_("Building the search index anew…"), message_field);
    run_in_background(
        *this,
        [this, reading, anew]() -> OnWindow {
            auto index = search::Index::open_for(*reading);
            const bool built = anew || index.rebuilt();
            if (anew) index.rebuild();
            return [this, built] { search_index_ready(built); };
        },
        [this](const std::exception& error) {
            // Said, not shown in a box: the first search tries again, and explains.
            indexing_ = false;
            pending_query_.reset();
            SetStatusText(translated_message(error), message_field);
        });
}

void MainFrame::search_index_ready(bool built) {
    indexing_ = false;
    if (built) SetStatusText(_("The search index was built from the project."), message_field);
    if (pending_query_) {
        const auto query = std::move(*pending_query_);
        pending_query_.reset();
        search_->run(query);
    }
}

std::optional<search::SearchResult> MainFrame::run_search(const std::string& query, const search::SearchOptions& options) {
    if (indexing_) {
        pending_query_ = query;
        SetStatusText(_("The search index is being brought up to date; the search runs when it is ready."), message_field);
        return std::nullopt;
    }
    try {
        wxBusyCursor busy;
        if (!index_) {
            index_.emplace(search::Index::open_for(project_));
            if (index_->rebuilt()) SetStatusText(_("The search index was built from the project."), message_field);
        }
        auto result = index_->search(query, options);
        if (options.count_all) {
            SetStatusText(wxString::Format(wxPLURAL("\"%s\": %zu hit", "\"%s\": %zu hits", result.total), to_wx(query), result.total),
                          message_field);
        }
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
