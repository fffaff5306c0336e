#pragma once
// What "without interviewers" leaves out, as the checkboxes explain it
// (defined in segments_pane.cpp).
#include <wx/string.h>

namespace fokus::workbench {

wxString interviewers_rule();

}  // namespace fokus::workbench
