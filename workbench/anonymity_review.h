#pragma once
// Reviewing what the anonymisation check found after an import: each finding
// in its context, ticked to be replaced by a placeholder, or left as it is.
#include <wx/dialog.h>

#include <vector>

#include "importers/anonymity.h"

class wxListCtrl;

namespace fokus::workbench {

class AnonymityReview : public wxDialog {
public:
    AnonymityReview(wxWindow* parent, std::vector<importers::Finding> findings, const std::vector<std::string>& document_names);
    // The ticked findings, after ShowModal() returned wxID_OK.
    std::vector<importers::Finding> chosen() const;

private:
    std::vector<importers::Finding> findings_;
    wxListCtrl* list_;
};

}  // namespace fokus::workbench
