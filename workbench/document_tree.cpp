#include "workbench/attribute_labels.h"
#include "workbench/document_tree.h"

#include <wx/menu.h>

#include "coding/attributes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

class DocumentItem : public wxTreeItemData {
public:
    explicit DocumentItem(Id id) : id(id) {}
    Id id;
};

wxString label_of(const wxString& name, std::int64_t codings) {
    return wxString::Format("%s  (%lld)", name, static_cast<long long>(codings));
}

}  // namespace

DocumentTree::DocumentTree(wxWindow* parent)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE) {
    Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        if (populating_) return;
        if (auto* item = dynamic_cast<DocumentItem*>(GetItemData(event.GetItem())); item && opened_) opened_(item->id);
    });
    Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& event) {
        if (project_) show_menu(*project_, event.GetItem());
    });
}

void DocumentTree::show_menu(Project& project, const wxTreeItemId& item) {
    auto* document = item.IsOk() ? dynamic_cast<DocumentItem*>(GetItemData(item)) : nullptr;
    const auto attributes = AttributeCatalogue(project).document_attributes();
    wxMenu menu;
    constexpr int memo_id = 1, first_attribute_id = 100;
    if (document && memo_) menu.Append(memo_id, _("Memo on this document…"));
    auto* grouping = new wxMenu;
    for (std::size_t i = 0; i < attributes.size(); ++i) {
        grouping->AppendRadioItem(first_attribute_id + static_cast<int>(i), attribute_label(attributes[i]))->Check(attributes[i] == group_by_);
    }
    menu.AppendSubMenu(grouping, _("Group by"));
    const int picked = GetPopupMenuSelectionFromUser(menu);
    if (picked == memo_id && document) {
        memo_(document->id);
    } else if (picked >= first_attribute_id && static_cast<std::size_t>(picked - first_attribute_id) < attributes.size()) {
        group_by(project, attributes[static_cast<std::size_t>(picked - first_attribute_id)]);
    }
}

void DocumentTree::group_by(Project& project, const std::string& attribute) {
    group_by_ = attribute;
    populate(project);
}

template <typename Visit>
void DocumentTree::for_each_document_item(Visit visit) {
    wxTreeItemIdValue group_cookie;
    for (auto group = GetFirstChild(GetRootItem(), group_cookie); group.IsOk(); group = GetNextChild(GetRootItem(), group_cookie)) {
        wxTreeItemIdValue cookie;
        for (auto item = GetFirstChild(group, cookie); item.IsOk(); item = GetNextChild(group, cookie)) {
            if (auto* data = dynamic_cast<DocumentItem*>(GetItemData(item))) visit(item, data->id);
        }
    }
}

void DocumentTree::populate(Project& project) {
    project_ = &project;
    populating_ = true;
    Freeze();
    DeleteAllItems();
    names_.clear();
    const auto root = AddRoot("root");
    DocumentStore documents(project);
    auto codings = CodingStore(project).count_by_document();
    std::map<std::string, wxTreeItemId> groups;
    // Documents without the attribute are grouped under this.
    const std::string none = from_wx(wxString::Format(_("(no %s)"), to_wx(group_by_)));
    for (const auto& document : documents.all()) {
        const auto attributes = documents.attributes(document.id);
        const auto found = attributes.find(group_by_);
        const std::string group = found != attributes.end() && !found->second.empty() ? found->second : none;
        if (!groups.count(group)) groups[group] = AppendItem(root, to_wx(group));
        names_[document.id] = to_wx(document.name);
        AppendItem(groups[group], label_of(names_[document.id], codings[document.id]), -1, -1, new DocumentItem(document.id));
    }
    // Groups in order, the documents without the attribute last.
    SortChildren(root);
    if (groups.count(none)) {
        const auto last = groups[none];
        wxTreeItemIdValue cookie;
        if (GetFirstChild(root, cookie) == last && GetChildrenCount(root, false) > 1) {
            // Sorting put "(" first; move the group to the end.
            const auto moved = AppendItem(root, to_wx(none));
            wxTreeItemIdValue inner;
            for (auto item = GetFirstChild(last, inner); item.IsOk(); item = GetNextChild(last, inner)) {
                auto* data = dynamic_cast<DocumentItem*>(GetItemData(item));
                AppendItem(moved, GetItemText(item), -1, -1, data ? new DocumentItem(data->id) : nullptr);
            }
            Delete(last);
        }
    }
    ExpandAll();
    Thaw();
    populating_ = false;
}

void DocumentTree::refresh_counts(Project& project) {
    auto codings = CodingStore(project).count_by_document();
    for_each_document_item([&](const wxTreeItemId& item, Id id) {
        const wxString label = label_of(names_[id], codings[id]);
        if (GetItemText(item) != label) SetItemText(item, label);
    });
}

void DocumentTree::refresh_counts(Project& project, const std::set<Id>& documents) {
    CodingStore codings(project);
    for_each_document_item([&](const wxTreeItemId& item, Id id) {
        if (!documents.count(id)) return;
        const wxString label = label_of(names_[id], codings.count_in(id));
        if (GetItemText(item) != label) SetItemText(item, label);
    });
}

void DocumentTree::mark(Id document) {
    populating_ = true;
    for_each_document_item([&](const wxTreeItemId& item, Id id) {
        if (id == document) SelectItem(item);
    });
    populating_ = false;
}

}  // namespace fokus::workbench
