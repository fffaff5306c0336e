#pragma once
// Reviewing what the anonymisation check found, after an import or on the
// whole project: each finding in its context, ticked to be replaced by a
// placeholder, or left as it is; the replacement undoable, or permanent.
#include <wx/dialog.h>

#include <vector>

#include "importers/anonymity.h"

class wxCheckBox;
class wxListCtrl;

namespace fokus::workbench {

class AnonymityReview : public wxDialog {
public:
    AnonymityReview(wxWindow* parent, std::vector<importers::Finding> findings, const std::vector<std::string>& places);
    // The ticked findings, after ShowModal() returned wxID_OK.
    std::vector<importers::Finding> chosen() const;
    // Whether the replacement is to be permanent; the user has been warned.
    bool permanent() const;

private:
    void confirm_and_close();
    std::vector<importers::Finding> findings_;
    wxListCtrl* list_;
    wxCheckBox* permanent_;
};

}  // namespace fokus::workbench
