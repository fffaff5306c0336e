#include "workbench/code_key_choice.h"

#include <wx/choicdlg.h>
#include <wx/event.h>
#include <wx/intl.h>

#include <vector>

#include "coding/code_keys.h"
#include "coding/codes.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

constexpr std::string_view shift = "Shift+";

}  // namespace

wxString key_label(const std::string& key) {
    if (key.rfind(shift, 0) == 0) return wxString::Format(_("Shift+%s"), to_wx(key.substr(shift.size())));
    return to_wx(key);
}

std::optional<std::string> code_key_of(const wxKeyEvent& event) {
    const int modifiers = event.GetModifiers();
    if (modifiers != wxMOD_NONE && modifiers != wxMOD_SHIFT) return std::nullopt;
    int code = event.GetKeyCode();
    if (code >= WXK_NUMPAD0 && code <= WXK_NUMPAD9) code = '0' + (code - WXK_NUMPAD0);
    if (code < '0' || code > '9') {
        // With Shift, some systems report what the layout prints on the key
        // ("%" or "&"); the key itself is known by its place in the row: X
        // key codes 10 to 19 are the keys 1 … 9, 0 on every layout.
        const auto place = event.GetRawKeyFlags();
        if (place >= 10 && place <= 19) code = place == 19 ? '0' : static_cast<int>('1' + (place - 10));
    }
    if (code < '0' || code > '9') return std::nullopt;
    const std::string digit(1, static_cast<char>(code));
    return modifiers == wxMOD_SHIFT ? std::string(shift) + digit : digit;
}

std::optional<std::string> ask_for_code_key(wxWindow* parent, Project& project, Id code) {
    CodeStore codes(project);
    const CodeKeys keys(project);
    const auto current = keys.key_of(code);
    wxArrayString choices;
    std::vector<std::string> values;
    choices.Add(_("No key"));
    values.emplace_back();
    int selected = 0;
    for (const auto& key : code_key_names) {
        wxString choice = key_label(std::string(key));
        if (const auto holder = keys.code_for(key)) choice += "   " + to_wx(codes.get(*holder).name);
        if (current && *current == key) selected = static_cast<int>(values.size());
        choices.Add(choice);
        values.emplace_back(key);
    }
    wxSingleChoiceDialog dialog(parent,
                                wxString::Format(_("The key that codes the selected passage with \"%s\". "
                                                   "The code that has the key now takes this code's key."),
                                                 to_wx(codes.get(code).name)),
                                _("Assign key"), choices);
    dialog.SetSelection(selected);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return values[static_cast<std::size_t>(dialog.GetSelection())];
}

}  // namespace fokus::workbench
