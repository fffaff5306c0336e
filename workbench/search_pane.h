#pragma once
// The search pane: a query with filters, the hits in their context with the
// match marked, a page at a time (the next page loaded when the list is
// scrolled to its end), counts per document and municipality over every hit,
// and coding of all or chosen hits as one undoable step.
#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "coding/project.h"
#include "search/index.h"

class wxCheckBox;
class wxChoice;
class wxSearchCtrl;
class wxSimpleHtmlListBox;
class wxStaticText;

namespace fokus::workbench {

class SearchPane : public wxPanel {
public:
    explicit SearchPane(wxWindow* parent);

    // Fills the filter choices from the project's attribute values.
    void populate(Project& project);
    // Runs the query typed (or given) and shows its hits.
    void run(const std::string& query);
    // Codes all hits, or the selected ones when some are selected, at the chosen level.
    void code_hits(Id code);

    void on_search(std::function<std::optional<search::SearchResult>(const std::string&, const search::SearchOptions&)> callback) {
        search_ = std::move(callback);
    }
    void on_code(std::function<void(const std::vector<search::Hit>&, search::HitLevel, const std::vector<std::size_t>&, Id)> callback) {
        code_ = std::move(callback);
    }
    // Asks which code to apply (the code picker); empty when cancelled.
    void on_choose_code(std::function<std::optional<Id>()> callback) { choose_code_ = std::move(callback); }
    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }

    // Called when the hits shown change: a new search, or another page.
    void on_hits_changed(std::function<void()> callback) { hits_changed_ = std::move(callback); }
    // The spans of the hits shown that lie in one document.
    std::vector<Span> hit_spans_in(Id document) const;

    // Hits found in all, not only those loaded.
    std::size_t hit_count() const { return total_; }
    void focus_query();

private:
    search::SearchOptions options() const;
    void append(const search::SearchResult& result);
    void show_counts(const search::SearchResult& result);
    // Loads the next page when the list shows its last row.
    void load_more_at_end();

    wxSearchCtrl* query_;
    wxCheckBox* exact_;
    wxCheckBox* ocr_;
    wxCheckBox* without_interviewers_;
    wxChoice* municipality_;
    wxChoice* stage_;
    wxChoice* level_;
    wxStaticText* summary_;
    wxSimpleHtmlListBox* list_;
    std::vector<search::Hit> hits_;  // those loaded
    std::function<void()> hits_changed_;
    std::string query_text_;          // of the hits shown
    search::SearchOptions query_options_;
    bool complete_ = true;            // every hit loaded
    std::size_t total_ = 0;
    std::vector<std::string> municipalities_;
    std::vector<std::string> stages_;
    std::function<std::optional<search::SearchResult>(const std::string&, const search::SearchOptions&)> search_;
    std::function<void(const std::vector<search::Hit>&, search::HitLevel, const std::vector<std::size_t>&, Id)> code_;
    std::function<std::optional<Id>()> choose_code_;
    std::function<void(Id, Span)> jump_;
};

}  // namespace fokus::workbench
