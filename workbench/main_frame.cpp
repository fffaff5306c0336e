#include "workbench/heatmap_labels.h"
#include "workbench/main_frame.h"

#include <wx/artprov.h>
#include <wx/aui/auibook.h>
#include <wx/busyinfo.h>
#include <wx/config.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/choicdlg.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/progdlg.h>
#include <wx/statusbr.h>
#include <wx/stdpaths.h>
#include <wx/toolbar.h>

#include <algorithm>
#include <iostream>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "coding/attributes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/text.h"
#include "importers/anonymity.h"
#include "search/follower.h"
#include "workbench/action_labels.h"
#include "workbench/agreement_view.h"
#include "workbench/anonymity_review.h"
#include "workbench/app.h"
#include "workbench/import_dialog.h"
#include "workbench/import_summary.h"
#include "workbench/passage_drag.h"
#include "coding/memos.h"
#include "coding/quote_sets.h"
#include "workbench/code_editor.h"
#include "workbench/code_picker.h"
#include "workbench/bikva_linking.h"
#include "workbench/bikva_view.h"
#include "workbench/code_tree.h"
#include "workbench/crosstab_view.h"
#include "workbench/cooccurrence_view.h"
#include "workbench/document_tree.h"
#include "workbench/error_messages.h"
#include "exporters/heatmap.h"
#include "workbench/screenshot.h"
#include "workbench/condensation_view.h"
#include "workbench/contrast_view.h"
#include "workbench/memo_view.h"
#include "workbench/quote_set_view.h"
#include "workbench/search_pane.h"
#include "workbench/menu_ids.h"
#include "workbench/segments_list.h"
#include "workbench/segments_pane.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {
namespace {



constexpr std::size_t longest_in_vivo_name = 60;

// The selected words as a code name: on one line, without the punctuation
// around them, and short enough for the code tree.
wxString in_vivo_name(const std::string& selected) {
    wxString name;
    bool space = false;
    for (const auto c : to_wx(selected)) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !name.empty();
            continue;
        }
        if (space) name += ' ';
        space = false;
        name += c;
    }
    const wxString punctuation = wxString::FromUTF8(".,;:!?\"'()[]«»“”„…–- ");
    while (!name.empty() && punctuation.Find(name.Last()) != wxNOT_FOUND) name.RemoveLast();
    while (!name.empty() && punctuation.Find(name[0]) != wxNOT_FOUND) name.Remove(0, 1);
    if (name.length() > longest_in_vivo_name) {
        name.Truncate(longest_in_vivo_name);
        if (const int last_space = name.Find(' ', true); last_space > 20) name.Truncate(static_cast<std::size_t>(last_space));
        name += wxString::FromUTF8("…");
    }
    return name;
}

// Installed beside the program's share folder, or in the source tree when run from a build.
wxIcon application_icon() {
    const wxString program_dir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
    for (const wxString& path : {program_dir + "/../share/icons/hicolor/scalable/apps/fokus.svg",
                                 wxString::FromUTF8(FOKUS_SOURCE_DATA_DIR "/fokus.svg")}) {
        if (!wxFileName::FileExists(path)) continue;
        const auto bundle = wxBitmapBundle::FromSVGFile(path, wxSize(64, 64));
        if (bundle.IsOk()) return bundle.GetIcon(wxSize(64, 64));
    }
    return wxIcon();
}

}  // namespace

MainFrame::MainFrame(Project project, bool remember_settings)
    : wxFrame(nullptr, wxID_ANY, wxString::Format(wxString::FromUTF8("Fokus – %s"), to_wx(project.name())), wxDefaultPosition, wxSize(1500, 920)),
      project_(std::move(project)),
      remember_settings_(remember_settings) {
    SetIcon(application_icon());
    fit_to_display();
    aui_.SetManagedWindow(this);
    documents_ = new DocumentTree(this);
    codes_ = new CodeTree(this);
    transcript_ = new TranscriptView(this);
    auto* bottom = new wxAuiNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxAUI_NB_TOP | wxAUI_NB_TAB_SPLIT | wxAUI_NB_TAB_MOVE | wxAUI_NB_SCROLL_BUTTONS);
    bottom_ = bottom;
    auto* segments_pane = new SegmentsPane(bottom);
    segments_ = segments_pane->list();
    bottom->AddPage(segments_pane, _("Retrieved segments"));
    search_ = new SearchPane(bottom);
    bottom->AddPage(search_, _("Search"));
    cooccurrence_ = new CooccurrenceView(bottom);
    bottom->AddPage(cooccurrence_, _("Co-occurrence"));
    crosstab_ = new CrosstabView(bottom);
    bottom->AddPage(crosstab_, _("Crosstab"));
    bikva_ = new BikvaView(bottom);
    bottom->AddPage(bikva_, _("BIKVA chains"));
    agreement_ = new AgreementView(bottom);
    bottom->AddPage(agreement_, _("Agreement"));
    quote_sets_ = new QuoteSetView(bottom);
    bottom->AddPage(quote_sets_, _("Quote sets"));
    contrast_ = new ContrastView(bottom);
    bottom->AddPage(contrast_, _("Contrast"));
    condensations_ = new CondensationView(bottom);
    bottom->AddPage(condensations_, _("Condensation"));
    memos_ = new MemoView(bottom);
    bottom->AddPage(memos_, _("Memos"));

    aui_.AddPane(transcript_, wxAuiPaneInfo().Name("transcript").CenterPane());
    aui_.AddPane(documents_, wxAuiPaneInfo().Name("documents").Caption(_("Documents")).Left().BestSize(250, -1).MinSize(180, -1));
    aui_.AddPane(codes_, wxAuiPaneInfo().Name("codes").Caption(_("Codes")).Right().BestSize(370, -1).MinSize(220, -1));
    aui_.AddPane(bottom, wxAuiPaneInfo().Name("bottom").Caption(_("Segments")).Bottom().BestSize(-1, 300).MinSize(-1, 110));
    first_layout_ = aui_.SavePerspective();
    if (remember_settings_) {
        wxString perspective;
        if (wxConfig::Get()->Read("/Layout/Perspective", &perspective)) aui_.LoadPerspective(perspective, false);
    }
    aui_.Update();

    CreateStatusBar(3);
    const int widths[] = {-3, -1, -1};
    SetStatusWidths(3, widths);
    build_menus();
    build_toolbar();

    documents_->populate(project_);
    codes_->populate(project_);
    documents_->on_open([this](Id id) { open_document(id); });
    documents_->on_memo([this](Id id) { start_memo(MemoTarget{MemoTarget::Kind::Document, id}); });
    codes_->on_apply([this](Id id) { code_selection(id); });
    codes_->on_select([this](Id id) {
        retrieve(id);
        contrast_->follow_code(id);
    });
    codes_->on_menu([this](std::optional<Id> code) { show_code_menu(code); });
    codes_->on_drop([this](Id dragged, std::optional<Id> target) { code_dropped(dragged, target); });
    let_passages_drop_on_codes(*transcript_, *codes_, [this](Id code, Span) { code_selection(code); });
    const auto jump = [this](Id document, Span span) {
        if (transcript_->document() != document) open_document(document);
        transcript_->select(span);
    };
    segments_->on_jump(jump);
    segments_->on_add_to_quote_set([this](const std::vector<Id>& codings) { add_to_quote_set(codings); });
    quote_sets_->on_jump(jump);
    contrast_->on_jump(jump);
    condensations_->on_jump(jump);
    condensations_->on_changed([this](const wxString& message) {
        update_undo_labels();
        SetStatusText(message, message_field);
    });
    memos_->on_jump([this](Id document, std::optional<Span> span) {
        if (transcript_->document() != document) open_document(document);
        if (span) transcript_->select(*span);
    });
    memos_->on_changed([this](const wxString& message) {
        update_undo_labels();
        SetStatusText(message, message_field);
    });
    quote_sets_->on_changed([this](const wxString& message) {
        update_undo_labels();
        SetStatusText(message, message_field);
    });
    search_->on_jump(jump);
    search_->on_hits_changed([this] {
        if (const auto document = transcript_->document()) transcript_->mark_hits(search_->hit_spans_in(*document));
    });
    cooccurrence_->on_jump(jump);
    crosstab_->on_jump(jump);
    bikva_->on_jump(jump);
    connect_bikva_linking();
    agreement_->on_jump(jump);
    search_->populate(project_);
    search_->on_search([this](const std::string& query, const search::SearchOptions& options) { return run_search(query, options); });
    search_->on_code([this](const auto& hits, auto level, const auto& chosen, Id code) { code_hits(hits, level, chosen, code); });
    search_->on_choose_code([this] { return ask_for_code(); });
    cooccurrence_->on_export([this] { export_cooccurrence(); });
    bottom->Bind(wxEVT_AUINOTEBOOK_PAGE_CHANGED, [this](wxAuiNotebookEvent& event) {
        auto* page = bottom_->GetPage(static_cast<std::size_t>(event.GetSelection()));
        if (page == cooccurrence_ && !cooccurrence_shown_) show_cooccurrence();
        if (page == agreement_) agreement_->refresh(project_);
        if (page == quote_sets_) quote_sets_->refresh(project_);
        if (page == memos_) memos_->refresh(project_);
        if (page == contrast_) contrast_->refresh(project_);
        if (page == condensations_) condensations_->refresh(project_);
        if (page == crosstab_ || page == bikva_) {
            try {
                page == crosstab_ ? crosstab_->refresh(project_) : bikva_->refresh(project_);
            } catch (const std::exception& error) {
                report(error);
            }
        }
        event.Skip();
    });
    transcript_->on_caret_moved([this] { update_status(); });
    transcript_->on_context_menu([this] { show_context_menu(); });
    Bind(wxEVT_CHAR_HOOK, &MainFrame::on_key, this);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (remember_settings_) wxConfig::Get()->Write("/Layout/Perspective", aui_.SavePerspective());
        event.Skip();
    });
    update_undo_labels();
    const auto all = DocumentStore(project_).all();
    if (!all.empty()) open_document(all.front().id);
}

// The window's first size fits the screen it opens on; a small screen is filled.
void MainFrame::fit_to_display() {
    const int display = wxDisplay::GetFromWindow(this);
    const wxRect area = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    const wxSize wanted = GetSize();
    if (wanted.GetWidth() > area.GetWidth() || wanted.GetHeight() > area.GetHeight()) {
        SetSize(area);
    } else {
        Centre();
    }
}

MainFrame::~MainFrame() {
    if (recent_menu_) wxGetApp().recent_projects().RemoveMenu(recent_menu_);
    aui_.UnInit();
}

void MainFrame::report(const std::exception& error) {
    SetStatusText(translated_message(error), message_field);
    if (IsShown() && !wxGetEnv("FOKUS_NO_DIALOGS", nullptr)) show_error(this, error);
}

void MainFrame::open_another_project(const wxString& path) {
    if (wxFileName(path).SameAs(wxFileName(to_wx(project_.path().string())))) {
        Raise();
        return;
    }
    if (wxGetApp().open_project(path)) Close();
}

void MainFrame::open_document(Id id) {
    try {
        DocumentStore documents(project_);
        const auto document = documents.get(id);
        transcript_->show(document, documents.text(id), documents.turns(id), visible_codings(id), CodeStore(project_).all());
        transcript_->mark_hits(search_->hit_spans_in(id));
        documents_->mark(id);
        SetStatusText(to_wx(document.name), message_field);
        update_status();
    } catch (const std::exception& error) {
        report(error);
    }
}

// Codings changed: the transcript's highlights and the counts. Codes changed:
// the code tree too. Undo and redo may have changed anything.
void MainFrame::refresh_after_change(Changed changed, const wxString& message) {
    try {
        const auto selected = codes_->selected();
        if (changed == Changed::codings) {
            codes_->refresh_counts(project_);
            documents_->refresh_counts(project_);
        } else {
            codes_->populate(project_);
            if (changed == Changed::anything) {
                documents_->populate(project_);
            } else {
                documents_->refresh_counts(project_);
            }
        }
        if (const auto document = transcript_->document()) {
            const auto still_there = [&] {
                try {
                    DocumentStore(project_).get(*document);
                    return true;
                } catch (const NotFoundError&) {
                    return false;
                }
            }();
            if (still_there && changed == Changed::anything && !transcript_->shows_text(DocumentStore(project_).text(*document))) {
                // Undo, redo and pseudonymisation can change the text itself.
                const int first_line = transcript_->editor()->GetFirstVisibleLine();
                open_document(*document);
                transcript_->editor()->SetFirstVisibleLine(first_line);
            } else if (still_there) {
                transcript_->update_codings(visible_codings(*document), CodeStore(project_).all());
                documents_->mark(*document);
            } else {
                transcript_->clear();
            }
        }
        if (selected) retrieve(*selected);
        if (cooccurrence_shown_) cooccurrence_->refresh(project_);
        // The other analysis views follow when they are the one in front.
        if (bottom_->GetCurrentPage() == crosstab_) crosstab_->refresh(project_);
        if (bottom_->GetCurrentPage() == bikva_) bikva_->refresh(project_);
        if (changed == Changed::anything) search_->populate(project_);
        if (bottom_->GetCurrentPage() == quote_sets_) quote_sets_->refresh(project_);
        if (bottom_->GetCurrentPage() == memos_) memos_->refresh(project_);
        if (bottom_->GetCurrentPage() == contrast_) contrast_->refresh(project_);
        if (bottom_->GetCurrentPage() == condensations_) condensations_->refresh(project_);
        update_status();
        update_undo_labels();
        SetStatusText(message, message_field);
    } catch (const std::exception& error) {
        report(error);
    }
}

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
        const std::string name = from_wx(in_vivo_name(DocumentStore(project_).excerpt(*document, *span)));
        if (name.empty()) throw InputError("the selection has no words to name a code by");
        // A code of that name may exist already (coded in vivo before): then it is used.
        std::optional<Code> existing;
        try {
            existing = CodeStore(project_).resolve(name);
        } catch (const NotFoundError&) {
        }
        if (existing && existing->codable) {
            code_selection(existing->id);
            return;
        }
        project_.act("code in vivo " + text::quote(name), [&] {
            const Id code = CodeStore(project_).add(name);
            CodingStore(project_).add(*document, code, *span);
        });
        refresh_after_change(Changed::codes, wxString::Format(_("New code \"%s\", coded in vivo"), to_wx(name)));
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

void MainFrame::undo() {
    if (!can_undo_) {
        SetStatusText(_("Nothing to undo"), message_field);
        return;
    }
    try {
        const auto step = History(project_).undo();
        refresh_after_change(Changed::anything, wxString::Format(_("Undone: %s"), translated_action_label(step.label)));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::redo() {
    if (!can_redo_) {
        SetStatusText(_("Nothing to redo"), message_field);
        return;
    }
    try {
        const auto step = History(project_).redo();
        refresh_after_change(Changed::anything, wxString::Format(_("Redone: %s"), translated_action_label(step.label)));
    } catch (const std::exception& error) {
        report(error);
    }
}

// A name in a menu item, with its "&" shown rather than taken for a mnemonic.
static wxString menu_text(wxString text) {
    text.Replace("&", "&&");
    return text;
}

// The menu says what Ctrl+Z would undo, as the researcher may not remember.
void MainFrame::update_undo_labels() {
    try {
        History history(project_);
        const auto next_undo = history.next_undo();
        const auto next_redo = history.next_redo();
        auto* bar = GetMenuBar();
        const wxString undo_label = !next_undo            ? wxString(_("&Undo"))
                                    : next_undo->permanent ? wxString(_("&Undo (the last step was permanent)"))
                                                           : wxString::Format(_("&Undo %s"), menu_text(translated_action_label(next_undo->label)));
        bar->SetLabel(undo_id, undo_label + "\tCtrl+Z");
        bar->SetLabel(redo_id, (next_redo ? wxString::Format(_("&Redo %s"), menu_text(translated_action_label(next_redo->label))) : wxString(_("&Redo"))) + "\tCtrl+Shift+Z");
        // A permanent step is named, but cannot be undone.
        const bool can_undo = next_undo && !next_undo->permanent;
        can_undo_ = can_undo;
        can_redo_ = next_redo.has_value();
        bar->Enable(undo_id, can_undo);
        bar->Enable(redo_id, next_redo.has_value());
        if (auto* tools = GetToolBar()) {
            tools->EnableTool(undo_id, can_undo);
            tools->EnableTool(redo_id, next_redo.has_value());
        }
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::retrieve(Id code) {
    try {
        const auto found = CodeStore(project_).get(code);
        segments_->show(project_, fokus::CodeItem{false, found.id, found.name, {found.id}});
    } catch (const std::exception& error) {
        report(error);
    }
}

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

void MainFrame::update_status() {
    const auto document = transcript_->document();
    if (!document) {
        SetStatusText(wxEmptyString, position_field);
        SetStatusText(wxEmptyString, codings_field);
        return;
    }
    try {
        // Runs at every caret move: what the view already holds, not a query.
        SetStatusText(wxString::Format(_("Position %lld"), static_cast<long long>(transcript_->caret())), position_field);
        SetStatusText(wxString::Format(wxPLURAL("%zu coding in the document", "%zu codings in the document", transcript_->coding_count()), transcript_->coding_count()), codings_field);
    } catch (const std::exception&) {
        // The status bar is a courtesy; a failing query shows up where it matters.
    }
}

// Keys that code and uncode act only where the researcher reads, so that
// digits and Delete keep their meaning in the filter boxes.
bool MainFrame::save_screenshot(const wxString& path) {
    Raise();
    return save_window_png(*this, path);
}

// Hits and heatmaps need room: the bottom pane grows to half the window.
void MainFrame::grow_bottom_pane() {
    show_pane("bottom", true);
    auto& pane = aui_.GetPane("bottom");
    const int half = GetClientSize().GetHeight() / 2;
    if (!pane.IsDocked() || bottom_->GetSize().GetHeight() >= half) return;
    pane.MinSize(-1, half);
    aui_.Update();
    pane.MinSize(-1, 110);
}

// A command that shows a page brings back the pane it is in.
void MainFrame::show_tab(wxWindow* page) {
    show_pane("bottom", true);
    const int index = bottom_->GetPageIndex(page);
    if (index != wxNOT_FOUND) bottom_->SetSelection(static_cast<std::size_t>(index));
}

std::optional<search::SearchResult> MainFrame::run_search(const std::string& query, const search::SearchOptions& options) {
    try {
        wxBusyCursor busy;
        if (!index_) {
            index_.emplace(search::Index::open_for(project_));
            if (index_->rebuilt()) SetStatusText(_("The search index was built from the project."), message_field);
        }
        auto result = index_->search(query, options);
        if (options.count_all) SetStatusText(wxString::Format(_("\"%s\": %zu hits"), to_wx(query), result.total), message_field);
        return result;
    } catch (const std::exception& error) {
        report(error);
        return std::nullopt;
    }
}

void MainFrame::code_hits(const std::vector<search::Hit>& hits, search::HitLevel level, const std::vector<std::size_t>& chosen,
                          Id code) {
    try {
        const auto made = search::code_hits(project_, hits, code, level, chosen);
        refresh_after_change(Changed::codings, wxString::Format(wxPLURAL("Coded %zu hit with \"%s\" (Ctrl+Z undoes it)",
                                                                         "Coded %zu hits with \"%s\" (Ctrl+Z undoes them all)", made.size()),
                                                                made.size(), to_wx(CodeStore(project_).get(code).name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

std::optional<Id> MainFrame::ask_for_code() {
    try {
        CodePicker picker(this, CodeStore(project_).all());
        if (picker.ShowModal() == wxID_OK) return picker.chosen();
    } catch (const std::exception& error) {
        report(error);
    }
    return std::nullopt;
}

void MainFrame::search(const std::string& query) {
    show_tab(search_);
    grow_bottom_pane();
    search_->run(query);
}

bool MainFrame::code_search_hits(const std::string& typed) {
    const auto found = matching_codes(CodeStore(project_).all(), typed);
    if (found.empty() || search_->hit_count() == 0) return false;
    search_->code_hits(found.front().id);
    return true;
}

std::size_t MainFrame::search_hit_count() const { return search_->hit_count(); }

void MainFrame::show_cooccurrence() {
    try {
        cooccurrence_shown_ = true;
        show_tab(cooccurrence_);
        grow_bottom_pane();
        cooccurrence_->refresh(project_);
    } catch (const std::exception& error) {
        report(error);
    }
}

bool MainFrame::open_cooccurrence_cell(const std::string& row, const std::string& column) {
    if (!cooccurrence_shown_) show_cooccurrence();
    return cooccurrence_->open_cell(project_, row, column);
}

std::vector<Coding> MainFrame::visible_codings(Id document) {
    CodingFilter filter;
    filter.document = document;
    auto codings = CodingStore(project_).list(filter);
    if (blind_) {
        const std::string me = project_.coder_name();
        std::erase_if(codings, [&](const Coding& coding) { return coding.coder_name != me; });
    }
    return codings;
}

void MainFrame::set_blind(bool blind) {
    blind_ = blind;
    GetMenuBar()->Check(blind_id, blind);
    refresh_after_change(Changed::codings, blind ? wxString::Format(_("Blind coding: only the codings of %s are shown"), to_wx(project_.coder_name()))
                                                 : wxString(_("All coders' codings are shown")));
}

bool MainFrame::show_agreement(const std::vector<std::string>& coders, const std::string& unit) {
    try {
        show_tab(agreement_);
        grow_bottom_pane();
        agreement_->refresh(project_);
        return agreement_->compare(coders, parse_agreement_unit(unit));
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::show_disagreements(const std::string& code) {
    try {
        return agreement_->show_disagreements(code);
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::show_crosstab(const std::string& attribute) {
    try {
        show_tab(crosstab_);
        grow_bottom_pane();
        crosstab_->refresh(project_);
        return crosstab_->choose_attribute(project_, attribute);
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::open_crosstab_cell(const std::string& code, const std::string& value) { return crosstab_->open_cell(code, value); }

std::size_t MainFrame::show_bikva_chains() {
    try {
        show_tab(bikva_);
        grow_bottom_pane();
        bikva_->refresh(project_);
        return bikva_->chain_count();
    } catch (const std::exception& error) {
        report(error);
        return 0;
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
        CodeStore codes(project_);
        const auto found = codes.get(code);
        const auto memos = MemoStore(project_).list(MemoTarget{MemoTarget::Kind::Code, code});
        CodeEditor editor(this, CodeDescription{found.name, found.color, found.definition, memos.empty() ? "" : memos.front().text},
                          codes.coding_count(code));
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
        CodeStore codes(project_);
        const auto before = codes.get(code);
        MemoStore memos(project_);
        const MemoTarget target{MemoTarget::Kind::Code, code};
        const auto existing = memos.list(target);
        const std::string old_memo = existing.empty() ? "" : existing.front().text;
        if (name == before.name && colour == before.color && definition == before.definition && memo == old_memo) return;
        project_.act("describe code " + text::quote(before.name), [&] {
            if (name != before.name) codes.rename(code, name);
            if (colour != before.color) codes.recolour(code, colour);
            if (definition != before.definition) codes.define(code, definition);
            if (memo != old_memo) {
                if (existing.empty()) {
                    memos.add(target, before.name, memo);
                } else if (memo.empty()) {
                    memos.remove(existing.front().id);
                } else {
                    memos.edit(existing.front().id, existing.front().title, memo);
                }
            }
        });
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

void MainFrame::export_cooccurrence() {
    const auto chosen = ask_save_path(this, _("Export the co-occurrence matrix"), _("co-occurrence.png"),
                                      _("Heatmap (PNG)|*.png|Heatmap (SVG)|*.svg|Workbook, every measure a sheet (XLSX)|*.xlsx|Table (CSV)|*.csv"));
    if (!chosen) return;
    try {
        const std::string path = from_wx(*chosen);
        const auto extension = wxFileName(*chosen).GetExt().Lower();
        const auto& matrix = cooccurrence_->matrix();
        if (extension == "xlsx") {
            exporters::write_xlsx(path, exporters::cooccurrence_tables(matrix));
        } else if (extension == "csv") {
            exporters::write_csv(path, exporters::cooccurrence_table(matrix, cooccurrence_->measure()));
        } else {
            auto heatmap = exporters::cooccurrence_heatmap(matrix, cooccurrence_->measure());
            label_cooccurrence_heatmap(heatmap, cooccurrence_->measure());
            exporters::write_heatmap(path, heatmap);
        }
        SetStatusText(wxString::Format(_("Saved %s"), *chosen), message_field);
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::inform(const wxString& message) {
    SetStatusText(message.BeforeFirst('\n'), message_field);
    // Without dialogs (scripts, tests), the whole message goes to the log instead.
    if (wxGetEnv("FOKUS_NO_DIALOGS", nullptr)) std::cerr << "message: " << from_wx(message) << std::endl;
    else if (IsShown()) wxMessageBox(message, "Fokus", wxOK | wxICON_INFORMATION, this);
}

void MainFrame::ask_and_import() {
    ImportDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK) return;
    import_transcripts(dialog.inputs(), dialog.options(), dialog.names(), Findings::Review);
}

bool MainFrame::import_transcripts(const std::vector<std::filesystem::path>& inputs, importers::BatchOptions options,
                                   const std::vector<std::string>& names, Findings findings) {
    std::set<Id> before;
    for (const auto& document : DocumentStore(project_).all()) before.insert(document.id);

    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
    std::mutex progress_mutex;
    std::size_t number = 0, total = 0;
    std::string current;
    options.cancel = &cancel;
    // The search index takes in each file while the next is read.
    search::IndexFollower index_follower(project_.path());
    options.progress = [&](std::size_t n, std::size_t t, const std::string& file) {
        if (n > 1) index_follower.committed();
        std::lock_guard lock(progress_mutex);
        number = n;
        total = t;
        current = file;
    };
    importers::BatchReport outcome;
    std::exception_ptr failure;
    {
        // Modal: while the worker writes to the project, nothing else may touch it.
        wxProgressDialog progress(_("Importing transcripts"), _("Reading the sheets…"), 100, this,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
        std::thread worker([&] {
            try {
                outcome = importers::import_files(project_, inputs, options);
            } catch (...) {
                failure = std::current_exception();
            }
            done = true;
        });
        while (!done) {
            int value = 0;
            wxString message;
            {
                std::lock_guard lock(progress_mutex);
                if (total > 0) {
                    value = static_cast<int>(std::min<std::size_t>(99, (number - 1) * 100 / total));
                    message = wxString::Format(_("%zu of %zu: %s"), number, total, to_wx(std::filesystem::path(current).filename().string()));
                }
            }
            if (!cancel && !progress.Update(value, message.empty() ? _("Reading the sheets…") : message)) {
                cancel = true;
                progress.Update(value, _("Stopping after this file…"));
            }
            wxMilliSleep(30);
        }
        worker.join();
        index_follower.committed();
        progress.Update(99, _("Bringing the search index up to date…"));
        try {
            index_follower.finish();
        } catch (const Error&) {
            // The import stands; the next search brings the index up to date.
        }
    }
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            refresh_after_change(Changed::anything, wxEmptyString);
            report(error);
            return false;
        }
    }
    std::vector<Id> added;
    for (const auto& document : DocumentStore(project_).all()) {
        if (!before.count(document.id)) added.push_back(document.id);
    }
    refresh_after_change(Changed::anything, wxEmptyString);
    search_->populate(project_);
    inform(import_summary(outcome));
    if (!added.empty()) {
        open_document(added.front());
        check_new_documents(added, names, findings);
    }
    return !added.empty();
}

void MainFrame::check_new_documents(const std::vector<Id>& documents, const std::vector<std::string>& names, Findings findings) {
    try {
        importers::AnonymityOptions options;
        options.names = names;
        auto found = importers::check_anonymity(project_, options, documents);
        if (found.empty() || findings == Findings::Keep) return;
        if (findings == Findings::Review) {
            std::vector<std::string> document_names;
            for (const auto& finding : found) document_names.push_back(importers::place_of(project_, finding));
            AnonymityReview review(this, found, document_names);
            if (review.ShowModal() != wxID_OK) return;
            found = review.chosen();
            if (found.empty()) return;
            replace_identifying(found, review.permanent());
            return;
        }
        replace_identifying(found, false);
    } catch (const std::exception& error) {
        report(error);
    }
}


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
        quote_sets_->export_to(path);
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

std::optional<Id> MainFrame::current_document() const { return transcript_->document(); }

std::vector<Id> MainFrame::codings_at_caret() const {
    std::vector<Id> ids;
    for (const auto& coding : transcript_->codings_at_caret()) ids.push_back(coding.id);
    return ids;
}

bool MainFrame::show_contrast(const std::string& item, const std::string& attribute, const std::string& left,
                              const std::string& right) {
    try {
        contrast_->refresh(project_);
        show_tab(contrast_);
        grow_bottom_pane();
        return contrast_->choose(item, attribute, left, right) && contrast_->left_count() + contrast_->right_count() > 0;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

bool MainFrame::condense(const std::string& columns, const std::string& code, const std::string& column, const std::string& text) {
    condensations_->refresh(project_);
    show_tab(condensations_);
    grow_bottom_pane();
    return condensations_->choose_columns(columns) && condensations_->write_cell(code, column, text);
}

bool MainFrame::group_documents(const std::string& attribute) {
    if (attribute.rfind(participant_attribute_prefix, 0) == 0 || !AttributeCatalogue(project_).exists(attribute)) return false;
    documents_->group_by(project_, attribute);
    return true;
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

}  // namespace fokus::workbench
