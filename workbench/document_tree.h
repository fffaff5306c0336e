#pragma once
// The documents of the project, grouped by municipality, with their codings counted.
#include <wx/treectrl.h>

#include <functional>

#include "coding/project.h"

namespace fokus::workbench {

class DocumentTree : public wxTreeCtrl {
public:
    explicit DocumentTree(wxWindow* parent);
    void populate(Project& project);
    void on_open(std::function<void(Id)> callback) { opened_ = std::move(callback); }
    // Selects the document's item without opening it again.
    void mark(Id document);

private:
    std::function<void(Id)> opened_;
    bool populating_ = false;
};

}  // namespace fokus::workbench
