// The main window's transcript for scripts and the context menu: selecting
// text, where a drag would go, and what the right mouse button offers.
#include <wx/menu.h>
#include <wx/stc/stc.h>
#include <wx/textdlg.h>

#include <map>
#include <optional>

#include "coding/codes.h"
#include "coding/codings.h"
#include "workbench/code_tree.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

bool MainFrame::select_text(const std::string& text) {
    const auto document = transcript_->document();
    if (!document) return false;
    const auto spans = CodingStore(project_).find_text(*document, text);
    if (spans.empty()) return false;
    transcript_->select(spans.front());
    return true;
}

bool MainFrame::select_span(Span span) {
    if (!transcript_->document()) return false;
    transcript_->select(span);
    return true;
}

void MainFrame::scroll_transcript(int lines) { transcript_->editor()->LineScroll(0, lines); }

bool MainFrame::put_caret_at(const std::string& text) {
    const auto document = transcript_->document();
    if (!document) return false;
    const auto spans = CodingStore(project_).find_text(*document, text);
    if (spans.empty()) return false;
    transcript_->select(Span{spans.front().start, spans.front().start});
    return true;
}

std::optional<std::pair<wxPoint, wxPoint>> MainFrame::drag_points(const std::string& from, const std::string& to) {
    const auto document = transcript_->document();
    if (!document) return std::nullopt;
    CodingStore codings(project_);
    const auto starts = codings.find_text(*document, from);
    if (starts.empty()) return std::nullopt;
    for (const auto& end : codings.find_text(*document, to)) {
        if (end.end <= starts.front().start + 1 || end.length() < 3) continue;
        const auto press = transcript_->screen_point_of(starts.front().start + 1);
        const auto release = transcript_->screen_point_of(end.end - 2);
        if (press && release) return std::pair{*press, *release};
    }
    return std::nullopt;
}

std::vector<Id> MainFrame::codings_at_caret() const {
    std::vector<Id> ids;
    for (const auto& coding : transcript_->codings_at_caret()) ids.push_back(coding.id);
    return ids;
}

void MainFrame::show_context_menu() {
    const bool selected = transcript_->selection().has_value();
    wxMenu menu;
    std::optional<Code> chosen;
    if (const auto code = codes_->selected()) {
        try {
            chosen = CodeStore(project_).get(*code);
        } catch (const std::exception&) {
        }
    }
    if (chosen && chosen->codable) {
        menu.Append(code_selected_id, wxString::Format(_("Code with \"%s\"\tCtrl+Enter"), to_wx(chosen->name)))->Enable(selected);
    }
    menu.Append(pick_code_id, _("Code with…\tCtrl+K"))->Enable(selected);
    menu.Append(in_vivo_id, _("In-vivo code\tCtrl+I"))->Enable(selected);
    menu.Append(quote_selection_id, _("Add to a quote set…"))->Enable(selected);
    auto* bikva = new wxMenu;
    for (const char* name : {"bikva.mark", "bikva.present", "bikva.react", "bikva.advice"}) {
        commands_.append(*bikva, name)->Enable(commands_.can_run(*commands_.find(name)));
    }
    menu.AppendSubMenu(bikva, _("BIKVA"));
    const auto here = transcript_->codings_at_caret();
    std::map<Id, std::string> names;
    try {
        for (const auto& code : CodeStore(project_).all()) names[code.id] = code.name;
    } catch (const std::exception&) {
    }
    if (!here.empty()) menu.AppendSeparator();
    for (std::size_t i = 0; i < here.size() && first_uncode_choice_id + static_cast<int>(i) <= last_uncode_choice_id; ++i) {
        menu.Append(first_uncode_choice_id + static_cast<int>(i), wxString::Format(_("Uncode \"%s\""), to_wx(names[here[i].code])));
    }
    menu.AppendSeparator();
    menu.Append(memo_document_id, _("Memo on this document…"))->Enable(transcript_->document().has_value());
    for (std::size_t i = 0; i < here.size() && first_memo_choice_id + static_cast<int>(i) <= last_memo_choice_id; ++i) {
        menu.Append(first_memo_choice_id + static_cast<int>(i), wxString::Format(_("Memo on the coding \"%s\"…"), to_wx(names[here[i].code])));
        menu.Append(first_comment_choice_id + static_cast<int>(i), wxString::Format(_("Comment on the coding \"%s\"…"), to_wx(names[here[i].code])));
        menu.Append(first_recode_choice_id + static_cast<int>(i), wxString::Format(_("Recode \"%s\" as…"), to_wx(names[here[i].code])));
    }
    const int picked = GetPopupMenuSelectionFromUser(menu);
    if (picked == memo_document_id) {
        start_memo(MemoTarget{MemoTarget::Kind::Document, *transcript_->document()});
    } else if (picked >= first_comment_choice_id && picked <= last_comment_choice_id) {
        const auto& coding = here[static_cast<std::size_t>(picked - first_comment_choice_id)];
        wxTextEntryDialog dialog(this, _("Comment on this coding (shown when hovering its stripe):"), _("Comment"), to_wx(coding.comment),
                                 wxOK | wxCANCEL | wxTE_MULTILINE);
        if (dialog.ShowModal() == wxID_OK) comment_coding(coding.id, from_wx(dialog.GetValue()));
    } else if (picked >= first_recode_choice_id && picked <= last_recode_choice_id) {
        if (const auto code = ask_for_code()) recode(here[static_cast<std::size_t>(picked - first_recode_choice_id)].id, *code);
    } else if (picked >= first_memo_choice_id && picked <= last_memo_choice_id) {
        start_memo(MemoTarget{MemoTarget::Kind::Coding, here[static_cast<std::size_t>(picked - first_memo_choice_id)].id});
    } else if (picked >= first_uncode_choice_id && picked <= last_uncode_choice_id) {
        uncode(here[static_cast<std::size_t>(picked - first_uncode_choice_id)].id);
    } else if (picked == quote_selection_id) {
        quote_selection();
    } else if (picked == code_selected_id) {
        code_with_selected_code();
    } else if (picked == pick_code_id) {
        pick_code();
    } else if (picked == in_vivo_id) {
        code_in_vivo();
    } else if (const auto* command = commands_.by_id(picked); command && commands_.can_run(*command)) {
        command->run();
    }
}

}  // namespace fokus::workbench
