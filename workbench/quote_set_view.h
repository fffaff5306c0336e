#pragma once
// Quote sets for the report: the set's quotations in their order, each with
// the attribution it will carry, shown as the export will write them; made,
// renamed, re-ordered, commented and exported here. Every change is one step
// of undo, made through the core.
#include <wx/panel.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "coding/project.h"
#include "coding/quote_sets.h"
#include "workbench/background_export.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace fokus::workbench {

class QuoteSetView : public wxPanel {
public:
    explicit QuoteSetView(wxWindow* parent);

    void refresh(Project& project);
    // Shows the set of that name; false when there is none.
    bool choose_set(const std::string& name);
    std::optional<Id> current_set() const;
    // The quotations and attributions as shown, one line each, for scripts and tests.
    std::vector<std::string> shown_lines() const;
    // Writes the shown set to a file in the background, as the view shows it
    // now; the format follows the extension. `done` is told whether it was written.
    void export_to(const std::filesystem::path& path, std::function<void(bool written)> done = {});

    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }
    // Called after each change with what was done, so the window can update its undo labels.
    void on_changed(std::function<void(const wxString& message)> callback) { changed_ = std::move(callback); }

private:
    void fill_quotes();
    // Keeps a changed, well-formed template in the project, then shows the quotes with it.
    void keep_attribution();
    void changed(const wxString& message);
    std::optional<Quote> selected_quote() const;
    void make_set();
    void rename_set();
    void delete_set();
    void move_selected(int by);
    void move_quote_to(long from, long to);
    void copy_quotes();
    void remove_selected();
    void comment_selected();
    void ask_and_export();
    ProjectWriter prepare_export(const std::filesystem::path& path) const;
    std::string attribution() const;

    Project* project_ = nullptr;
    wxChoice* sets_;
    wxChoice* grouping_;
    wxTextCtrl* attribution_;
    wxListCtrl* quotes_;
    std::vector<QuoteSet> set_list_;
    std::vector<Quote> quote_list_;
    std::vector<std::string> lines_;
    long dragged_ = -1;  // the row being dragged, or -1
    std::function<void(Id, Span)> jump_;
    std::function<void(const wxString&)> changed_;
};

}  // namespace fokus::workbench
