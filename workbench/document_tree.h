#pragma once
// The documents of the project, grouped by municipality (or by any document
// attribute the user chooses from the context menu), with their codings counted.
#include <wx/treectrl.h>

#include <functional>
#include <map>
#include <set>
#include <string>

#include "coding/project.h"

namespace fokus::workbench {

class DocumentTree : public wxTreeCtrl {
public:
    explicit DocumentTree(wxWindow* parent);
    // Rebuilds the tree: after documents were added, removed or renamed.
    void populate(Project& project);
    // Only the counts: after codings changed. Keeps scrolling and selection.
    void refresh_counts(Project& project);
    // Only these documents' counts: after their codings changed.
    void refresh_counts(Project& project, const std::set<Id>& documents);
    void on_open(std::function<void(Id)> callback) { opened_ = std::move(callback); }
    // Selects the document's item without opening it again.
    void mark(Id document);
    // Groups by another document attribute ("bikva_stage", "interview_form"...).
    void group_by(Project& project, const std::string& attribute);
    const std::string& grouping() const { return group_by_; }
    // The context menu's "Memo on this document…".
    void on_memo(std::function<void(Id)> callback) { memo_ = std::move(callback); }

private:
    template <typename Visit>
    void for_each_document_item(Visit visit);

    void show_menu(Project& project, const wxTreeItemId& item);

    std::function<void(Id)> opened_;
    std::function<void(Id)> memo_;
    Project* project_ = nullptr;
    std::string group_by_ = "municipality";
    std::map<Id, wxString> names_;
    bool populating_ = false;
};

}  // namespace fokus::workbench
