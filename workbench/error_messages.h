#pragma once
// The core explains in English what went wrong ("…: no such project file");
// here its messages are shown in the interface's language, and shown alike.
#include <exception>
#include <string>

#include <wx/string.h>

class wxWindow;

namespace fokus::workbench {

// A message of the core (an exception's text, or a reason it gave) in the
// interface's language; a message with no translation is shown as it is.
wxString translated_message(const std::string& message);
wxString translated_message(const std::exception& error);

// A warning box with the error, translated, over `parent`.
void show_error(wxWindow* parent, const std::exception& error);

}  // namespace fokus::workbench
