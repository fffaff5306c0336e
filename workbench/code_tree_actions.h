#pragma once
// What the researcher does with codes in the code tree: its menu, the code
// editor, new codes, deleting, and moving or merging codes by dragging one
// onto another. Each change is one core action; the window is told of it.
#include <wx/string.h>

#include <exception>
#include <functional>
#include <optional>
#include <string>

#include "coding/project.h"

class wxWindow;

namespace fokus::workbench {

class CodeTree;

class CodeTreeActions {
public:
    struct Window {
        std::function<void(const wxString& message)> codes_changed;
        std::function<void(const std::exception&)> report;
        std::function<bool()> has_selection;        // a passage is selected in the transcript
        std::function<void(Id code)> code_selection;  // codes that passage
        std::function<void(Id code)> assign_key;
    };
    CodeTreeActions(wxWindow& parent, Project& project, CodeTree& tree, Window window);

    // The menu on a code, or on the tree when `code` is empty.
    void show_menu(std::optional<Id> code);
    // The code's editor (name, colour, definition, memo); saving is one step.
    void edit(Id code);
    // Saves a code's description as one action, as the editor does (also for scripts).
    void describe(Id code, const std::string& name, const std::string& colour, const std::string& definition,
                  const std::string& memo);
    void add(std::optional<Id> parent);
    void remove(Id code);
    // Dropped on a code: move it below that code, or merge the two. Dropped
    // elsewhere (or chosen from the menu): merge into a code picked from a list.
    void dropped(Id dragged, std::optional<Id> target);

private:
    // Whether questions may be asked (not in scripted runs).
    bool may_ask() const;

    wxWindow& parent_;
    Project& project_;
    CodeTree& tree_;
    Window window_;
};

}  // namespace fokus::workbench
