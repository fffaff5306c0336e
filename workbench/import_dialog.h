#pragma once
// Choosing what to import: transcripts (files or folders), the manifest with
// document attributes, the participants sheet, and names for the
// anonymisation check that follows the import.
#include <wx/dialog.h>

#include <filesystem>
#include <string>
#include <vector>

#include "importers/batch.h"

class wxCheckBox;
class wxFilePickerCtrl;
class wxListBox;
class wxTextCtrl;

namespace fokus::workbench {

class ImportDialog : public wxDialog {
public:
    explicit ImportDialog(wxWindow* parent);

    std::vector<std::filesystem::path> inputs() const;
    importers::BatchOptions options() const;
    // The names to look for after importing, from the comma-separated field.
    std::vector<std::string> names() const;

private:
    void add_files();
    void add_folder();
    void update_buttons();

    wxListBox* inputs_;
    wxFilePickerCtrl* manifest_;
    wxFilePickerCtrl* participants_;
    wxTextCtrl* names_;
    wxCheckBox* again_;
    wxCheckBox* speakers_;
};

}  // namespace fokus::workbench
