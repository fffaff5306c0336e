// The main window's code tree: retrieving a code's segments, and editing,
// adding, deleting, moving and merging codes from its menu or by dragging.
#include <wx/choicdlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include <optional>

#include "coding/code_description.h"
#include "coding/codes.h"
#include "workbench/code_editor.h"
#include "workbench/code_tree.h"
#include "workbench/main_frame.h"
#include "workbench/segments_list.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

void MainFrame::retrieve(Id code) {
    try {
        retrieved_ = code;
        const auto found = CodeStore(project_).get(code);
        segments_->show(project_, fokus::CodeItem{false, found.id, found.name, {found.id}});
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::show_code_menu(std::optional<Id> code) {
    enum { edit = 1, add_below, add_top, merge, remove, code_passage, assign_key };
    wxMenu menu;
    std::optional<Code> chosen;
    try {
        if (code) chosen = CodeStore(project_).get(*code);
    } catch (const std::exception&) {
    }
    if (chosen) {
        if (chosen->codable) menu.Append(code_passage, _("Code the selected passage with it"))->Enable(transcript_->selection().has_value());
        menu.Append(edit, _("Name, colour, definition and memo…"));
        if (chosen->codable) menu.Append(assign_key, _("Assign key…"));
        menu.Append(add_below, _("New code below it…"));
        menu.Append(merge, _("Merge into another code…"));
        menu.Append(remove, _("Delete…"));
        menu.AppendSeparator();
    }
    menu.Append(add_top, _("New code…"));
    switch (GetPopupMenuSelectionFromUser(menu)) {
        case code_passage: code_selection(chosen->id); break;
        case edit: edit_code(chosen->id); break;
        case assign_key: ask_and_assign_key(chosen->id); break;
        case add_below: add_code(chosen->id); break;
        case add_top: add_code(std::nullopt); break;
        case merge: code_dropped(chosen->id, std::nullopt); break;
        case remove: delete_code(chosen->id); break;
        default: break;
    }
}

void MainFrame::edit_code(Id code) {
    try {
        CodeEditor editor(this, description_of(project_, code), CodeStore(project_).coding_count(code));
        if (editor.ShowModal() != wxID_OK) return;
        const auto edited = editor.edited();
        describe_code(code, edited.name, edited.colour, edited.definition, edited.memo);
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::describe_code(Id code, const std::string& name, const std::string& colour, const std::string& definition,
                              const std::string& memo) {
    try {
        if (!fokus::describe_code(project_, code, CodeDescription{name, colour, definition, memo})) return;
        refresh_after_change(Changed::codes, wxString::Format(_("Saved the code \"%s\""), to_wx(name)));
        codes_->select(code);
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::add_code(std::optional<Id> parent) {
    wxTextEntryDialog ask(this, parent ? _("Name of the new code below the chosen one:") : _("Name of the new code:"), _("New code"));
    if (ask.ShowModal() != wxID_OK) return;
    try {
        const Id code = CodeStore(project_).add(from_wx(ask.GetValue()), parent);
        refresh_after_change(Changed::codes, wxString::Format(_("New code \"%s\""), ask.GetValue()));
        codes_->select(code);
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::delete_code(Id code) {
    try {
        CodeStore codes(project_);
        const auto found = codes.get(code);
        const auto count = codes.coding_count(code);
        const wxString question = count > 0 ? wxString::Format(wxPLURAL("Delete \"%s\" and its %lld coding? Ctrl+Z brings both back.",
                                                                        "Delete \"%s\" and its %lld codings? Ctrl+Z brings them back.", count),
                                                               to_wx(found.name), static_cast<long long>(count))
                                            : wxString::Format(_("Delete \"%s\"?"), to_wx(found.name));
        if (IsShown() && !wxGetEnv("FOKUS_NO_DIALOGS", nullptr) &&
            wxMessageBox(question, "Fokus", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES) {
            return;
        }
        codes.remove(code);
        refresh_after_change(Changed::codes, wxString::Format(_("Deleted \"%s\" (Ctrl+Z undoes)"), to_wx(found.name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

// Dropped on a code: move it below that code, or merge the two. Dropped
// elsewhere (or chosen from the menu): merge into a code picked from a list.
void MainFrame::code_dropped(Id dragged, std::optional<Id> target) {
    try {
        CodeStore codes(project_);
        const auto moving = codes.get(dragged);
        if (!target) {
            std::vector<Code> others;
            wxArrayString names;
            for (const auto& code : codes.all()) {
                if (code.id == dragged || !code.codable) continue;
                others.push_back(code);
                names.Add(to_wx(code.name));
            }
            wxSingleChoiceDialog choose(this, wxString::Format(_("Merge \"%s\" into which code? Its codings move there."), to_wx(moving.name)),
                                        _("Merge codes"), names);
            if (choose.ShowModal() != wxID_OK) return;
            target = others[static_cast<std::size_t>(choose.GetSelection())].id;
            const int moved = codes.merge(dragged, *target);
            refresh_after_change(Changed::codes, wxString::Format(_("Merged into \"%s\": %d codings moved (Ctrl+Z undoes)"),
                                                                  names[choose.GetSelection()], moved));
            return;
        }
        const auto onto = codes.get(*target);
        enum { move_below = 1, move_top, merge };
        wxMenu menu;
        menu.Append(move_below, wxString::Format(_("Move \"%s\" below \"%s\""), to_wx(moving.name), to_wx(onto.name)));
        if (moving.parent) menu.Append(move_top, wxString::Format(_("Move \"%s\" to the top level"), to_wx(moving.name)));
        if (onto.codable) menu.Append(merge, wxString::Format(_("Merge \"%s\" into \"%s\""), to_wx(moving.name), to_wx(onto.name)));
        switch (GetPopupMenuSelectionFromUser(menu)) {
            case move_below: codes.move(dragged, *target); break;
            case move_top: codes.move(dragged, std::nullopt); break;
            case merge: codes.merge(dragged, *target); break;
            default: return;
        }
        refresh_after_change(Changed::codes, wxString::Format(_("Changed the code tree (Ctrl+Z undoes)")));
    } catch (const std::exception& error) {
        report(error);
    }
}

}  // namespace fokus::workbench
