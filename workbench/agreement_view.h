#pragma once
// Intercoder agreement: the chosen coders compared in the chosen documents by
// character, word, sentence or turn; a row per code saying what was counted
// (units compared, coded by both, by each alone) beside the statistics, and
// for the chosen code the stretches where the coders disagree, to discuss
// and sharpen its definition.
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "analysis/agreement.h"
#include "coding/project.h"

class wxCheckListBox;
class wxChoice;
class wxListCtrl;
class wxSplitterWindow;
class wxStaticText;

namespace fokus::workbench {

class WrappedCaption;

class AgreementView : public wxPanel {
public:
    explicit AgreementView(wxWindow* parent);

    // Lists the project's coders and documents to choose from, all ticked.
    void refresh(Project& project);
    // Compares these coders (all listed when empty); false when fewer than two.
    bool compare(const std::vector<std::string>& coders, AgreementUnit unit);
    // Shows where the coders disagree on the code; false when it is not in the table.
    bool show_disagreements(const std::string& code);
    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }
    // The keyboard focus in the list of documents, as a click there would put it.
    void focus_documents();
    // What the table shows for a code ("" when it has no row), its cells joined by " | "; for scripts.
    wxString shown_row(const std::string& code) const;
    wxString caption() const;

private:
    AgreementRequest request() const;
    std::vector<std::string> ticked_coders() const;
    // Compares again once the ticks or the unit have settled.
    void compare_soon();
    void fill_table(const std::vector<CodedUnits>& counts);
    // Each column as wide as its widest cell or heading; the table as wide as its columns, when there is room.
    void fit_columns();

    Project* project_ = nullptr;
    wxCheckListBox* coders_;
    wxCheckListBox* documents_;
    wxChoice* unit_;
    wxSplitterWindow* split_;
    WrappedCaption* explanation_;
    wxListCtrl* table_;
    WrappedCaption* caption_;
    wxListCtrl* disagreements_;
    std::vector<Id> document_ids_;
    AgreementReport report_;
    std::vector<std::vector<wxString>> rows_;  // the cells shown, row by row
    std::vector<Disagreement> shown_;
    std::function<void(Id, Span)> jump_;
    bool compare_pending_ = false;
};

}  // namespace fokus::workbench
