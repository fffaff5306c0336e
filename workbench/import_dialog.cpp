#include "workbench/import_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "workbench/strings.h"

namespace fokus::workbench {

ImportDialog::ImportDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Import transcripts"), wxDefaultPosition, wxSize(720, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    inputs_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140), 0, nullptr, wxLB_EXTENDED);
    auto* add_files_button = new wxButton(this, wxID_ANY, _("Add files…"));
    auto* add_folder_button = new wxButton(this, wxID_ANY, _("Add a folder…"));
    auto* remove_button = new wxButton(this, wxID_ANY, _("Remove"));
    const wxString sheets = _("Spreadsheets saved as CSV (*.csv)|*.csv");
    manifest_ = new wxFilePickerCtrl(this, wxID_ANY, wxEmptyString, _("The manifest"), sheets, wxDefaultPosition,
                                     wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    participants_ = new wxFilePickerCtrl(this, wxID_ANY, wxEmptyString, _("The participants sheet"), sheets,
                                         wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    names_ = new wxTextCtrl(this, wxID_ANY);
    names_->SetHint(_("e.g. Mette, Lars, Birgitte"));
    again_ = new wxCheckBox(this, wxID_ANY, _("Import again files that are already in the project"));
    speakers_ = new wxCheckBox(this, wxID_ANY, _("Find speaker labels where a file reads as a transcript"));
    speakers_->SetValue(true);
    speakers_->SetToolTip(_("Turn off for reports and other documents without speakers: every paragraph is then "
                            "imported as an unlabelled passage."));

    auto* file_buttons = new wxBoxSizer(wxVERTICAL);
    file_buttons->Add(add_files_button, 0, wxEXPAND | wxBOTTOM, 4);
    file_buttons->Add(add_folder_button, 0, wxEXPAND | wxBOTTOM, 4);
    file_buttons->Add(remove_button, 0, wxEXPAND);
    auto* files_row = new wxBoxSizer(wxHORIZONTAL);
    files_row->Add(inputs_, 1, wxEXPAND | wxRIGHT, 8);
    files_row->Add(file_buttons, 0);

    auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Manifest (document attributes)")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(manifest_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Participants (speakers' roles…)")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(participants_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Names to check for")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(names_, 1, wxEXPAND);

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticText(this, wxID_ANY, _("Transcripts: Word, OpenDocument, plain text, subtitles (VTT, SRT) or PDF")),
                0, wxALL, 8);
    column->Add(files_row, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    column->Add(grid, 0, wxEXPAND | wxALL, 8);
    column->Add(new wxStaticText(this, wxID_ANY,
                                 _("After the import, the new transcripts are checked for CPR numbers, phone numbers, "
                                   "e-mail and street addresses, and the names above, for you to review.")),
                0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    column->Add(speakers_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    column->Add(again_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
    column->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizer(column);
    if (auto* ok = FindWindow(wxID_OK)) static_cast<wxButton*>(ok)->SetLabel(_("Import"));

    add_files_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_files(); });
    add_folder_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_folder(); });
    remove_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxArrayInt selected;
        inputs_->GetSelections(selected);
        for (auto i = selected.size(); i-- > 0;) inputs_->Delete(static_cast<unsigned>(selected[i]));
        update_buttons();
    });
    update_buttons();
}

void ImportDialog::add_files() {
    wxFileDialog dialog(this, _("Choose transcripts"), wxEmptyString, wxEmptyString,
                        _("Transcripts|*.docx;*.odt;*.txt;*.vtt;*.srt;*.pdf|All files|*"), wxFD_OPEN | wxFD_MULTIPLE | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    wxArrayString paths;
    dialog.GetPaths(paths);
    for (const auto& path : paths) {
        if (inputs_->FindString(path) == wxNOT_FOUND) inputs_->Append(path);
    }
    update_buttons();
}

void ImportDialog::add_folder() {
    wxDirDialog dialog(this, _("Choose a folder of transcripts"), wxEmptyString, wxDD_DIR_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    const wxString folder = dialog.GetPath();
    if (inputs_->FindString(folder) == wxNOT_FOUND) inputs_->Append(folder);
    // A folder prepared for Fokus carries its sheets; offer them.
    if (manifest_->GetPath().empty() && wxFileExists(folder + "/manifest.csv")) manifest_->SetPath(folder + "/manifest.csv");
    if (participants_->GetPath().empty() && wxFileExists(folder + "/participants.csv")) {
        participants_->SetPath(folder + "/participants.csv");
    }
    update_buttons();
}

void ImportDialog::update_buttons() {
    if (auto* ok = FindWindow(wxID_OK)) ok->Enable(inputs_->GetCount() > 0);
}

std::vector<std::filesystem::path> ImportDialog::inputs() const {
    std::vector<std::filesystem::path> paths;
    for (unsigned i = 0; i < inputs_->GetCount(); ++i) paths.emplace_back(from_wx(inputs_->GetString(i)));
    return paths;
}

importers::BatchOptions ImportDialog::options() const {
    importers::BatchOptions options;
    options.manifest = from_wx(manifest_->GetPath());
    options.participants = from_wx(participants_->GetPath());
    options.force = again_->GetValue();
    options.transcript.turns.detection = speakers_->GetValue() ? importers::SpeakerDetection::Auto : importers::SpeakerDetection::Off;
    return options;
}

std::vector<std::string> ImportDialog::names() const {
    std::vector<std::string> names;
    wxString rest = names_->GetValue();
    while (!rest.empty()) {
        wxString name = rest.BeforeFirst(',');
        rest = rest.AfterFirst(',');
        name.Trim(true).Trim(false);
        if (!name.empty()) names.push_back(from_wx(name));
    }
    return names;
}

}  // namespace fokus::workbench
