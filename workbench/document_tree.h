#pragma once
// The documents of the project, grouped by municipality, with their codings counted.
#include <wx/treectrl.h>

#include <functional>
#include <map>

#include "coding/project.h"

namespace fokus::workbench {

class DocumentTree : public wxTreeCtrl {
public:
    explicit DocumentTree(wxWindow* parent);
    // Rebuilds the tree: after documents were added, removed or renamed.
    void populate(Project& project);
    // Only the counts: after codings changed. Keeps scrolling and selection.
    void refresh_counts(Project& project);
    void on_open(std::function<void(Id)> callback) { opened_ = std::move(callback); }
    // Selects the document's item without opening it again.
    void mark(Id document);

private:
    static std::map<Id, std::int64_t> count_codings(Project& project);
    template <typename Visit>
    void for_each_document_item(Visit visit);

    std::function<void(Id)> opened_;
    std::map<Id, wxString> names_;
    bool populating_ = false;
};

}  // namespace fokus::workbench
