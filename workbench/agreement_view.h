#pragma once
// Intercoder agreement: chosen coders compared by character, word, sentence
// or turn, a row per code with the statistics, and for the chosen code the
// stretches where the coders disagree, to discuss and sharpen its definition.
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "analysis/agreement.h"
#include "coding/project.h"

class wxCheckListBox;
class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace fokus::workbench {

class AgreementView : public wxPanel {
public:
    explicit AgreementView(wxWindow* parent);

    // Lists the project's coders to choose from.
    void refresh(Project& project);
    // Compares these coders (all listed when empty); false when fewer than two.
    bool compare(const std::vector<std::string>& coders, AgreementUnit unit);
    // Shows where the coders disagree on the code; false when it is not in the table.
    bool show_disagreements(const std::string& code);
    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }

private:
    AgreementRequest request() const;

    Project* project_ = nullptr;
    wxCheckListBox* coders_;
    wxChoice* unit_;
    wxListCtrl* table_;
    wxStaticText* caption_;
    wxListCtrl* disagreements_;
    AgreementReport report_;
    std::vector<Disagreement> shown_;
    std::function<void(Id, Span)> jump_;
};

}  // namespace fokus::workbench
