#pragma once
// A caption above a list or table that wraps its text to the width of the
// panel it is in, as the panel is resized and whenever the text changes.
#include <wx/stattext.h>

namespace fokus::workbench {

class WrappedCaption : public wxStaticText {
public:
    // `narrowest`: the width it wraps to however narrow the panel becomes.
    WrappedCaption(wxWindow* parent, const wxString& text, int narrowest);
    void set_text(const wxString& text);
    const wxString& text() const { return text_; }

private:
    void rewrap();

    wxString text_;
    int narrowest_;
};

}  // namespace fokus::workbench
