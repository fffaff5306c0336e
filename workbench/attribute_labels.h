#pragma once
// How attribute names read in the interface: "municipality" as Kommune in
// Danish, "participant.role" as "Deltager: rolle". Names a project made up
// itself are shown as they are.
#include <string>

#include <wx/string.h>

namespace fokus::workbench {

wxString attribute_label(const std::string& attribute);

}  // namespace fokus::workbench
