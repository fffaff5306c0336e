#include "workbench/share_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "workbench/strings.h"

namespace fokus::workbench {

ShareDialog::ShareDialog(wxWindow* parent, std::vector<std::pair<Id, std::string>> documents)
    : wxDialog(parent, wxID_ANY, _("Save a copy to share"), wxDefaultPosition, wxSize(620, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      documents_(std::move(documents)) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("The copy holds the project as it is now, and nothing of what it once held: no undo "
                                     "history, no backups, no change journal, and a search index of its own."));
    intro->Wrap(FromDIP(590));
    column->Add(intro, 0, wxALL | wxEXPAND, 8);
    without_memos_ = new wxCheckBox(this, wxID_ANY, _("Leave out every memo"));
    anonymous_coders_ = new wxCheckBox(this, wxID_ANY, _("Name the coders Coder 1, Coder 2 … instead of by their names"));
    column->Add(without_memos_, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    column->Add(anonymous_coders_, 0, wxALL, 8);
    column->Add(new wxStaticText(this, wxID_ANY, _("Leave out these documents, with their codings:")), 0, wxLEFT | wxRIGHT, 8);
    wxArrayString names;
    for (const auto& [id, name] : documents_) names.Add(to_wx(name));
    left_out_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, names);
    column->Add(left_out_, 1, wxEXPAND | wxALL, 8);
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
    if (auto* ok = FindWindow(wxID_OK)) static_cast<wxButton*>(ok)->SetLabel(_("Choose where to save…"));
}

SharingOptions ShareDialog::options() const {
    SharingOptions options;
    options.without_memos = without_memos_->IsChecked();
    options.anonymous_coders = anonymous_coders_->IsChecked();
    for (unsigned i = 0; i < left_out_->GetCount(); ++i) {
        if (left_out_->IsChecked(i)) options.without_documents.push_back(documents_[i].first);
    }
    return options;
}

}  // namespace fokus::workbench
