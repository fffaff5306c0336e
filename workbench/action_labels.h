#pragma once
// Undo steps are labelled in English by the core ("code with \"Tryghed\"");
// here they are shown in the interface's language.
#include <span>
#include <string>

#include <wx/string.h>

namespace fokus::workbench {

wxString translated_action_label(const std::string& label);

// `text` in the interface's language when it was made from one of the
// patterns ("%s" where a name goes, marked with wxTRANSLATE); else as it is.
wxString translated_by_pattern(std::span<const char* const> patterns, const std::string& text);

}  // namespace fokus::workbench
