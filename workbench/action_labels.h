#pragma once
// Undo steps are labelled in English by the core ("code with \"Tryghed\"");
// here they are shown in the interface's language.
#include <string>

#include <wx/string.h>

namespace fokus::workbench {

wxString translated_action_label(const std::string& label);

}  // namespace fokus::workbench
