#include "workbench/code_picker.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <sstream>

#include "coding/text.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

bool starts_a_word(const std::string& folded_name, std::size_t at) {
    if (at == 0) return true;
    const char before = folded_name[at - 1];
    return before == ' ' || before == '-' || before == '/' || before == '(';
}

}  // namespace

std::vector<Code> matching_codes(const std::vector<Code>& codes, const std::string& typed) {
    std::vector<std::string> words;
    std::istringstream split(text::fold_case(typed));
    for (std::string word; split >> word;) words.push_back(word);
    std::vector<Code> word_starts;
    std::vector<Code> inside;
    for (const auto& code : codes) {
        if (!code.codable) continue;
        const std::string name = text::fold_case(code.name);
        bool all_found = true;
        bool at_word_start = true;
        for (const auto& word : words) {
            const auto at = name.find(word);
            if (at == std::string::npos) {
                all_found = false;
                break;
            }
            // Any occurrence at a word start counts, not only the first.
            bool starts = false;
            for (auto from = at; from != std::string::npos; from = name.find(word, from + 1)) {
                if (starts_a_word(name, from)) {
                    starts = true;
                    break;
                }
            }
            at_word_start = at_word_start && starts;
        }
        if (!all_found) continue;
        (at_word_start ? word_starts : inside).push_back(code);
    }
    word_starts.insert(word_starts.end(), inside.begin(), inside.end());
    return word_starts;
}

CodePicker::CodePicker(wxWindow* parent, std::vector<Code> codes)
    : wxDialog(parent, wxID_ANY, _("Code with…"), wxDefaultPosition, wxSize(420, 440), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      codes_(std::move(codes)) {
    filter_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    filter_->SetHint(_("Type part of a code name"));
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, wxLB_SINGLE);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Enter codes the selection, Esc cancels.")), 0, wxALL, 8);
    sizer->Add(filter_, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    sizer->Add(list_, 1, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    filter_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refilter(); });
    filter_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (chosen()) EndModal(wxID_OK);
    });
    filter_->Bind(wxEVT_KEY_DOWN, &CodePicker::on_key, this);
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { EndModal(wxID_OK); });
    refilter();
    filter_->SetFocus();
}

// Up and down move through the list while the typing stays in the filter box.
void CodePicker::on_key(wxKeyEvent& event) {
    const int count = static_cast<int>(list_->GetCount());
    const int at = list_->GetSelection();
    if (event.GetKeyCode() == WXK_DOWN && count > 0) {
        list_->SetSelection(std::min(at + 1, count - 1));
    } else if (event.GetKeyCode() == WXK_UP && count > 0) {
        list_->SetSelection(std::max(at - 1, 0));
    } else {
        event.Skip();
    }
}

void CodePicker::refilter() {
    shown_ = matching_codes(codes_, from_wx(filter_->GetValue()));
    wxArrayString names;
    for (const auto& code : shown_) names.Add(wxString(' ', 3 * code.depth) + to_wx(code.name));
    list_->Set(names);
    if (!shown_.empty()) list_->SetSelection(0);
}

std::optional<Id> CodePicker::chosen() const {
    const int at = list_->GetSelection();
    if (at == wxNOT_FOUND || static_cast<std::size_t>(at) >= shown_.size()) return std::nullopt;
    return shown_[static_cast<std::size_t>(at)].id;
}

}  // namespace fokus::workbench
