// The main window's layout: its panes and tabs, how they are wired to the
// controllers in the main_frame_*.cpp files, and what is refreshed after a change.
#include "workbench/main_frame.h"

#include <wx/aui/auibook.h>
#include <wx/config.h>
#include <wx/display.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/stdpaths.h>
#include <wx/toolbar.h>

#include <iostream>
#include <optional>

#include "coding/attributes.h"
#include "coding/changes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "workbench/action_labels.h"
#include "workbench/agreement_view.h"
#include "workbench/app.h"
#include "workbench/bikva_view.h"
#include "workbench/code_tree.h"
#include "workbench/code_tree_actions.h"
#include "workbench/condensation_view.h"
#include "workbench/contrast_view.h"
#include "workbench/cooccurrence_view.h"
#include "workbench/crosstab_view.h"
#include "workbench/document_tree.h"
#include "workbench/memo_view.h"
#include "workbench/menu_ids.h"
#include "workbench/quote_set_view.h"
#include "workbench/screenshot.h"
#include "workbench/search_pane.h"
#include "workbench/segments_list.h"
#include "workbench/status_bar.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"
#include "workbench/view_updates.h"
#include "workbench/work_progress.h"
#include "workbench/bikva_linking.h"
#include "workbench/error_messages.h"
#include "workbench/passage_drag.h"
#include "workbench/segments_pane.h"

namespace fokus::workbench {
namespace {

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

    SetStatusBar(new StatusBar(this, 3));
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
    code_tree_actions_ = std::make_unique<CodeTreeActions>(
        *this, project_, *codes_,
        CodeTreeActions::Window{[this](const wxString& message) { refresh_after_change(Changed::codes, message); },
                                [this](const std::exception& error) { report(error); },
                                [this] { return transcript_->selection().has_value(); }, [this](Id code) { code_selection(code); },
                                [this](Id code) { ask_and_assign_key(code); }});
    codes_->on_menu([this](std::optional<Id> code) { code_tree_actions_->show_menu(code); });
    codes_->on_drop([this](Id dragged, std::optional<Id> target) { code_tree_actions_->dropped(dragged, target); });
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
    // A view that changed the project itself says so in the status bar.
    const auto said = [this](const wxString& message) {
        update_undo_labels();
        SetStatusText(message, message_field);
    };
    condensations_->on_changed(said);
    memos_->on_jump([this](Id document, std::optional<Span> span) {
        if (transcript_->document() != document) open_document(document);
        if (span) transcript_->select(*span);
    });
    memos_->on_changed(said);
    quote_sets_->on_changed(said);
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
    watch_views();
    bottom->Bind(wxEVT_AUINOTEBOOK_PAGE_CHANGED, [this](wxAuiNotebookEvent& event) {
        auto* page = bottom_->GetPage(static_cast<std::size_t>(event.GetSelection()));
        if (page == cooccurrence_ && !cooccurrence_shown_) {
            show_cooccurrence();
        } else {
            updates_->shown(page);
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
    subscription_ = project_.subscribe([this](const Changes& changes) { follow_changes(changes); });
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
    project_.unsubscribe(subscription_);
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

// The views have followed an action as the project announced it; what is
// left is the status bar and the undo menu.
void MainFrame::refresh_after_change(Changed changed, const wxString& message) {
    if (changed == Changed::anything) refresh_everything();
    update_status();
    update_undo_labels();
    SetStatusText(message, message_field);
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
    const int index = bottom_->GetPageIndex(tab_page_of(*bottom_, page));
    if (index != wxNOT_FOUND) bottom_->SetSelection(static_cast<std::size_t>(index));
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
    try {
        if (const auto document = transcript_->document()) transcript_->update_codings(visible_codings(*document), CodeStore(project_).all());
    } catch (const std::exception& error) {
        report(error);
    }
    refresh_after_change(Changed::codings, blind ? wxString::Format(_("Blind coding: only the codings of %s are shown"), to_wx(project_.coder_name()))
                                                 : wxString(_("All coders' codings are shown")));
}

void MainFrame::inform(const wxString& message) {
    SetStatusText(message.BeforeFirst('\n'), message_field);
    // Without dialogs (scripts, tests), the whole message goes to the log instead.
    if (wxGetEnv("FOKUS_NO_DIALOGS", nullptr)) std::cerr << "message: " << from_wx(message) << std::endl;
    else if (IsShown()) wxMessageBox(message, "Fokus", wxOK | wxICON_INFORMATION, this);
}

std::optional<Id> MainFrame::current_document() const { return transcript_->document(); }

bool MainFrame::group_documents(const std::string& attribute) {
    if (attribute.rfind(participant_attribute_prefix, 0) == 0 || !AttributeCatalogue(project_).exists(attribute)) return false;
    documents_->group_by(project_, attribute);
    return true;
}

}  // namespace fokus::workbench
