#include "workbench/anonymity_review.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/msgdlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString kind_label(importers::FindingKind kind) {
    switch (kind) {
        case importers::FindingKind::Cpr: return _("CPR number");
        case importers::FindingKind::Phone: return _("Phone number");
        case importers::FindingKind::Email: return _("E-mail address");
        case importers::FindingKind::Address: return _("Street address");
        case importers::FindingKind::Name: return _("Name");
    }
    return {};
}

}  // namespace

AnonymityReview::AnonymityReview(wxWindow* parent, std::vector<importers::Finding> findings,
                                 const std::vector<std::string>& places)
    : wxDialog(parent, wxID_ANY, _("Anonymisation check"), wxDefaultPosition, wxSize(980, 460),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      findings_(std::move(findings)) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    list_->EnableCheckBoxes();
    list_->AppendColumn(_("Where"), wxLIST_FORMAT_LEFT, 240);
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 130);
    list_->AppendColumn(_("Found"), wxLIST_FORMAT_LEFT, 140);
    list_->AppendColumn(_("Context"), wxLIST_FORMAT_LEFT, 450);
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        const auto& finding = findings_[i];
        const long row = list_->InsertItem(static_cast<long>(i), to_wx(i < places.size() ? places[i] : std::string()));
        list_->SetItem(row, 1, kind_label(finding.kind));
        list_->SetItem(row, 2, to_wx(finding.text));
        list_->SetItem(row, 3, to_wx(finding.context));
        list_->CheckItem(row, true);
    }
    permanent_ = new wxCheckBox(this, wxID_ANY, _("Make the replacement permanent, for sharing or archiving"));
    auto* permanent_means = new wxStaticText(this, wxID_ANY,
                                             _("A permanent replacement cannot be undone, and the originals are removed from "
                                               "the history, the backups and the search index."));
    permanent_means->Wrap(FromDIP(900));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticText(this, wxID_ANY,
                                 wxString::Format(wxPLURAL("%zu detail may identify someone. Ticked ones are replaced by "
                                                           "a placeholder ([navn], [telefon] …) as one step; codings stay "
                                                           "on their words.",
                                                           "%zu details may identify someone. Ticked ones are replaced by "
                                                           "a placeholder ([navn], [telefon] …) as one step; codings stay "
                                                           "on their words.",
                                                           findings_.size()),
                                                  findings_.size())),
                0, wxALL, 8);
    column->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    column->Add(permanent_, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    column->Add(permanent_means, 0, wxLEFT | wxRIGHT, 30);
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
    if (auto* ok = FindWindow(wxID_OK)) static_cast<wxButton*>(ok)->SetLabel(_("Replace the ticked ones"));
    if (auto* cancel = FindWindow(wxID_CANCEL)) static_cast<wxButton*>(cancel)->SetLabel(_("Leave the text as it is"));
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { confirm_and_close(); }, wxID_OK);
}

void AnonymityReview::confirm_and_close() {
    if (permanent_->IsChecked()) {
        wxMessageDialog warning(
            this,
            _("A permanent replacement cannot be undone. The original names and numbers are removed from this project's "
              "history, its backups and its search index, and nothing in Fokus can bring them back.\n\nKeep the original "
              "transcripts somewhere safe if you may need them."),
            _("Replace permanently?"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        warning.SetYesNoLabels(_("Replace permanently"), _("Go back"));
        if (warning.ShowModal() != wxID_YES) return;
    }
    EndModal(wxID_OK);
}

bool AnonymityReview::permanent() const { return permanent_->IsChecked(); }

std::vector<importers::Finding> AnonymityReview::chosen() const {
    std::vector<importers::Finding> ticked;
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        if (list_->IsItemChecked(static_cast<long>(i))) ticked.push_back(findings_[i]);
    }
    return ticked;
}

}  // namespace fokus::workbench
