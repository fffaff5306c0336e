#include "workbench/save_dialog.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>

#include "coding/output_file.h"
#include "workbench/error_messages.h"
#include "workbench/strings.h"

namespace fokus::workbench {

std::optional<wxString> ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name,
                                      const wxString& wildcard) {
    wxString folder;
    wxString name = suggested_name;
    while (true) {
        wxFileDialog dialog(parent, title, folder, name, wildcard, wxFD_SAVE);
        if (dialog.ShowModal() != wxID_OK) return std::nullopt;
        const wxString path = dialog.GetPath();
        folder = dialog.GetDirectory();
        name = dialog.GetFilename();
        if (const auto reason = unsafe_output_reason(from_wx(path))) {
            wxMessageBox(wxString::Format(_("%s cannot be written: it %s"), path, translated_message(*reason)), _("Fokus"),
                         wxOK | wxICON_WARNING, parent);
            continue;
        }
        if (wxFileName::FileExists(path) &&
            wxMessageBox(wxString::Format(_("%s already exists. Replace it?"), path), _("Fokus"),
                         wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, parent) != wxYES) {
            continue;
        }
        return path;
    }
}

}  // namespace fokus::workbench
