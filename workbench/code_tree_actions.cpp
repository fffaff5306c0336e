#include "workbench/code_tree_actions.h"

#include <wx/choicdlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "coding/code_description.h"
#include "coding/codes.h"
#include "workbench/code_editor.h"
#include "workbench/code_tree.h"
#include "workbench/strings.h"

namespace fokus::workbench {

CodeTreeActions::CodeTreeActions(wxWindow& parent, Project& project, CodeTree& tree, Window window)
    : parent_(parent), project_(project), tree_(tree), window_(std::move(window)) {}

bool CodeTreeActions::may_ask() const { return parent_.IsShown() && !wxGetEnv("FOKUS_NO_DIALOGS", nullptr); }

void CodeTreeActions::show_menu(std::optional<Id> code) {
    enum { edit_choice = 1, add_below_choice, add_top_choice, merge_choice, remove_choice, code_passage_choice, assign_key_choice };
    wxMenu menu;
    std::optional<Code> chosen;
    try {
        if (code) chosen = CodeStore(project_).get(*code);
    } catch (const std::exception&) {
    }
    if (chosen) {
        if (chosen->codable) menu.Append(code_passage_choice, _("Code the selected passage with it"))->Enable(window_.has_selection());
        menu.Append(edit_choice, _("Name, colour, definition and memo…"));
        if (chosen->codable) menu.Append(assign_key_choice, _("Assign key…"));
        menu.Append(add_below_choice, _("New code below it…"));
        menu.Append(merge_choice, _("Merge into another code…"));
        menu.Append(remove_choice, _("Delete…"));
        menu.AppendSeparator();
    }
    menu.Append(add_top_choice, _("New code…"));
    switch (parent_.GetPopupMenuSelectionFromUser(menu)) {
        case code_passage_choice: window_.code_selection(chosen->id); break;
        case edit_choice: edit(chosen->id); break;
        case assign_key_choice: window_.assign_key(chosen->id); break;
        case add_below_choice: add(chosen->id); break;
        case add_top_choice: add(std::nullopt); break;
        case merge_choice: dropped(chosen->id, std::nullopt); break;
        case remove_choice: remove(chosen->id); break;
        default: break;
    }
}

void CodeTreeActions::edit(Id code) {
    try {
        CodeEditor editor(&parent_, description_of(project_, code), CodeStore(project_).coding_count(code));
        if (editor.ShowModal() != wxID_OK) return;
        const auto edited = editor.edited();
        describe(code, edited.name, edited.colour, edited.definition, edited.memo);
    } catch (const std::exception& error) {
        window_.report(error);
    }
}

void CodeTreeActions::describe(Id code, const std::string& name, const std::string& colour, const std::string& definition,
                              const std::string& memo) {
    try {
        if (!fokus::describe_code(project_, code, CodeDescription{name, colour, definition, memo})) return;
        window_.codes_changed(wxString::Format(_("Saved the code \"%s\""), to_wx(name)));
        tree_.select(code);
    } catch (const std::exception& error) {
        window_.report(error);
    }
}

void CodeTreeActions::add(std::optional<Id> parent) {
    wxTextEntryDialog ask(&parent_, parent ? _("Name of the new code below the chosen one:") : _("Name of the new code:"), _("New code"));
    if (ask.ShowModal() != wxID_OK) return;
    try {
        const Id code = CodeStore(project_).add(from_wx(ask.GetValue()), parent);
        window_.codes_changed(wxString::Format(_("New code \"%s\""), ask.GetValue()));
        tree_.select(code);
    } catch (const std::exception& error) {
        window_.report(error);
    }
}

void CodeTreeActions::remove(Id code) {
    try {
        CodeStore codes(project_);
        const auto found = codes.get(code);
        const auto count = codes.coding_count(code);
        const wxString question = count > 0 ? wxString::Format(wxPLURAL("Delete \"%s\" and its %lld coding? Ctrl+Z brings both back.",
                                                                        "Delete \"%s\" and its %lld codings? Ctrl+Z brings them back.", count),
                                                               to_wx(found.name), static_cast<long long>(count))
                                            : wxString::Format(_("Delete \"%s\"?"), to_wx(found.name));
        if (may_ask() && wxMessageBox(question, "Fokus", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, &parent_) != wxYES) {
            return;
        }
        codes.remove(code);
        window_.codes_changed(wxString::Format(_("Deleted \"%s\" (Ctrl+Z undoes)"), to_wx(found.name)));
    } catch (const std::exception& error) {
        window_.report(error);
    }
}

void CodeTreeActions::dropped(Id dragged, std::optional<Id> target) {
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
            wxSingleChoiceDialog choose(&parent_, wxString::Format(_("Merge \"%s\" into which code? Its codings move there."), to_wx(moving.name)),
                                        _("Merge codes"), names);
            if (choose.ShowModal() != wxID_OK) return;
            target = others[static_cast<std::size_t>(choose.GetSelection())].id;
            const int moved = codes.merge(dragged, *target);
            window_.codes_changed(wxString::Format(_("Merged into \"%s\": %d codings moved (Ctrl+Z undoes)"),
                                                                  names[choose.GetSelection()], moved));
            return;
        }
        const auto onto = codes.get(*target);
        enum { move_below = 1, move_top, merge_choice };
        wxMenu menu;
        menu.Append(move_below, wxString::Format(_("Move \"%s\" below \"%s\""), to_wx(moving.name), to_wx(onto.name)));
        if (moving.parent) menu.Append(move_top, wxString::Format(_("Move \"%s\" to the top level"), to_wx(moving.name)));
        if (onto.codable) menu.Append(merge_choice, wxString::Format(_("Merge \"%s\" into \"%s\""), to_wx(moving.name), to_wx(onto.name)));
        switch (parent_.GetPopupMenuSelectionFromUser(menu)) {
            case move_below: codes.move(dragged, *target); break;
            case move_top: codes.move(dragged, std::nullopt); break;
            case merge_choice: codes.merge(dragged, *target); break;
            default: return;
        }
        window_.codes_changed(wxString::Format(_("Changed the code tree (Ctrl+Z undoes)")));
    } catch (const std::exception& error) {
        window_.report(error);
    }
}

}  // namespace fokus::workbench
