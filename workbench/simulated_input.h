#pragma once
// Real key and mouse events for scripted runs of the workbench, sent as a
// person would, so that focus and event routing are tested too.
#include <wx/gdicmn.h>
#include <wx/window.h>

#include <optional>
#include <string>

namespace fokus::workbench {

// A key as a person presses it ("Ctrl+Shift+Z", "2", "Delete"), to whatever has the focus.
bool press_keys(const std::string& spec);
// A drag with the left button, in steps as a hand moves.
bool drag_mouse(wxPoint from, wxPoint to);
// A click with the left button.
bool click_mouse(wxPoint at);
// A click on the left of the control of this name, after choosing the tab that holds it.
bool click_window(const std::string& name);
// Where the code tree shows the code named `name`, on the screen.
std::optional<wxPoint> code_tree_point(wxWindow& code_tree, const std::string& name);

}  // namespace fokus::workbench
