#pragma once
// The code system: codes in their hierarchy with colours, number keys and
// counts, and a filter box; themes listed below the codes.
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/treectrl.h>

#include <functional>
#include <map>
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
    // The codable code that number key `number` (1-9, 0 for the tenth) stands for.
    std::optional<Id> code_for_key(int number) const;
    std::optional<Id> selected() const;
    void on_apply(std::function<void(Id)> callback) { applied_ = std::move(callback); }
    void on_select(std::function<void(Id)> callback) { selected_ = std::move(callback); }

private:
    void fill();
    wxString label_of(const Code& code) const;
    wxSearchCtrl* filter_;
    wxTreeCtrl* tree_;
    std::vector<Code> codes_;
    std::vector<CodeSet> sets_;
    std::map<Id, std::int64_t> counts_;
    std::vector<Id> keyed_;
    std::function<void(Id)> applied_;
    std::function<void(Id)> selected_;
};

}  // namespace fokus::workbench
