#pragma once
// What an import tells the user when it ends: how many files came in, were
// skipped and failed, then each file by name, with what was found in it or why
// it was left out.
#include <wx/string.h>

#include "importers/batch.h"

namespace fokus::workbench {

wxString import_summary(const importers::BatchReport& outcome);

}  // namespace fokus::workbench
