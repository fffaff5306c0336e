#pragma once
// A short tour of the workbench's panes, shown when a project opens until
// the user turns it off (on the tour itself or on the welcome page).
#include <wx/window.h>

namespace fokus::workbench {

bool tour_wanted();
void set_tour_wanted(bool wanted);
void show_pane_tour(wxWindow* parent);

}  // namespace fokus::workbench
