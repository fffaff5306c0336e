#pragma once
// What a copy to share leaves out: memos, coders' names, chosen documents.
#include <wx/dialog.h>

#include <string>
#include <utility>
#include <vector>

#include "coding/sharing.h"

class wxCheckBox;
class wxCheckListBox;

namespace fokus::workbench {

class ShareDialog : public wxDialog {
public:
    ShareDialog(wxWindow* parent, std::vector<std::pair<Id, std::string>> documents);
    SharingOptions options() const;

private:
    std::vector<std::pair<Id, std::string>> documents_;
    wxCheckBox* without_memos_;
    wxCheckBox* anonymous_coders_;
    wxCheckListBox* left_out_;
};

}  // namespace fokus::workbench
