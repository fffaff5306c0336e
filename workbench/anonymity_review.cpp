#include "workbench/anonymity_review.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

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
                                 const std::vector<std::string>& document_names)
    : wxDialog(parent, wxID_ANY, _("Anonymisation check"), wxDefaultPosition, wxSize(980, 460),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      findings_(std::move(findings)) {
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    list_->EnableCheckBoxes();
    list_->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 190);
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 130);
    list_->AppendColumn(_("Found"), wxLIST_FORMAT_LEFT, 140);
    list_->AppendColumn(_("Context"), wxLIST_FORMAT_LEFT, 500);
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        const auto& finding = findings_[i];
        const long row = list_->InsertItem(static_cast<long>(i), to_wx(i < document_names.size() ? document_names[i] : std::string()));
        list_->SetItem(row, 1, kind_label(finding.kind));
        list_->SetItem(row, 2, to_wx(finding.text));
        list_->SetItem(row, 3, to_wx(finding.context));
        list_->CheckItem(row, true);
    }
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticText(this, wxID_ANY,
                                 wxString::Format(_("%zu details in the new transcripts may identify someone. Ticked ones "
                                                    "are replaced by a placeholder ([navn], [telefon] …) as one step, "
                                                    "which Ctrl+Z undoes; codings stay on their words."),
                                                  findings_.size())),
                0, wxALL, 8);
    column->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
    if (auto* ok = FindWindow(wxID_OK)) static_cast<wxButton*>(ok)->SetLabel(_("Replace the ticked ones"));
    if (auto* cancel = FindWindow(wxID_CANCEL)) static_cast<wxButton*>(cancel)->SetLabel(_("Leave the text as it is"));
}

std::vector<importers::Finding> AnonymityReview::chosen() const {
    std::vector<importers::Finding> ticked;
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        if (list_->IsItemChecked(static_cast<long>(i))) ticked.push_back(findings_[i]);
    }
    return ticked;
}

}  // namespace fokus::workbench
