#pragma once
// Saves what a window shows as PNG, for the scripted GUI test and docs.
#include <wx/string.h>
#include <wx/window.h>

namespace fokus::workbench {

bool save_window_png(wxWindow& window, const wxString& path);

}  // namespace fokus::workbench
