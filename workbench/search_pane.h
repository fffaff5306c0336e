#pragma once
// The search pane: a query with filters, every hit in its context with the
// match marked, counts per document and municipality, and coding of all or
// chosen hits as one undoable step.
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

    std::size_t hit_count() const { return hits_.size(); }
    void focus_query();

private:
    search::SearchOptions options() const;
    void show(const search::SearchResult& result);

    wxSearchCtrl* query_;
    wxCheckBox* exact_;
    wxCheckBox* ocr_;
    wxChoice* municipality_;
    wxChoice* stage_;
    wxChoice* level_;
    wxStaticText* summary_;
    wxSimpleHtmlListBox* list_;
    std::vector<search::Hit> hits_;
    std::vector<std::string> municipalities_;
    std::vector<std::string> stages_;
    std::function<std::optional<search::SearchResult>(const std::string&, const search::SearchOptions&)> search_;
    std::function<void(const std::vector<search::Hit>&, search::HitLevel, const std::vector<std::size_t>&, Id)> code_;
    std::function<std::optional<Id>()> choose_code_;
    std::function<void(Id, Span)> jump_;
};

}  // namespace fokus::workbench
