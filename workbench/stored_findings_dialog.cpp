#include "workbench/stored_findings_dialog.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "workbench/strings.h"

namespace fokus::workbench {

StoredFindingsDialog::StoredFindingsDialog(wxWindow* parent, const std::filesystem::path& project,
                                           const std::vector<importers::StoredFinding>& found)
    : wxDialog(parent, wxID_ANY, _("Deep anonymisation check"), wxDefaultPosition, wxSize(980, 460),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    const wxString summary =
        found.empty() ? wxString::Format(_("None of the names, CPR or phone numbers or e-mail addresses is in any of the %zu files "
                                           "that belong to the project."),
                                         importers::project_files(project).size())
                      : wxString::Format(wxPLURAL("%zu finding in the project's files. A permanent replacement removes what "
                                                  "the history and the backups hold.",
                                                  "%zu findings in the project's files. A permanent replacement removes what "
                                                  "the history and the backups hold.",
                                                  found.size()),
                                         found.size());
    auto* said = new wxStaticText(this, wxID_ANY, summary);
    said->Wrap(FromDIP(940));
    column->Add(said, 0, wxALL, 8);
    if (!found.empty()) {
        auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
        list->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, 300);
        list->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 90);
        list->AppendColumn(_("Found"), wxLIST_FORMAT_LEFT, 170);
        list->AppendColumn(_("Times"), wxLIST_FORMAT_RIGHT, 60);
        list->AppendColumn(_("Where"), wxLIST_FORMAT_LEFT, 320);
        const auto folder = project.parent_path();
        for (std::size_t i = 0; i < found.size(); ++i) {
            const auto& finding = found[i];
            const auto file = folder.empty() ? finding.file : std::filesystem::relative(finding.file, folder);
            const long row = list->InsertItem(static_cast<long>(i), to_wx(file.string()));
            list->SetItem(row, 1, to_wx(importers::kind_name(finding.kind)));
            list->SetItem(row, 2, to_wx(finding.text));
            list->SetItem(row, 3, wxString::Format("%zu", finding.count));
            list->SetItem(row, 4, to_wx(finding.where));
        }
        column->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    }
    column->Add(CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
}

}  // namespace fokus::workbench
