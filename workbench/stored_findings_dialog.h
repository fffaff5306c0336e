#pragma once
// What the deep anonymisation check found in the project's files: each file,
// the kind and text of what it holds, how often, and where in the project.
#include <wx/dialog.h>

#include <filesystem>
#include <vector>

#include "importers/anonymity_files.h"

namespace fokus::workbench {

class StoredFindingsDialog : public wxDialog {
public:
    StoredFindingsDialog(wxWindow* parent, const std::filesystem::path& project, const std::vector<importers::StoredFinding>& found);
};

}  // namespace fokus::workbench
