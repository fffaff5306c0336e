#include "workbench/code_tree.h"

#include <wx/dcmemory.h>
#include <wx/imaglist.h>
#include <wx/sizer.h>

#include <algorithm>
#include <map>

#include "coding/code_keys.h"
#include "coding/text.h"
#include "workbench/code_key_choice.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

class CodeItem : public wxTreeItemData {
public:
    explicit CodeItem(Id id) : id(id) {}
    Id id;
};

wxBitmap swatch(const std::string& colour) {
    wxBitmap bitmap(14, 14);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    dc.SetBrush(wxBrush(wxColour(to_wx(colour))));
    dc.SetPen(wxPen(wxColour(to_wx(colour)).ChangeLightness(70)));
    dc.DrawRoundedRectangle(1, 1, 12, 12, 2);
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

}  // namespace

CodeTree::CodeTree(wxWindow* parent) : wxPanel(parent) {
    filter_ = new wxSearchCtrl(this, wxID_ANY);
    filter_->SetDescriptiveText(_("Filter codes"));
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_NO_LINES);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(filter_, 0, wxEXPAND | wxALL, 4);
    sizer->Add(tree_, 1, wxEXPAND);
    SetSizer(sizer);
    filter_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill(); });
    tree_->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& event) {
        if (auto* item = dynamic_cast<CodeItem*>(tree_->GetItemData(event.GetItem())); item && applied_) applied_(item->id);
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        if (auto* item = dynamic_cast<CodeItem*>(tree_->GetItemData(event.GetItem())); item && selected_) selected_(item->id);
    });
    tree_->Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& event) {
        if (event.GetItem().IsOk()) tree_->SelectItem(event.GetItem());
        if (menu_) menu_(code_of(event.GetItem()));
    });
    tree_->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) {
        if (menu_ && !tree_->GetSelection().IsOk()) menu_(std::nullopt);
    });
    tree_->Bind(wxEVT_TREE_BEGIN_DRAG, [this](wxTreeEvent& event) {
        // Only codes move; theme entries are references to codes.
        dragged_ = code_of(event.GetItem());
        if (dragged_) event.Allow();
    });
    tree_->Bind(wxEVT_TREE_END_DRAG, [this](wxTreeEvent& event) {
        const auto dragged = dragged_;
        dragged_.reset();
        if (!dragged || !dropped_) return;
        const auto target = event.GetItem().IsOk() ? code_of(event.GetItem()) : std::nullopt;
        if (target == dragged) return;
        // Let the drag finish before a menu asks what the drop means.
        CallAfter([this, dragged, target] { dropped_(*dragged, target); });
    });
}

std::optional<Id> CodeTree::code_of(const wxTreeItemId& item) const {
    if (!item.IsOk()) return std::nullopt;
    if (auto* data = dynamic_cast<CodeItem*>(tree_->GetItemData(item))) return data->id;
    return std::nullopt;
}

wxTreeItemId CodeTree::item_of(Id code) const {
    wxTreeItemIdValue cookie;
    std::vector<wxTreeItemId> pending{tree_->GetRootItem()};
    while (!pending.empty()) {
        const auto parent = pending.back();
        pending.pop_back();
        if (!parent.IsOk()) continue;
        for (auto item = tree_->GetFirstChild(parent, cookie); item.IsOk(); item = tree_->GetNextChild(parent, cookie)) {
            if (code_of(item) == code) return item;
            pending.push_back(item);
        }
    }
    return {};
}

void CodeTree::select(Id code) {
    if (const auto item = item_of(code); item.IsOk()) {
        tree_->SelectItem(item);
        tree_->EnsureVisible(item);
    }
}

std::optional<Id> CodeTree::code_at(wxPoint screen) const {
    if (!tree_->GetScreenRect().Contains(screen)) return std::nullopt;
    int flags = 0;
    const auto item = tree_->HitTest(tree_->ScreenToClient(screen), flags);
    if (!item.IsOk() || !(flags & (wxTREE_HITTEST_ONITEMLABEL | wxTREE_HITTEST_ONITEMICON))) return std::nullopt;
    return code_of(item);
}

std::optional<wxPoint> CodeTree::screen_point_of(Id code) const {
    const auto item = item_of(code);
    if (!item.IsOk()) return std::nullopt;
    tree_->EnsureVisible(item);
    wxRect bounds;
    if (!tree_->GetBoundingRect(item, bounds, true)) return std::nullopt;
    return tree_->ClientToScreen(wxPoint(bounds.x + std::min(bounds.width / 2, 40), bounds.y + bounds.height / 2));
}

void CodeTree::show_drop_target(std::optional<wxPoint> screen) {
    wxTreeItemId item;
    if (screen && code_at(*screen)) {
        int flags = 0;
        item = tree_->HitTest(tree_->ScreenToClient(*screen), flags);
    }
    if (item == drop_target_) return;
    if (drop_target_.IsOk()) tree_->SetItemDropHighlight(drop_target_, false);
    drop_target_ = item;
    if (drop_target_.IsOk()) tree_->SetItemDropHighlight(drop_target_, true);
}

void CodeTree::populate(Project& project) {
    CodeStore store(project);
    codes_ = store.all();
    sets_ = store.sets();
    counts_.clear();
    for (const auto& code : codes_) counts_[code.id] = store.coding_count(code.id);
    keys_ = CodeKeys(project).assigned();
    fill();
}

void CodeTree::refresh_counts(Project& project) {
    std::set<Id> all;
    for (const auto& [id, count] : counts_) all.insert(id);
    refresh_counts(project, all);
}

void CodeTree::refresh_counts(Project& project, const std::set<Id>& codes) {
    CodeStore store(project);
    bool changed = false;
    for (const Id id : codes) {
        const auto found = counts_.find(id);
        if (found == counts_.end()) continue;
        const auto count = store.coding_count(id);
        changed = changed || count != found->second;
        found->second = count;
    }
    if (!changed) return;
    std::map<Id, const Code*> by_id;
    for (const auto& code : codes_) by_id[code.id] = &code;
    // Walk the whole tree; theme members show no counts and keep their labels.
    std::vector<wxTreeItemId> pending{tree_->GetRootItem()};
    while (!pending.empty()) {
        const auto item = pending.back();
        pending.pop_back();
        if (!item.IsOk()) continue;
        wxTreeItemIdValue cookie;
        for (auto child = tree_->GetFirstChild(item, cookie); child.IsOk(); child = tree_->GetNextChild(item, cookie)) pending.push_back(child);
        auto* data = dynamic_cast<CodeItem*>(tree_->GetItemData(item));
        if (!data || tree_->GetItemImage(item) < 0) continue;
        if (const auto found = by_id.find(data->id); found != by_id.end()) {
            const wxString label = label_of(*found->second);
            if (tree_->GetItemText(item) != label) tree_->SetItemText(item, label);
        }
    }
}

wxString CodeTree::label_of(const Code& code) const {
    wxString label = to_wx(code.name);
    if (const auto key = keys_.find(code.id); key != keys_.end()) label = key_label(key->second) + "  " + label;
    if (code.codable) {
        const auto count = counts_.find(code.id);
        label += wxString::Format("  (%lld)", static_cast<long long>(count != counts_.end() ? count->second : 0));
    }
    return label;
}

std::optional<Id> CodeTree::code_for_key(const std::string& key) const {
    for (const auto& [code, assigned] : keys_) {
        if (assigned == key) return code;
    }
    return std::nullopt;
}

std::optional<Id> CodeTree::selected() const {
    const auto item = tree_->GetSelection();
    if (!item.IsOk()) return std::nullopt;
    if (auto* data = dynamic_cast<CodeItem*>(tree_->GetItemData(item))) return data->id;
    return std::nullopt;
}

void CodeTree::fill() {
    const std::string wanted = text::fold_case(from_wx(filter_->GetValue()));
    auto* images = new wxImageList(14, 14);
    tree_->Freeze();
    drop_target_ = wxTreeItemId();
    tree_->DeleteAllItems();
    tree_->AssignImageList(images);
    const auto root = tree_->AddRoot("root");
    std::map<Id, wxTreeItemId> items;
    for (const auto& code : codes_) {
        const bool shown = wanted.empty() || text::fold_case(code.name).find(wanted) != std::string::npos;
        if (!shown && !wanted.empty()) continue;
        const auto parent = code.parent && items.count(*code.parent) ? items[*code.parent] : root;
        const wxString label = label_of(code);
        const int image = images->Add(swatch(code.color));
        items[code.id] = tree_->AppendItem(parent, label, image, image, new CodeItem(code.id));
        if (!code.codable) tree_->SetItemBold(items[code.id]);
    }
    if (!sets_.empty() && wanted.empty()) {
        const auto themes = tree_->AppendItem(root, _("Themes"));
        tree_->SetItemBold(themes);
        for (const auto& set : sets_) {
            const auto theme = tree_->AppendItem(themes, to_wx(set.name));
            for (const Id member : set.members) {
                const auto code = std::find_if(codes_.begin(), codes_.end(), [&](const Code& c) { return c.id == member; });
                if (code != codes_.end()) tree_->AppendItem(theme, to_wx(code->name), -1, -1, new CodeItem(member));
            }
        }
    }
    tree_->ExpandAll();
    tree_->Thaw();
    if (tree_->GetCount() > 0) tree_->ScrollTo(tree_->GetFirstVisibleItem());
}

}  // namespace fokus::workbench
