#pragma once
// The keys that code with a code (coding/code_keys.h) as the window shows,
// reads and offers them.
#include <wx/string.h>

#include <optional>
#include <string>

#include "coding/project.h"

class wxKeyEvent;
class wxWindow;

namespace fokus::workbench {

// "5", or "Shift+5" in the user's language.
wxString key_label(const std::string& key);

// The code key a key press is ("4", "Shift+5"), if it is one: a digit of the
// main row or the number pad, alone or with Shift.
std::optional<std::string> code_key_of(const wxKeyEvent& event);

// Asks which key should code with `code`, each key shown with the code that
// has it now. The key chosen ("" for none), or nothing when cancelled.
std::optional<std::string> ask_for_code_key(wxWindow* parent, Project& project, Id code);

}  // namespace fokus::workbench
