#pragma once
// Memos: every memo of the project (on the project, a document, a code or a
// coding) in a list, and the chosen one in an editor beside it. A new memo
// starts from a target chosen elsewhere (the transcript's context menu); each
// save or delete is one step of undo, made through the core.
#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "coding/memos.h"
#include "coding/project.h"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace fokus::workbench {

class MemoView : public wxPanel {
public:
    explicit MemoView(wxWindow* parent);

    void refresh(Project& project);
    // Opens an empty editor for a new memo on the target.
    void start_new(const MemoTarget& target);
    // Writes what the editor holds (a new memo, or the chosen one); false when nothing was written.
    bool save(const std::string& title, const std::string& text);
    bool save();

    void on_jump(std::function<void(Id document, std::optional<Span> span)> callback) { jump_ = std::move(callback); }
    void on_changed(std::function<void(const wxString& message)> callback) { changed_ = std::move(callback); }

private:
    wxString describe(const MemoTarget& target) const;
    void show_memo(std::size_t index);
    void remove_chosen();
    void jump_to(const MemoTarget& target);

    Project* project_ = nullptr;
    wxListCtrl* list_;
    wxStaticText* target_label_;
    wxTextCtrl* title_;
    wxTextCtrl* text_;
    wxButton* delete_;
    std::vector<Memo> memos_;
    std::optional<Id> editing_;       // the memo in the editor, when it exists
    MemoTarget new_target_;           // where a new memo goes, when editing_ is empty
    std::function<void(Id, std::optional<Span>)> jump_;
    std::function<void(const wxString&)> changed_;
};

}  // namespace fokus::workbench
