#include "workbench/document_tree.h"

#include <map>

#include "coding/documents.h"
#include "coding/sqlite.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

class DocumentItem : public wxTreeItemData {
public:
    explicit DocumentItem(Id id) : id(id) {}
    Id id;
};

}  // namespace

DocumentTree::DocumentTree(wxWindow* parent)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE) {
    Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& event) {
        if (populating_) return;
        if (auto* item = dynamic_cast<DocumentItem*>(GetItemData(event.GetItem())); item && opened_) opened_(item->id);
    });
}

void DocumentTree::populate(Project& project) {
    populating_ = true;
    DeleteAllItems();
    const auto root = AddRoot("root");
    DocumentStore documents(project);
    std::map<Id, std::int64_t> codings;
    auto counts = project.db().prepare("SELECT document_id, count(*) FROM codings GROUP BY document_id");
    while (counts.step()) codings[counts.int64(0)] = counts.int64(1);
    std::map<std::string, wxTreeItemId> groups;
    const wxString none = _("(no municipality)");
    for (const auto& document : documents.all()) {
        const auto attributes = documents.attributes(document.id);
        const auto found = attributes.find("municipality");
        const std::string group = found != attributes.end() ? found->second : from_wx(none);
        if (!groups.count(group)) groups[group] = AppendItem(root, to_wx(group));
        AppendItem(groups[group], wxString::Format("%s  (%lld)", to_wx(document.name), static_cast<long long>(codings[document.id])), -1, -1,
                   new DocumentItem(document.id));
    }
    ExpandAll();
    populating_ = false;
}

void DocumentTree::mark(Id document) {
    populating_ = true;
    wxTreeItemIdValue group_cookie;
    for (auto group = GetFirstChild(GetRootItem(), group_cookie); group.IsOk(); group = GetNextChild(GetRootItem(), group_cookie)) {
        wxTreeItemIdValue cookie;
        for (auto item = GetFirstChild(group, cookie); item.IsOk(); item = GetNextChild(group, cookie)) {
            if (auto* data = dynamic_cast<DocumentItem*>(GetItemData(item)); data && data->id == document) SelectItem(item);
        }
    }
    populating_ = false;
}

}  // namespace fokus::workbench
