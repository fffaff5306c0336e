#include "workbench/main_frame.h"

#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/statusbr.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "workbench/code_tree.h"
#include "workbench/document_tree.h"
#include "workbench/screenshot.h"
#include "workbench/segments_list.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {
namespace {

enum MenuId { undo_id = wxID_HIGHEST + 1, redo_id, uncode_id };

}  // namespace

MainFrame::MainFrame(Project project, bool remember_layout)
    : wxFrame(nullptr, wxID_ANY, wxString::Format("Fokus – %s", to_wx(project.name())), wxDefaultPosition, wxSize(1500, 920)),
      project_(std::move(project)),
      remember_layout_(remember_layout) {
    aui_.SetManagedWindow(this);
    documents_ = new DocumentTree(this);
    codes_ = new CodeTree(this);
    transcript_ = new TranscriptView(this);
    auto* bottom = new wxNotebook(this, wxID_ANY);
    segments_ = new SegmentsList(bottom);
    bottom->AddPage(segments_, _("Retrieved segments"));

    aui_.AddPane(transcript_, wxAuiPaneInfo().Name("transcript").CenterPane());
    aui_.AddPane(documents_, wxAuiPaneInfo().Name("documents").Caption(_("Documents")).Left().BestSize(260, -1).MinSize(180, -1));
    aui_.AddPane(codes_, wxAuiPaneInfo().Name("codes").Caption(_("Codes")).Right().BestSize(330, -1).MinSize(220, -1));
    aui_.AddPane(bottom, wxAuiPaneInfo().Name("bottom").Caption(_("Segments")).Bottom().BestSize(-1, 210).MinSize(-1, 120));
    if (remember_layout_) {
        wxString perspective;
        if (wxConfig::Get()->Read("/Layout/Perspective", &perspective)) aui_.LoadPerspective(perspective, false);
    }
    aui_.Update();

    CreateStatusBar(3);
    const int widths[] = {-2, -1, -1};
    SetStatusWidths(3, widths);
    build_menus();

    documents_->populate(project_);
    codes_->populate(project_);
    documents_->on_open([this](Id id) { open_document(id); });
    codes_->on_apply([this](Id id) { code_selection(id); });
    codes_->on_select([this](Id id) { retrieve(id); });
    segments_->on_jump([this](Id document, Span span) {
        if (transcript_->document() != document) open_document(document);
        transcript_->select(span);
    });
    transcript_->on_caret_moved([this] { update_status(); });
    Bind(wxEVT_CHAR_HOOK, &MainFrame::on_key, this);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (remember_layout_) wxConfig::Get()->Write("/Layout/Perspective", aui_.SavePerspective());
        event.Skip();
    });
    const auto all = DocumentStore(project_).all();
    if (!all.empty()) open_document(all.front().id);
}

MainFrame::~MainFrame() { aui_.UnInit(); }

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* edit = new wxMenu;
    edit->Append(undo_id, _("&Undo\tCtrl+Z"));
    edit->Append(redo_id, _("&Redo\tCtrl+Shift+Z"));
    auto* code = new wxMenu;
    code->Append(uncode_id, _("&Uncode at cursor\tDel"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(code, _("&Code"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { undo(); }, undo_id);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { redo(); }, redo_id);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { uncode_at_caret(); }, uncode_id);
    wxAcceleratorEntry extra[] = {wxAcceleratorEntry(wxACCEL_CTRL, 'Y', redo_id)};
    SetAcceleratorTable(wxAcceleratorTable(1, extra));
}

void MainFrame::report(const std::exception& error) {
    SetStatusText(to_wx(error.what()), 0);
    if (IsShown() && !wxGetEnv("FOKUS_NO_DIALOGS", nullptr)) {
        wxMessageBox(to_wx(error.what()), "Fokus", wxOK | wxICON_WARNING, this);
    }
}

void MainFrame::open_document(Id id) {
    try {
        DocumentStore documents(project_);
        const auto document = documents.get(id);
        CodingFilter filter;
        filter.document = id;
        transcript_->show(document, documents.text(id), documents.turns(id), CodingStore(project_).list(filter),
                          CodeStore(project_).all());
        documents_->mark(id);
        update_status();
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::refresh_after_change(const wxString& message) {
    const auto document = transcript_->document();
    if (document) {
        CodingFilter filter;
        filter.document = *document;
        transcript_->update_codings(CodingStore(project_).list(filter), CodeStore(project_).all());
        transcript_->editor()->EnsureCaretVisible();
    }
    const auto selected = codes_->selected();
    codes_->populate(project_);
    documents_->populate(project_);
    if (document) documents_->mark(*document);
    if (selected) retrieve(*selected);
    update_status();
    SetStatusText(message, 0);
}

void MainFrame::code_selection(Id code) {
    const auto span = transcript_->selection();
    const auto document = transcript_->document();
    if (!span || !document) {
        SetStatusText(_("Select a passage first, then choose a code."), 0);
        return;
    }
    try {
        CodingStore(project_).add(*document, code, *span);
        refresh_after_change(wxString::Format(_("Coded with \"%s\""), to_wx(CodeStore(project_).get(code).name)));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::code_with_key(int number) {
    if (const auto code = codes_->code_for_key(number)) code_selection(*code);
}

void MainFrame::uncode_at_caret() {
    const auto coding = transcript_->coding_at_caret();
    if (!coding) return;
    try {
        CodingStore(project_).remove(coding->id);
        refresh_after_change(_("Coding removed"));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::undo() {
    try {
        const auto step = History(project_).undo();
        refresh_after_change(wxString::Format(_("Undone: %s"), to_wx(step.label)));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::redo() {
    try {
        const auto step = History(project_).redo();
        refresh_after_change(wxString::Format(_("Redone: %s"), to_wx(step.label)));
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

void MainFrame::update_status() {
    const auto document = transcript_->document();
    if (!document) return;
    try {
        CodingFilter filter;
        filter.document = *document;
        SetStatusText(to_wx(DocumentStore(project_).get(*document).name), 0);
        SetStatusText(wxString::Format(_("Position %lld"), static_cast<long long>(transcript_->caret())), 1);
        SetStatusText(wxString::Format(_("%zu codings"), CodingStore(project_).list(filter).size()), 2);
    } catch (const std::exception&) {
    }
}

void MainFrame::on_key(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const bool plain = !event.HasAnyModifiers();
    if (plain && key >= '0' && key <= '9' && transcript_->selection()) {
        code_with_key(key - '0');
        return;
    }
    event.Skip();
}

bool MainFrame::save_screenshot(const wxString& path) {
    Raise();
    return save_window_png(*this, path);
}

}  // namespace fokus::workbench
