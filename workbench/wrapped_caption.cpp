#include "workbench/wrapped_caption.h"

#include <algorithm>

namespace fokus::workbench {

WrappedCaption::WrappedCaption(wxWindow* parent, const wxString& text, int narrowest)
    : wxStaticText(parent, wxID_ANY, text), text_(text), narrowest_(narrowest) {
    parent->Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        rewrap();
        GetParent()->Layout();
        event.Skip();
    });
}

void WrappedCaption::set_text(const wxString& text) {
    text_ = text;
    rewrap();
    GetParent()->Layout();
}

void WrappedCaption::rewrap() {
    // Wrap() works on the label as it is, with the line breaks it put in
    // before; it starts again from the text each time.
    SetLabel(text_);
    Wrap(std::max(narrowest_, GetParent()->GetClientSize().GetWidth() - 8));
}

}  // namespace fokus::workbench
