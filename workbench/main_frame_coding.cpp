// The main window's coding in the transcript: coding the selection (by a
// code, its number key, the picker or in vivo), uncoding, commenting and
// recoding a coding, and undo and redo.
#include <wx/msgdlg.h>

#include <optional>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/in_vivo.h"
#include "coding/text.h"
#include "workbench/action_labels.h"
#include "workbench/code_picker.h"
#include "workbench/code_tree.h"
#include "workbench/main_frame.h"
#include "workbench/segments_list.h"
#include "workbench/menu_ids.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {


void MainFrame::code_selection(Id code) {
    const auto span = transcript_->selection();
    const auto document = transcript_->document();
    if (!span || !document) {
        SetStatusText(_("Select a passage first, then choose a code."), message_field);
        return;
    }
    try {
        CodingStore(project_).add(*document, code, *span);
        refresh_after_change(Changed::codings, wxString::Format(_("Coded with \"%s\""), to_wx(CodeStore(project_).get(code).name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::code_with_selected_code() {
    if (const auto code = codes_->selected()) {
        code_selection(*code);
    } else {
        SetStatusText(_("Select a code in the code tree first."), message_field);
    }
}

void MainFrame::pick_code() {
    if (!transcript_->selection()) {
        SetStatusText(_("Select a passage first, then choose a code."), message_field);
        return;
    }
    try {
        CodePicker picker(this, CodeStore(project_).all());
        if (picker.ShowModal() == wxID_OK) {
            if (const auto code = picker.chosen()) code_selection(*code);
        }
    } catch (const std::exception& error) {
        report(error);
    }
}

bool MainFrame::pick_code(const std::string& typed) {
    const auto found = matching_codes(CodeStore(project_).all(), typed);
    if (found.empty()) return false;
    code_selection(found.front().id);
    return true;
}

void MainFrame::code_in_vivo() {
    const auto span = transcript_->selection();
    const auto document = transcript_->document();
    if (!span || !document) {
        SetStatusText(_("Select the words to name the new code by."), message_field);
        return;
    }
    try {
        const auto made = fokus::code_in_vivo(project_, *document, *span);
        refresh_after_change(made.new_code ? Changed::codes : Changed::codings,
                             made.new_code ? wxString::Format(_("New code \"%s\", coded in vivo"), to_wx(made.name))
                                           : wxString::Format(_("Coded with \"%s\""), to_wx(made.name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::uncode_at_caret() {
    if (const auto coding = transcript_->coding_at_caret()) {
        uncode(coding->id);
    } else {
        SetStatusText(_("There is no coding at the cursor."), message_field);
    }
}

void MainFrame::uncode(Id coding) {
    try {
        const auto removed = CodingStore(project_).get(coding);
        const auto name = CodeStore(project_).get(removed.code).name;
        CodingStore(project_).remove(coding);
        refresh_after_change(Changed::codings, wxString::Format(_("Removed the coding with \"%s\""), to_wx(name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::undo() { step_through_history(true); }

void MainFrame::redo() { step_through_history(false); }

// Undo (back) or redo, with what it did, or that there was nothing to do, in the status bar.
void MainFrame::step_through_history(bool back) {
    if (!(back ? can_undo_ : can_redo_)) {
        SetStatusText(back ? _("Nothing to undo") : _("Nothing to redo"), message_field);
        return;
    }
    try {
        History history(project_);
        const auto step = back ? history.undo() : history.redo();
        refresh_after_change(Changed::history, wxString::Format(back ? _("Undone: %s") : _("Redone: %s"), translated_action_label(step.label)));
    } catch (const std::exception& error) {
        report(error);
    }
}

bool MainFrame::comment_coding(Id coding, const std::string& comment) {
    try {
        CodingStore(project_).set_comment(coding, comment);
        refresh_after_change(Changed::codings, _("Saved the comment (Ctrl+Z undoes)"));
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::recode(Id coding, Id code) {
    try {
        CodingStore(project_).recode(coding, code);
        refresh_after_change(Changed::codings,
                             wxString::Format(_("Recoded as \"%s\" (Ctrl+Z undoes)"), to_wx(CodeStore(project_).get(code).name)));
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

void MainFrame::retrieve(Id code) {
    try {
        retrieved_ = code;
        const auto found = CodeStore(project_).get(code);
        segments_->show(project_, fokus::CodeItem{false, found.id, found.name, {found.id}});
    } catch (const std::exception& error) {
        report(error);
    }
}

}  // namespace fokus::workbench
