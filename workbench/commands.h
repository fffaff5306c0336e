#pragma once
// Every action a user can take in the window, named once: its label, keys,
// whether it can run now, and what it does. Menus, the toolbar, the keyboard
// (whatever has focus) and scripts all reach actions through this registry, so
// a command exists or not regardless of where the cursor is.
#include <wx/accel.h>
#include <wx/string.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

class wxKeyEvent;
class wxMenu;
class wxMenuItem;
class wxWindow;

namespace fokus::workbench {

struct Command {
    std::string name;  // "edit.undo": stable, for scripts and settings
    wxString label;    // the menu's text, translated, with its mnemonic
    wxString help;     // the status bar's text while the menu item is highlighted
    std::vector<wxAcceleratorEntry> keys;  // the first is shown in the menu
    std::function<bool()> enabled;         // empty: always
    std::function<void()> run;
    bool checkable = false;
    std::function<bool()> checked = {};  // for a checkable command
    int id = 0;                     // assigned by the registry unless given
};

class CommandRegistry {
public:
    // Returns the command's window id.
    int add(Command command);

    const Command* find(std::string_view name) const;
    const Command* by_id(int id) const;
    // The command whose key this is, if any.
    const Command* by_key(const wxKeyEvent& event) const;
    const std::vector<Command>& all() const { return commands_; }

    bool can_run(const Command& command) const;
    // Runs the named command when it can run now; false otherwise.
    bool run(std::string_view name);
    // Runs the command for this key, when there is one that can run; false otherwise.
    bool run_key(const wxKeyEvent& event);

    wxMenuItem* append(wxMenu& menu, std::string_view name) const;
    // The menus' and toolbar's clicks, and the enabling and checking of their items.
    void bind(wxWindow& window);

    static wxString key_text(const wxAcceleratorEntry& key);

private:
    std::vector<Command> commands_;
};

}  // namespace fokus::workbench
