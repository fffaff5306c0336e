#include "workbench/search_pane.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/htmllbox.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <algorithm>

#include "coding/attributes.h"
#include "workbench/interviewers_rule.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString escape_html(const std::string& text) {
    wxString escaped;
    for (const auto c : to_wx(text)) {
        if (c == '<') escaped += "&lt;";
        else if (c == '>') escaped += "&gt;";
        else if (c == '&') escaped += "&amp;";
        else if (c == '\n' || c == '\r' || c == '\t') escaped += ' ';
        else escaped += c;
    }
    return escaped;
}

std::vector<std::string> values_of(Project& project, const char* attribute) {
    return AttributeCatalogue(project).values(attribute);
}

void fill_choice(wxChoice* choice, const wxString& all, const std::vector<std::string>& values, const wxString& prefix = {}) {
    choice->Clear();
    choice->Append(all);
    for (const auto& value : values) choice->Append(prefix + to_wx(value));
    choice->SetSelection(0);
}

}  // namespace

SearchPane::SearchPane(wxWindow* parent) : wxPanel(parent) {
    query_ = new wxSearchCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(320, -1), wxTE_PROCESS_ENTER);
    query_->SetDescriptiveText(_("Search: words, \"phrases\", prefix*, AND OR NOT, NEAR/5"));
    query_->ShowCancelButton(true);
    exact_ = new wxCheckBox(this, wxID_ANY, _("Exact"));
    exact_->SetToolTip(_("Only the words as typed: no other inflections, no spellings without æ, ø, å"));
    ocr_ = new wxCheckBox(this, wxID_ANY, _("OCR spellings"));
    ocr_->SetValue(true);
    ocr_->SetToolTip(_("Also the spellings OCR makes of æ, ø, å and l (bgrn for børn, rddgiver for rådgiver), ranked below the words as typed"));
    without_interviewers_ = new wxCheckBox(this, wxID_ANY, _("Without interviewers"), wxDefaultPosition, wxDefaultSize, 0,
                                           wxDefaultValidator, "search.without-interviewers");
    without_interviewers_->SetToolTip(interviewers_rule());
    municipality_ = new wxChoice(this, wxID_ANY);
    stage_ = new wxChoice(this, wxID_ANY);
    auto* go = new wxButton(this, wxID_ANY, _("Search"));
    level_ = new wxChoice(this, wxID_ANY);
    level_->Append(_("the words"));
    level_->Append(_("the sentence"));
    level_->Append(_("the speaker's turn"));
    level_->SetSelection(1);
    auto* code = new wxButton(this, wxID_ANY, _("Code hits with…"));
    code->SetToolTip(_("Codes the selected hits, or all hits when none is selected, as one step that Ctrl+Z undoes"));
    summary_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    list_ = new wxSimpleHtmlListBox(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, wxHLB_MULTIPLE);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(query_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(exact_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(ocr_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(without_interviewers_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    top->Add(municipality_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(stage_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(go, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 16);
    top->Add(new wxStaticText(this, wxID_ANY, _("Code")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    top->Add(level_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(code, 0, wxALIGN_CENTER_VERTICAL);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, 0, wxEXPAND | wxALL, 4);
    column->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
    column->Add(list_, 1, wxEXPAND);
    SetSizer(column);

    query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { run(from_wx(query_->GetValue())); });
    query_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, [this](wxCommandEvent&) { run(from_wx(query_->GetValue())); });
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(from_wx(query_->GetValue())); });
    without_interviewers_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (!query_text_.empty()) run(query_text_);
    });
    code->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!choose_code_) return;
        if (const auto chosen = choose_code_()) code_hits(*chosen);
    });
    // Scrolling, the wheel or the keys to the end of the list load the next page.
    for (const auto type : {wxEVT_SCROLLWIN_BOTTOM, wxEVT_SCROLLWIN_LINEDOWN, wxEVT_SCROLLWIN_PAGEDOWN,
                            wxEVT_SCROLLWIN_THUMBTRACK, wxEVT_SCROLLWIN_THUMBRELEASE}) {
        list_->Bind(type, [this](wxScrollWinEvent& event) {
            event.Skip();
            CallAfter([this] { load_more_at_end(); });
        });
    }
    list_->Bind(wxEVT_MOUSEWHEEL, [this](wxMouseEvent& event) {
        event.Skip();
        CallAfter([this] { load_more_at_end(); });
    });
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) {
        event.Skip();
        CallAfter([this] { load_more_at_end(); });
    });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetSelection());
        if (index < hits_.size() && jump_) jump_(hits_[index].document, hits_[index].span);
    });
}

void SearchPane::focus_query() {
    query_->SetFocus();
    query_->SelectAll();
}

void SearchPane::populate(Project& project) {
    municipalities_ = values_of(project, "municipality");
    stages_ = values_of(project, "bikva_stage");
    fill_choice(municipality_, _("All municipalities"), municipalities_);
    fill_choice(stage_, _("All BIKVA stages"), stages_, _("Stage "));
    stage_->Show(!stages_.empty());
    Layout();
}

search::SearchOptions SearchPane::options() const {
    search::SearchOptions options;
    options.exact = exact_->GetValue();
    options.ocr_spellings = ocr_->GetValue();
    options.context = 70;
    options.filter.without_interviewers = without_interviewers_->GetValue();
    if (const int chosen = municipality_->GetSelection(); chosen > 0) {
        options.filter.attributes.push_back(
            {AttributeCondition::Of::Document, "municipality", {municipalities_[static_cast<std::size_t>(chosen - 1)]}});
    }
    if (const int chosen = stage_->GetSelection(); chosen > 0) {
        options.filter.attributes.push_back(
            {AttributeCondition::Of::Document, "bikva_stage", {stages_[static_cast<std::size_t>(chosen - 1)]}});
    }
    return options;
}

// Hits loaded at a time: more than fill the pane, few enough to show at once.
constexpr std::size_t page_size = 200;

void SearchPane::run(const std::string& query) {
    if (to_wx(query) != query_->GetValue()) query_->ChangeValue(to_wx(query));
    if (query.empty() || !search_) return;
    query_text_ = query;
    query_options_ = options();
    auto page = query_options_;
    page.limit = page_size;
    page.count_all = false;
    const auto result = search_(query, page);
    if (!result) return;
    hits_.clear();
    list_->Clear();
    append(*result);
    total_ = hits_.size();
    if (complete_) {
        show_counts(*result);
        return;
    }
    summary_->SetLabel(wxString::Format(_("%zu hits shown; counting all…"), hits_.size()));
    // The first page is on the screen before every hit is counted.
    CallAfter([this, query] {
        if (query != query_text_) return;
        auto counting = query_options_;
        counting.limit = 1;
        if (const auto counted = search_(query, counting)) show_counts(*counted);
    });
}

void SearchPane::load_more_at_end() {
    if (complete_ || hits_.empty() || !search_) return;
    if (list_->GetVisibleRowsEnd() < list_->GetItemCount()) return;
    auto page = query_options_;
    page.offset = hits_.size();
    page.limit = page_size;
    page.count_all = false;
    if (const auto result = search_(query_text_, page)) append(*result);
}

void SearchPane::append(const search::SearchResult& result) {
    complete_ = result.complete;
    wxArrayString rows;
    rows.reserve(result.hits.size());
    for (const auto& hit : result.hits) {
        // Words found under another spelling than the query's, named under the speaker.
        wxString spelt;
        for (const auto& word : hit.other_spellings) spelt += (spelt.empty() ? wxString() : wxString(", ")) + escape_html(word);
        if (!spelt.empty()) spelt = "<br><i>" + wxString::Format(_("spelt %s"), spelt) + "</i>";
        // A concordance: the matches line up in one column, context either side.
        rows.push_back("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\"><tr>"
                       "<td width=\"17%\" nowrap><font color=\"#555555\" size=\"-1\">" + escape_html(hit.document_name) +
                       (hit.speaker.empty() ? wxString() : "<br>" + escape_html(hit.speaker)) + spelt + "</font></td>"
                       "<td width=\"38%\" align=\"right\" nowrap>" + escape_html(hit.before) + "</td>"
                       "<td nowrap><b><font bgcolor=\"#FFE08A\">" + escape_html(hit.match) + "</font></b>" +
                       escape_html(hit.after) + "</td></tr></table>");
    }
    hits_.insert(hits_.end(), result.hits.begin(), result.hits.end());
    list_->Append(rows);
    if (hits_changed_) hits_changed_();
}

std::vector<Span> SearchPane::hit_spans_in(Id document) const {
    std::vector<Span> spans;
    for (const auto& hit : hits_) {
        if (hit.document == document) spans.push_back(hit.span);
    }
    return spans;
}

void SearchPane::show_counts(const search::SearchResult& result) {
    total_ = result.total;
    wxString summary = wxString::Format(wxPLURAL("%zu hit", "%zu hits", result.total), result.total) +
                       wxString::Format(wxPLURAL(" in %zu document", " in %zu documents", result.per_document.size()),
                                        result.per_document.size());
    for (const auto& [municipality, count] : result.per_municipality) {
        summary += wxString::Format("   %s: %d", to_wx(municipality), count);
    }
    summary_->SetLabel(summary);
}

void SearchPane::code_hits(Id code) {
    if (hits_.empty() || !code_) return;
    std::vector<std::size_t> chosen;
    // Hit numbers count from 1, as in the command line's list.
    unsigned long cookie = 0;
    for (int item = list_->GetFirstSelected(cookie); item != wxNOT_FOUND; item = list_->GetNextSelected(cookie)) {
        chosen.push_back(static_cast<std::size_t>(item) + 1);
    }
    const auto level = static_cast<search::HitLevel>(std::max(0, level_->GetSelection()));
    if (!chosen.empty() || complete_) {
        code_(hits_, level, chosen, code);
        return;
    }
    // All hits, beyond those loaded: their places only, without the text around them.
    auto every = query_options_;
    every.context = 0;
    every.count_all = false;
    if (const auto all = search_(query_text_, every)) code_(all->hits, level, {}, code);
}

}  // namespace fokus::workbench
