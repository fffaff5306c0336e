#include "workbench/save_dialog.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>

#include <algorithm>

#include "coding/error.h"
#include "coding/output_file.h"
#include "workbench/error_messages.h"
#include "workbench/strings.h"

namespace fokus::workbench {

std::optional<wxString> ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name,
                                      const wxString& wildcard, int* chosen_filter) {
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
        if (chosen_filter) *chosen_filter = dialog.GetFilterIndex();
        return path;
    }
}

std::optional<std::filesystem::path> export_by_type(wxWindow* parent, const wxString& title, const wxString& file_stem,
                                                    const std::vector<ExportFormat>& formats, const Project* project) {
    if (formats.empty()) return std::nullopt;
    wxString wildcard;
    for (const auto& format : formats) {
        if (!wildcard.empty()) wildcard += "|";
        wildcard += format.description + "|*." + to_wx(format.extension);
    }
    int filter = 0;
    const auto chosen = ask_save_path(parent, title, file_stem + "." + to_wx(formats.front().extension), wildcard, &filter);
    if (!chosen) return std::nullopt;
    wxString path = *chosen;
    const std::string extension = from_wx(wxFileName(path).GetExt().Lower());
    auto format = std::find_if(formats.begin(), formats.end(), [&](const ExportFormat& f) { return f.extension == extension; });
    if (format == formats.end()) {
        format = formats.begin() + std::clamp<std::ptrdiff_t>(filter, 0, static_cast<std::ptrdiff_t>(formats.size()) - 1);
        path += "." + to_wx(format->extension);
    }
    auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(parent));
    try {
        if (const auto reason = unsafe_output_reason(from_wx(path))) {
            throw InputError(from_wx(wxString::Format(_("%s cannot be written: it %s"), path, to_wx(*reason))));
        }
        if (format->prepare && project) {
            write_in_background(*parent, *project, format->prepare(std::filesystem::path(from_wx(path))), path);
            return std::filesystem::path(from_wx(path));
        }
        format->write(std::filesystem::path(from_wx(path)));
        if (frame && frame->GetStatusBar()) frame->SetStatusText(wxString::Format(_("Saved %s"), path), 0);
        return std::filesystem::path(from_wx(path));
    } catch (const std::exception& error) {
        if (frame && frame->GetStatusBar()) frame->SetStatusText(translated_message(error), 0);
        show_error(parent, error);
        return std::nullopt;
    }
}

}  // namespace fokus::workbench
