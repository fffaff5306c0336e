// The main window's quote sets and memos: adding codings or a passage to a
// quote set, and writing memos.
#include <wx/choicdlg.h>
#include <wx/textdlg.h>

#include "coding/quote_sets.h"
#include "workbench/main_frame.h"
#include "workbench/memo_view.h"
#include "workbench/menu_ids.h"
#include "workbench/quote_set_view.h"
#include "workbench/segments_list.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

std::optional<Id> MainFrame::ask_for_quote_set() {
    QuoteSetStore store(project_);
    const auto sets = store.all();
    wxArrayString names;
    for (const auto& set : sets) names.Add(to_wx(set.name));
    names.Add(_("New quote set…"));
    wxSingleChoiceDialog dialog(this, _("Add to which quote set?"), _("Quote sets"), names);
    if (const auto current = quote_sets_->current_set()) {
        for (std::size_t i = 0; i < sets.size(); ++i) {
            if (sets[i].id == *current) dialog.SetSelection(static_cast<int>(i));
        }
    }
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    const auto chosen = static_cast<std::size_t>(dialog.GetSelection());
    if (chosen < sets.size()) return sets[chosen].id;
    wxTextEntryDialog name(this, _("Name of the new quote set, e.g. the chapter it is for:"), _("New quote set"));
    if (name.ShowModal() != wxID_OK) return std::nullopt;
    return store.create(from_wx(name.GetValue()));
}

bool MainFrame::add_to_quote_set(const std::vector<Id>& codings, std::optional<Id> set) {
    try {
        if (!set) set = ask_for_quote_set();
        if (!set) return false;
        const auto added = QuoteSetStore(project_).add_codings(*set, codings);
        quote_sets_->refresh(project_);
        quote_sets_->choose_set(QuoteSetStore(project_).get(*set).name);
        show_tab(quote_sets_);
        update_undo_labels();
        SetStatusText(wxString::Format(wxPLURAL("Added %d quote to \"%s\" (Ctrl+Z undoes)", "Added %d quotes to \"%s\" (Ctrl+Z undoes)",
                                                static_cast<int>(added.size())),
                                       static_cast<int>(added.size()),
                                       to_wx(QuoteSetStore(project_).get(*set).name)),
                      message_field);
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

void MainFrame::quote_selection() {
    const auto span = transcript_->selection();
    const auto document = transcript_->document();
    if (!span || !document) return;
    try {
        const auto set = ask_for_quote_set();
        if (!set) return;
        QuoteSetStore(project_).add_span(*set, *document, *span);
        quote_sets_->refresh(project_);
        quote_sets_->choose_set(QuoteSetStore(project_).get(*set).name);
        show_tab(quote_sets_);
        update_undo_labels();
        SetStatusText(_("Added the passage to the quote set (Ctrl+Z undoes)"), message_field);
    } catch (const std::exception& error) {
        report(error);
    }
}

std::vector<Id> MainFrame::retrieved_codings() const { return segments_->codings(); }

bool MainFrame::show_quote_set(const std::string& name) {
    quote_sets_->refresh(project_);
    show_tab(quote_sets_);
    return quote_sets_->choose_set(name);
}

bool MainFrame::export_quote_set(const std::string& path) {
    try {
        last_work_failed_ = false;
        quote_sets_->export_to(path, [this](bool written) { last_work_failed_ = !written; });
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

void MainFrame::start_memo(const MemoTarget& target) {
    memos_->refresh(project_);
    show_tab(memos_);
    grow_bottom_pane();
    memos_->start_new(target);
}

bool MainFrame::write_memo(const MemoTarget& target, const std::string& title, const std::string& text) {
    start_memo(target);
    return memos_->save(title, text);
}

}  // namespace fokus::workbench
