#include "workbench/document_tree.h"

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
}

// The core has no per-document count yet, so the codings are counted here.
std::map<Id, std::int64_t> DocumentTree::count_codings(Project& project) {
    std::map<Id, std::int64_t> counts;
    for (const auto& coding : CodingStore(project).list()) ++counts[coding.document];
    return counts;
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
    populating_ = true;
    Freeze();
    DeleteAllItems();
    names_.clear();
    const auto root = AddRoot("root");
    DocumentStore documents(project);
    auto codings = count_codings(project);
    std::map<std::string, wxTreeItemId> groups;
    // Documents without the attribute are grouped under this (Danish, as the municipalities are).
    const std::string none = "(ingen kommune)";
    for (const auto& document : documents.all()) {
        const auto attributes = documents.attributes(document.id);
        const auto found = attributes.find("municipality");
        const std::string group = found != attributes.end() && !found->second.empty() ? found->second : none;
        if (!groups.count(group)) groups[group] = AppendItem(root, to_wx(group));
        names_[document.id] = to_wx(document.name);
        AppendItem(groups[group], label_of(names_[document.id], codings[document.id]), -1, -1, new DocumentItem(document.id));
    }
    // Municipalities in order, the documents without one last.
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
    auto codings = count_codings(project);
    for_each_document_item([&](const wxTreeItemId& item, Id id) {
        const wxString label = label_of(names_[id], codings[id]);
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
