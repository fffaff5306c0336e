#pragma once
// The one way the workbench asks where to save an export. A place an export
// must never replace (the project itself, its journal, index or backups, a
// device or pipe) is refused with the reason, and the question asked again.
#include <wx/string.h>
#include <wx/window.h>

#include <optional>

namespace fokus::workbench {

std::optional<wxString> ask_save_path(wxWindow* parent, const wxString& title, const wxString& suggested_name,
                                      const wxString& wildcard);

}  // namespace fokus::workbench
