#include "workbench/simulated_input.h"

#include <wx/bookctrl.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <algorithm>
#include <vector>

#include "workbench/strings.h"

namespace fokus::workbench {

// A key as a person presses it ("Ctrl+Shift+Z", "2", "Delete"), sent as real
// key events to whatever has the focus, so that focus and routing are tested too.
bool press_keys(const std::string& spec) {
    int modifiers = wxMOD_NONE;
    std::string rest = spec;
    for (const auto& [name, flag] : {std::pair{"Ctrl+", wxMOD_CONTROL}, std::pair{"Shift+", wxMOD_SHIFT}, std::pair{"Alt+", wxMOD_ALT}}) {
        if (const auto at = rest.find(name); at != std::string::npos) {
            modifiers |= flag;
            rest.erase(at, std::string(name).size());
        }
    }
    int key = 0;
    if (rest.size() == 1) key = static_cast<unsigned char>(rest[0]);
    else if (rest == "Delete") key = WXK_DELETE;
    else if (rest == "Enter") key = WXK_RETURN;
    else if (rest == "Escape") key = WXK_ESCAPE;
    else if (rest == "Space") key = WXK_SPACE;
    else if (rest == "Tab") key = WXK_TAB;
    else if (rest == "Down") key = WXK_DOWN;
    else if (rest == "Up") key = WXK_UP;
    else if (rest == "Home") key = WXK_HOME;
    else if (rest == "End") key = WXK_END;
    else return false;
    if (key >= 'A' && key <= 'Z' && modifiers == wxMOD_NONE) key += 'a' - 'A';
    wxUIActionSimulator simulator;
    if (!simulator.Char(key, modifiers)) return false;
    wxYield();
    return true;
}

// A drag with the left button, as real mouse events, in steps as a hand moves.
bool drag_mouse(wxPoint from, wxPoint to) {
    wxUIActionSimulator simulator;
    simulator.MouseMove(from);
    wxYield();
    simulator.MouseDown();
    wxYield();
    for (int step = 1; step <= 5; ++step) {
        simulator.MouseMove(from + (to - from) * step / 5);
        wxMilliSleep(20);
        wxYield();
    }
    simulator.MouseUp();
    wxYield();
    wxMilliSleep(50);
    wxYield();
    return true;
}

// A click with the left button, as real mouse events.
bool click_mouse(wxPoint at) {
    wxUIActionSimulator simulator;
    simulator.MouseMove(at);
    wxYield();
    simulator.MouseClick();
    wxYield();
    wxMilliSleep(50);
    wxYield();
    return true;
}

// A click with the left button on the left of the control of this name, after
// choosing the tab that holds it, as a user would.
bool click_window(const std::string& name) {
    auto* window = wxWindow::FindWindowByName(to_wx(name));
    if (!window) return false;
    for (wxWindow* page = window; page && page->GetParent(); page = page->GetParent()) {
        if (auto* book = dynamic_cast<wxBookCtrlBase*>(page->GetParent())) {
            if (const int index = book->FindPage(page); index != wxNOT_FOUND) book->SetSelection(static_cast<std::size_t>(index));
        }
    }
    wxYield();
    if (!window->IsShownOnScreen()) return false;
    return click_mouse(window->GetScreenRect().GetPosition() + wxPoint(8, window->GetSize().GetHeight() / 2));
}

// Where the code tree shows the code named `name`, on the screen.
std::optional<wxPoint> code_tree_point(wxWindow& code_tree, const std::string& name) {
    wxTreeCtrl* tree = nullptr;
    for (auto* child : code_tree.GetChildren()) {
        if ((tree = dynamic_cast<wxTreeCtrl*>(child))) break;
    }
    if (!tree) return std::nullopt;
    const wxString wanted = to_wx(name);
    std::vector<wxTreeItemId> pending{tree->GetRootItem()};
    while (!pending.empty()) {
        const auto item = pending.back();
        pending.pop_back();
        if (!item.IsOk()) continue;
        // Labels carry a key before the name ("1  ") and a count after it ("  (3)").
        wxString label = tree->GetItemText(item);
        if (const int gap = label.Find("  "); gap != wxNOT_FOUND && gap <= 8 && label.Left(gap).find_first_not_of("0123456789+CtrlAlShift") == wxString::npos) {
            label = label.Mid(static_cast<std::size_t>(gap) + 2);
        }
        if (const auto count = label.rfind("  ("); count != wxString::npos && label.EndsWith(")")) label = label.Left(count);
        if (label == wanted) {
            tree->EnsureVisible(item);
            wxYield();
            wxRect rect;
            if (!tree->GetBoundingRect(item, rect, true)) return std::nullopt;
            return tree->ClientToScreen(wxPoint(rect.x + std::min(rect.width / 2, 40), rect.y + rect.height / 2));
        }
        wxTreeItemIdValue cookie;
        for (auto child = tree->GetFirstChild(item, cookie); child.IsOk(); child = tree->GetNextChild(item, cookie)) {
            pending.insert(pending.begin(), child);
        }
    }
    return std::nullopt;
}

}  // namespace fokus::workbench
