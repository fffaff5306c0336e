#pragma once
// The searchable code picker (Ctrl+K): a filter box over the codable codes;
// two typed letters are usually enough, Enter codes with the first match.
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/textctrl.h>

#include <optional>
#include <string>
#include <vector>

#include "coding/codes.h"

namespace fokus::workbench {

// The codable codes whose name contains every typed word, those where a word
// of the name starts with the typed text first. Case and æ/Æ are folded.
std::vector<Code> matching_codes(const std::vector<Code>& codes, const std::string& typed);

class CodePicker : public wxDialog {
public:
    CodePicker(wxWindow* parent, std::vector<Code> codes);
    // The chosen code, after ShowModal() returned wxID_OK.
    std::optional<Id> chosen() const;

private:
    void refilter();
    void on_key(wxKeyEvent& event);

    std::vector<Code> codes_;
    std::vector<Code> shown_;
    wxTextCtrl* filter_;
    wxListBox* list_;
};

}  // namespace fokus::workbench
