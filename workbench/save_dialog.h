#pragma once
// The one way the workbench asks where to save an export. A place an export
// must never replace (the project itself, its journal, index or backups, a
// device or pipe) is refused with the reason, and the question asked again.
#include <wx/string.h>
#include <wx/window.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "workbench/background_export.h"

namespace fokus::workbench {

// `chosen_filter`, when given, receives the index of the file type chosen in the dialog.
std::optional<wxString> ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name,
                                      const wxString& wildcard, int* chosen_filter = nullptr);

// One type of file an export writes: as the save dialog names it, its
// extension (lower case, without the dot), and how it is written there.
struct ExportFormat {
    wxString description;  // "Heatmap (PNG)"
    std::string extension;
    std::function<void(const std::filesystem::path&)> write;  // at once, from what the window holds
    // Or, for exports that read the project: what to write there, written in
    // the background (background_export.h) from the project given to export_by_type.
    std::function<ProjectWriter(const std::filesystem::path&)> prepare = {};
};

// Asks where to save, the first format suggested, and writes the format the
// file name's extension says (the type chosen in the dialog when it says none).
// Says in the window's status bar what was saved, or in a message what went
// wrong. The path written (or being written in the background), if any.
std::optional<std::filesystem::path> export_by_type(wxWindow* parent, const wxString& title, const wxString& file_stem,
                                                    const std::vector<ExportFormat>& formats, const Project* project = nullptr);

}  // namespace fokus::workbench
