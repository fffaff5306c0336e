#include "workbench/error_messages.h"
#include "workbench/memo_view.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

std::string one_line(std::string text, std::size_t longest) {
    for (auto& c : text) {
        if (c == '\n') c = ' ';
    }
    if (text.size() > longest) {
        std::size_t cut = longest;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        text = text.substr(0, cut) + "…";
    }
    return text;
}

// "2026-11-22T21:31:05Z" as "2026-11-22 21:31".
std::string readable_time(std::string stamp) {
    if (stamp.size() >= 16 && stamp[10] == 'T') return stamp.substr(0, 10) + " " + stamp.substr(11, 5);
    return stamp;
}

}  // namespace

MemoView::MemoView(wxWindow* parent) : wxPanel(parent) {
    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    list_ = new wxListCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("On"), wxLIST_FORMAT_LEFT, 260);
    list_->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, 180);
    list_->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, 90);
    list_->AppendColumn(_("Changed"), wxLIST_FORMAT_LEFT, 150);
    auto* editor = new wxPanel(split);
    target_label_ = new wxStaticText(editor, wxID_ANY, _("Choose a memo, or write a new one on the project."));
    title_ = new wxTextCtrl(editor, wxID_ANY);
    title_->SetHint(_("Title"));
    text_ = new wxTextCtrl(editor, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE);
    text_->SetHint(_("Your notes: observations, interpretations, decisions of the group"));
    auto* save_button = new wxButton(editor, wxID_ANY, _("Save"));
    auto* new_button = new wxButton(editor, wxID_ANY, _("New memo on the project"));
    delete_ = new wxButton(editor, wxID_ANY, _("Delete"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(save_button, 0, wxRIGHT, 6);
    buttons->Add(new_button, 0, wxRIGHT, 6);
    buttons->AddStretchSpacer();
    buttons->Add(delete_, 0);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(target_label_, 0, wxEXPAND | wxALL, 6);
    column->Add(title_, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);
    column->Add(text_, 1, wxEXPAND | wxALL, 6);
    column->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    editor->SetSizer(column);
    split->SplitVertically(list_, editor, 700);
    split->SetMinimumPaneSize(200);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(split, 1, wxEXPAND);
    SetSizer(outer);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) { show_memo(static_cast<std::size_t>(event.GetIndex())); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < memos_.size()) jump_to(memos_[index].target);
    });
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    new_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_new(MemoTarget{}); });
    delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_chosen(); });
}

wxString MemoView::describe(const MemoTarget& target) const {
    try {
        switch (target.kind) {
            case MemoTarget::Kind::Project: return _("The project");
            case MemoTarget::Kind::Document:
                return wxString::Format(_("Document %s"), to_wx(DocumentStore(*project_).get(target.id).name));
            case MemoTarget::Kind::Code: return wxString::Format(_("Code %s"), to_wx(CodeStore(*project_).get(target.id).name));
            case MemoTarget::Kind::Coding: {
                const auto coding = CodingStore(*project_).get(target.id);
                const auto excerpt = DocumentStore(*project_).excerpt(coding.document, coding.span);
                return wxString::Format(_("Coding %s: “%s”"), to_wx(CodeStore(*project_).get(coding.code).name),
                                        to_wx(one_line(excerpt, 60)));
            }
        }
    } catch (const std::exception&) {
    }
    return wxString();
}

void MemoView::refresh(Project& project) {
    project_ = &project;
    memos_ = MemoStore(project).list();
    list_->Freeze();
    list_->DeleteAllItems();
    for (const auto& memo : memos_) {
        const long row = list_->InsertItem(list_->GetItemCount(), describe(memo.target));
        list_->SetItem(row, 1, to_wx(memo.title.empty() ? one_line(memo.text, 40) : memo.title));
        list_->SetItem(row, 2, to_wx(memo.author));
        list_->SetItem(row, 3, to_wx(readable_time(memo.modified_at)));
        if (editing_ && memo.id == *editing_) list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    list_->Thaw();
    delete_->Enable(editing_.has_value());
}

void MemoView::start_new(const MemoTarget& target) {
    editing_.reset();
    new_target_ = target;
    target_label_->SetLabel(wxString::Format(_("New memo on: %s"), describe(target)));
    title_->Clear();
    text_->Clear();
    delete_->Enable(false);
    text_->SetFocus();
}

void MemoView::show_memo(std::size_t index) {
    if (index >= memos_.size()) return;
    const auto& memo = memos_[index];
    editing_ = memo.id;
    target_label_->SetLabel(wxString::Format(_("Memo on: %s"), describe(memo.target)));
    title_->ChangeValue(to_wx(memo.title));
    text_->ChangeValue(to_wx(memo.text));
    delete_->Enable(true);
}

bool MemoView::save(const std::string& title, const std::string& text) {
    if (!project_) return false;
    try {
        MemoStore store(*project_);
        if (editing_) {
            store.edit(*editing_, title, text);
        } else {
            editing_ = store.add(new_target_, title, text);
        }
        refresh(*project_);
        if (changed_) changed_(_("Saved the memo (Ctrl+Z undoes)"));
        return true;
    } catch (const std::exception& error) {
        show_error(this, error);
        return false;
    }
}

bool MemoView::save() { return save(from_wx(title_->GetValue()), from_wx(text_->GetValue())); }

void MemoView::remove_chosen() {
    if (!project_ || !editing_) return;
    try {
        MemoStore(*project_).remove(*editing_);
        editing_.reset();
        start_new(MemoTarget{});
        refresh(*project_);
        if (changed_) changed_(_("Deleted the memo (Ctrl+Z undoes)"));
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

void MemoView::jump_to(const MemoTarget& target) {
    if (!jump_ || !project_) return;
    try {
        if (target.kind == MemoTarget::Kind::Document) jump_(target.id, std::nullopt);
        if (target.kind == MemoTarget::Kind::Coding) {
            const auto coding = CodingStore(*project_).get(target.id);
            jump_(coding.document, coding.span);
        }
    } catch (const std::exception&) {
    }
}

}  // namespace fokus::workbench
