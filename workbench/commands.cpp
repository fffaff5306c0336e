#include "workbench/commands.h"

#include <wx/event.h>
#include <wx/menu.h>
#include <wx/window.h>

#include <stdexcept>

namespace fokus::workbench {
namespace {

int modifiers_of(const wxKeyEvent& event) {
    int flags = wxACCEL_NORMAL;
    if (event.ControlDown()) flags |= wxACCEL_CTRL;
    if (event.ShiftDown()) flags |= wxACCEL_SHIFT;
    if (event.AltDown()) flags |= wxACCEL_ALT;
    return flags;
}

bool same_key(const wxAcceleratorEntry& key, int flags, int code) {
    int wanted = key.GetKeyCode();
    if (wanted >= 'a' && wanted <= 'z') wanted += 'A' - 'a';
    if (code >= 'a' && code <= 'z') code += 'A' - 'a';
    if (code == WXK_NUMPAD_ENTER) code = WXK_RETURN;
    return key.GetFlags() == flags && wanted == code;
}

}  // namespace

int CommandRegistry::add(Command command) {
    if (find(command.name)) throw std::logic_error("command registered twice: " + command.name);
    if (command.id == 0) command.id = wxWindow::NewControlId();
    commands_.push_back(std::move(command));
    return commands_.back().id;
}

const Command* CommandRegistry::find(std::string_view name) const {
    for (const auto& command : commands_) {
        if (command.name == name) return &command;
    }
    return nullptr;
}

const Command* CommandRegistry::by_id(int id) const {
    for (const auto& command : commands_) {
        if (command.id == id) return &command;
    }
    return nullptr;
}

const Command* CommandRegistry::by_key(const wxKeyEvent& event) const {
    const int flags = modifiers_of(event);
    const int code = event.GetKeyCode();
    for (const auto& command : commands_) {
        for (const auto& key : command.keys) {
            if (same_key(key, flags, code)) return &command;
        }
    }
    return nullptr;
}

bool CommandRegistry::can_run(const Command& command) const { return !command.enabled || command.enabled(); }

bool CommandRegistry::run(std::string_view name) {
    const auto* command = find(name);
    if (!command || !can_run(*command)) return false;
    command->run();
    return true;
}

bool CommandRegistry::run_key(const wxKeyEvent& event) {
    const auto* command = by_key(event);
    if (!command || !can_run(*command)) return false;
    command->run();
    return true;
}

wxString CommandRegistry::key_text(const wxAcceleratorEntry& key) { return key.ToString(); }

wxMenuItem* CommandRegistry::append(wxMenu& menu, std::string_view name) const {
    const auto* command = find(name);
    if (!command) throw std::logic_error("no command named " + std::string(name));
    wxString text = command->label;
    // The key is shown, but the registry, not the menu, answers it.
    if (!command->keys.empty()) text += "\t" + key_text(command->keys.front());
    return menu.Append(command->id, text, command->help, command->checkable ? wxITEM_CHECK : wxITEM_NORMAL);
}

void CommandRegistry::bind(wxWindow& window) {
    for (const auto& command : commands_) {
        const int id = command.id;
        window.Bind(wxEVT_MENU, [this, id](wxCommandEvent&) {
            if (const auto* found = by_id(id); found && can_run(*found)) found->run();
        }, id);
        window.Bind(wxEVT_UPDATE_UI, [this, id](wxUpdateUIEvent& event) {
            const auto* found = by_id(id);
            if (!found) return;
            event.Enable(can_run(*found));
            if (found->checkable && found->checked) event.Check(found->checked());
        }, id);
    }
}

}  // namespace fokus::workbench
