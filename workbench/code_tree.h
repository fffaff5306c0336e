#pragma once
// The code system: codes in their hierarchy with colours, the keys that code
// with them and counts, and a filter box; themes listed below the codes.
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/treectrl.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <optional>
#include <vector>

#include "coding/codes.h"
#include "coding/project.h"

namespace fokus::workbench {

class CodeTree : public wxPanel {
public:
    explicit CodeTree(wxWindow* parent);
    // Rebuilds the tree: after codes were added, removed, renamed or moved.
    void populate(Project& project);
    // Only the counts: after codings changed. Keeps scrolling, expansion and selection.
    void refresh_counts(Project& project);
    // Only these codes' counts: after their codings changed.
    void refresh_counts(Project& project, const std::set<Id>& codes);
    // The code that a key ("4", "Shift+5"; see coding/code_keys.h) codes with.
    std::optional<Id> code_for_key(const std::string& key) const;
    // The code drawn at a point of the screen, and where a code is drawn (for
    // dropping a passage on it).
    std::optional<Id> code_at(wxPoint screen) const;
    std::optional<wxPoint> screen_point_of(Id code) const;
    // Marks the code under a passage being dragged; none clears the mark.
    void show_drop_target(std::optional<wxPoint> screen);
    std::optional<Id> selected() const;
    void on_apply(std::function<void(Id)> callback) { applied_ = std::move(callback); }
    void on_select(std::function<void(Id)> callback) { selected_ = std::move(callback); }
    // Right-click on a code (or on empty space: no code).
    void on_menu(std::function<void(std::optional<Id>)> callback) { menu_ = std::move(callback); }
    // A code dragged onto another code, or onto empty space (no target).
    void on_drop(std::function<void(Id dragged, std::optional<Id> target)> callback) { dropped_ = std::move(callback); }
    void select(Id code);

private:
    void fill();
    wxString label_of(const Code& code) const;
    wxSearchCtrl* filter_;
    wxTreeCtrl* tree_;
    std::vector<Code> codes_;
    std::vector<CodeSet> sets_;
    std::map<Id, std::int64_t> counts_;
    std::map<Id, std::string> keys_;  // code -> the key that codes with it
    wxTreeItemId drop_target_;
    std::function<void(Id)> applied_;
    std::function<void(Id)> selected_;
    std::function<void(std::optional<Id>)> menu_;
    std::function<void(Id, std::optional<Id>)> dropped_;
    std::optional<Id> dragged_;
    std::optional<Id> code_of(const wxTreeItemId& item) const;
    wxTreeItemId item_of(Id code) const;
};

}  // namespace fokus::workbench
