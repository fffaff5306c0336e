#include "workbench/error_messages.h"
#include "workbench/quote_set_view.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include "coding/error.h"
#include "exporters/quote_report.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// The groupings offered, as the exporter names them.
const char* const groupings[] = {"arranged", "code", "municipality", "stage"};

wxString attribution_help() {
    return _("Attribution after each quotation: {speaker}, {role}, {municipality}, {age} … "
             "Attributes a participant lacks are left out.");
}

}  // namespace

QuoteSetView::QuoteSetView(wxWindow* parent) : wxPanel(parent) {
    sets_ = new wxChoice(this, wxID_ANY);
    auto* new_button = new wxButton(this, wxID_ANY, _("New…"));
    auto* rename_button = new wxButton(this, wxID_ANY, _("Rename…"));
    auto* delete_button = new wxButton(this, wxID_ANY, _("Delete"));
    grouping_ = new wxChoice(this, wxID_ANY);
    grouping_->Append(_("As arranged"));
    grouping_->Append(_("By code"));
    grouping_->Append(_("By municipality"));
    grouping_->Append(_("By BIKVA stage"));
    grouping_->SetSelection(0);
    attribution_ = new wxTextCtrl(this, wxID_ANY, "({speaker})", wxDefaultPosition, wxSize(220, -1), wxTE_PROCESS_ENTER);
    attribution_->SetToolTip(attribution_help());
    auto* export_button = new wxButton(this, wxID_ANY, _("Export…"));
    export_button->SetToolTip(_("Save the quote set for the report: Word, OpenDocument, HTML, Markdown, or a table"));

    quotes_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    quotes_->AppendColumn("#", wxLIST_FORMAT_RIGHT, 40);
    quotes_->AppendColumn(_("Quotation"), wxLIST_FORMAT_LEFT, 640);
    quotes_->AppendColumn(_("Attribution"), wxLIST_FORMAT_LEFT, 220);
    quotes_->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 170);
    quotes_->AppendColumn(_("Comment"), wxLIST_FORMAT_LEFT, 240);
    quotes_->SetToolTip(_("Drag a quote to its place; double-click to see it in the transcript; Ctrl+C copies the "
                          "quotations with their attributions for the report"));
    auto* up_button = new wxButton(this, wxID_ANY, _("Move up"));
    auto* down_button = new wxButton(this, wxID_ANY, _("Move down"));
    auto* comment_button = new wxButton(this, wxID_ANY, _("Comment…"));
    auto* remove_button = new wxButton(this, wxID_ANY, _("Remove"));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Quote set")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(sets_, 1, wxRIGHT, 6);
    top->Add(new_button, 0, wxRIGHT, 4);
    top->Add(rename_button, 0, wxRIGHT, 4);
    top->Add(delete_button, 0, wxRIGHT, 16);
    top->Add(new wxStaticText(this, wxID_ANY, _("Group")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(grouping_, 0, wxRIGHT, 12);
    top->Add(new wxStaticText(this, wxID_ANY, _("Attribution")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    top->Add(attribution_, 0, wxRIGHT, 12);
    top->Add(export_button, 0);
    auto* side = new wxBoxSizer(wxVERTICAL);
    for (auto* button : {up_button, down_button, comment_button, remove_button}) side->Add(button, 0, wxEXPAND | wxBOTTOM, 4);
    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(quotes_, 1, wxEXPAND | wxRIGHT, 6);
    middle->Add(side, 0);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, 0, wxEXPAND | wxALL, 6);
    column->Add(middle, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizer(column);

    sets_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill_quotes(); });
    grouping_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill_quotes(); });
    attribution_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { keep_attribution(); });
    attribution_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        keep_attribution();
        event.Skip();
    });
    new_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { make_set(); });
    rename_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { rename_set(); });
    delete_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { delete_set(); });
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_and_export(); });
    up_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(-1); });
    down_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move_selected(+1); });
    comment_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { comment_selected(); });
    remove_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected(); });
    // A quote dragged within the list is dropped at the row under the mouse.
    quotes_->Bind(wxEVT_LIST_BEGIN_DRAG, [this](wxListEvent& event) {
        dragged_ = event.GetIndex();
        quotes_->CaptureMouse();
    });
    quotes_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        if (dragged_ < 0) {
            event.Skip();
            return;
        }
        if (quotes_->HasCapture()) quotes_->ReleaseMouse();
        int flags = 0;
        long target = quotes_->HitTest(event.GetPosition(), flags);
        if (target == wxNOT_FOUND) target = quotes_->GetItemCount() - 1;
        const long from = dragged_;
        dragged_ = -1;
        if (target != from) move_quote_to(from, target);
    });
    quotes_->Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) { dragged_ = -1; });
    quotes_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.ControlDown() && event.GetKeyCode() == 'C') {
            copy_quotes();
        } else {
            event.Skip();
        }
    });
    quotes_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (const auto quote = selected_quote(); quote && jump_) jump_(quote->document, quote->span);
    });
}

void QuoteSetView::refresh(Project& project) {
    project_ = &project;
    const auto chosen = current_set();
    set_list_ = QuoteSetStore(project).all();
    sets_->Clear();
    int selection = set_list_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < set_list_.size(); ++i) {
        sets_->Append(wxString::Format("%s (%d)", to_wx(set_list_[i].name), set_list_[i].quotes));
        if (chosen && set_list_[i].id == *chosen) selection = static_cast<int>(i);
    }
    sets_->SetSelection(selection);
    const wxString kept = to_wx(QuoteSetStore(project).attribution_template());
    if (attribution_->GetValue() != kept && !attribution_->HasFocus()) attribution_->ChangeValue(kept);
    fill_quotes();
}

void QuoteSetView::keep_attribution() {
    if (!project_) return;
    try {
        QuoteSetStore store(*project_);
        if (from_wx(attribution_->GetValue()) != store.attribution_template()) {
            store.set_attribution_template(from_wx(attribution_->GetValue()));
            if (changed_) changed_(_("Kept the attribution template in the project (Ctrl+Z undoes)"));
        }
    } catch (const std::exception&) {
        // An unfinished template is shown as such by fill_quotes, and kept once it is whole.
    }
    fill_quotes();
}

bool QuoteSetView::choose_set(const std::string& name) {
    for (std::size_t i = 0; i < set_list_.size(); ++i) {
        if (set_list_[i].name == name) {
            sets_->SetSelection(static_cast<int>(i));
            fill_quotes();
            return true;
        }
    }
    return false;
}

std::optional<Id> QuoteSetView::current_set() const {
    const int at = sets_->GetSelection();
    if (at == wxNOT_FOUND || static_cast<std::size_t>(at) >= set_list_.size()) return std::nullopt;
    return set_list_[static_cast<std::size_t>(at)].id;
}

std::vector<std::string> QuoteSetView::shown_lines() const { return lines_; }

std::string QuoteSetView::attribution() const { return from_wx(attribution_->GetValue()); }

void QuoteSetView::fill_quotes() {
    quotes_->Freeze();
    quotes_->DeleteAllItems();
    quote_list_.clear();
    lines_.clear();
    const auto set = current_set();
    if (project_ && set) {
        try {
            quote_list_ = QuoteSetStore(*project_).quotes(*set);
            exporters::QuoteExportOptions options;
            options.attribution = attribution();
            std::map<Id, exporters::PreparedQuote> prepared;
            for (const auto& group : exporters::prepare_quote_set(*project_, *set, options)) {
                for (const auto& quote : group.quotes) prepared[quote.id] = quote;
            }
            for (const auto& quote : quote_list_) {
                const auto& shown = prepared[quote.id];
                const long row = quotes_->InsertItem(quotes_->GetItemCount(), wxString::Format("%d", quote.position));
                quotes_->SetItem(row, 1, to_wx(shown.text));
                quotes_->SetItem(row, 2, to_wx(shown.attribution));
                quotes_->SetItem(row, 3, to_wx(shown.document_name));
                quotes_->SetItem(row, 4, to_wx(quote.comment));
                lines_.push_back(shown.text + (shown.attribution.empty() ? "" : " " + shown.attribution));
            }
            attribution_->SetToolTip(attribution_help());
        } catch (const std::exception& error) {
            // A template being typed may be unfinished ("({rol"); say so where it is typed.
            attribution_->SetToolTip(to_wx(error.what()));
        }
    }
    quotes_->Thaw();
}

void QuoteSetView::changed(const wxString& message) {
    refresh(*project_);
    if (changed_) changed_(message);
}

std::optional<Quote> QuoteSetView::selected_quote() const {
    const long row = quotes_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= quote_list_.size()) return std::nullopt;
    return quote_list_[static_cast<std::size_t>(row)];
}

void QuoteSetView::make_set() {
    if (!project_) return;
    wxTextEntryDialog dialog(this, _("Name of the new quote set, e.g. the chapter it is for:"), _("New quote set"));
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        const Id id = QuoteSetStore(*project_).create(from_wx(dialog.GetValue()));
        changed(_("Made a quote set (Ctrl+Z undoes)"));
        for (std::size_t i = 0; i < set_list_.size(); ++i) {
            if (set_list_[i].id == id) sets_->SetSelection(static_cast<int>(i));
        }
        fill_quotes();
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

void QuoteSetView::rename_set() {
    const auto set = current_set();
    if (!project_ || !set) return;
    wxTextEntryDialog dialog(this, _("New name of the quote set:"), _("Rename quote set"),
                             to_wx(QuoteSetStore(*project_).get(*set).name));
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        QuoteSetStore(*project_).rename(*set, from_wx(dialog.GetValue()));
        changed(_("Renamed the quote set (Ctrl+Z undoes)"));
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

void QuoteSetView::delete_set() {
    const auto set = current_set();
    if (!project_ || !set) return;
    try {
        QuoteSetStore(*project_).remove(*set);
        changed(_("Deleted the quote set; the codings stay (Ctrl+Z undoes)"));
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

void QuoteSetView::move_selected(int by) {
    const auto quote = selected_quote();
    if (!project_ || !quote) return;
    const int target = quote->position + by;
    if (target < 1 || target > static_cast<int>(quote_list_.size())) return;
    try {
        QuoteSetStore(*project_).move_quote(quote->id, target);
        changed(_("Moved the quote (Ctrl+Z undoes)"));
        quotes_->SetItemState(target - 1, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

void QuoteSetView::move_quote_to(long from, long to) {
    if (!project_ || from < 0 || static_cast<std::size_t>(from) >= quote_list_.size()) return;
    try {
        QuoteSetStore(*project_).move_quote(quote_list_[static_cast<std::size_t>(from)].id, static_cast<int>(to) + 1);
        changed(_("Moved the quote (Ctrl+Z undoes)"));
        quotes_->SetItemState(to, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

// The chosen quotation (or all, when none is chosen) with attributions, one paragraph each, for pasting into the report.
void QuoteSetView::copy_quotes() {
    wxString text;
    const long chosen = quotes_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (chosen >= 0 && static_cast<std::size_t>(chosen) != i) continue;
        text << to_wx(lines_[i]) << "\n\n";
    }
    if (text.empty() || !wxTheClipboard->Open()) return;
    wxTheClipboard->SetData(new wxTextDataObject(text.Trim()));
    wxTheClipboard->Close();
    if (changed_) changed_(_("Copied the quotations with their attributions"));
}

void QuoteSetView::remove_selected() {
    const auto quote = selected_quote();
    if (!project_ || !quote) return;
    try {
        QuoteSetStore(*project_).remove_quote(quote->id);
        changed(_("Removed the quote from the set; the coding stays (Ctrl+Z undoes)"));
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

void QuoteSetView::comment_selected() {
    const auto quote = selected_quote();
    if (!project_ || !quote) return;
    wxTextEntryDialog dialog(this, _("Comment on this quotation (shown in the export when asked for):"), _("Comment"),
                             to_wx(quote->comment), wxOK | wxCANCEL | wxTE_MULTILINE);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        QuoteSetStore(*project_).set_comment(quote->id, from_wx(dialog.GetValue()));
        changed(_("Commented on the quote (Ctrl+Z undoes)"));
    } catch (const std::exception& error) {
        show_error(this, error);
    }
}

ProjectWriter QuoteSetView::prepare_export(const std::filesystem::path& path) const {
    const auto set = current_set();
    if (!project_ || !set) throw InputError("no quote set is chosen");
    auto extension = path.extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    const auto format = exporters::parse_quote_export_format(extension);
    exporters::QuoteExportOptions options;
    options.attribution = attribution();
    options.grouping = exporters::parse_grouping(groupings[std::max(0, grouping_->GetSelection())]);
    options.with_comments = true;
    return [set = *set, path, format, options](Project& project) { exporters::export_quote_set(project, set, path, format, options); };
}

void QuoteSetView::export_to(const std::filesystem::path& path, std::function<void(bool)> done) {
    write_in_background(*this, *project_, prepare_export(path), to_wx(path.string()), std::move(done));
}

void QuoteSetView::ask_and_export() {
    const auto set = current_set();
    if (!project_ || !set) return;
    const auto prepare = [this](const std::filesystem::path& path) { return prepare_export(path); };
    export_by_type(this, _("Export the quote set"), to_wx(QuoteSetStore(*project_).get(*set).name),
                   {{_("Word (DOCX)"), "docx", {}, prepare}, {_("OpenDocument (ODT)"), "odt", {}, prepare},
                    {_("Web page (HTML)"), "html", {}, prepare}, {_("Markdown (MD)"), "md", {}, prepare},
                    {_("Workbook (XLSX)"), "xlsx", {}, prepare}, {_("Table (CSV)"), "csv", {}, prepare}},
                   project_);
}

}  // namespace fokus::workbench
