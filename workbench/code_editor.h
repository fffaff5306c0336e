#pragma once
// A code's name, colour, definition and memo, edited together and saved as
// one step that Ctrl+Z undoes.
#include <wx/dialog.h>

#include <cstdint>

#include "coding/code_description.h"

class wxColourPickerCtrl;
class wxTextCtrl;

namespace fokus::workbench {

class CodeEditor : public wxDialog {
public:
    CodeEditor(wxWindow* parent, const CodeDescription& code, std::int64_t codings);
    CodeDescription edited() const;

private:
    wxTextCtrl* name_;
    wxColourPickerCtrl* colour_;
    wxTextCtrl* definition_;
    wxTextCtrl* memo_;
};

}  // namespace fokus::workbench
