#pragma once
// Exports that read the whole project (a REFI-QDA project, a quote set with
// its attributions) are written in the background from a snapshot of the
// project, on a connection of their own, while the user goes on working. The
// file holds the project as it was when the export was asked for.
#include <wx/string.h>

#include <functional>

class wxWindow;

namespace fokus {
class Project;
}

namespace fokus::workbench {

// What an export writes, with every choice made in the window already taken
// in: it is called on another thread with the other connection.
using ProjectWriter = std::function<void(Project&)>;

// Writes in the background. The window's status bar says the export is under
// way and then that `path` was saved, or what went wrong (also shown in a
// message, except in scripted runs). `done` is told on the window whether the
// file was written; nothing is told when the window was closed meanwhile.
void write_in_background(wxWindow& window, const Project& project, ProjectWriter write, const wxString& path,
                         std::function<void(bool written)> done = {});

}  // namespace fokus::workbench
