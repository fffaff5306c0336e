// The main window's commands: registered once, then shown in the menus and
// the toolbar and answered from the keyboard wherever the focus is.
#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/stc/stc.h>
#include <wx/stdpaths.h>
#include <wx/textentry.h>
#include <wx/toolbar.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include "workbench/app.h"
#include "workbench/code_key_choice.h"
#include "workbench/contrast_view.h"
#include "workbench/condensation_view.h"
#include "workbench/agreement_view.h"
#include "workbench/bikva_linking.h"
#include "workbench/code_tree.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/search_pane.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {
namespace {

wxAcceleratorEntry key(int flags, int code) { return wxAcceleratorEntry(flags, code); }

// A text field with the focus keeps its editing keys. They are carried out
// here, so that the menu's key for the same combination does not also reach
// the project: Ctrl+Z in the search box undoes typing there, not a coding.
bool edit_in_text_field(wxWindow* focus, const wxKeyEvent& event) {
    auto* entry = dynamic_cast<wxTextEntryBase*>(focus);
    if (!entry || !entry->IsEditable()) return false;
    const int modifiers = event.GetModifiers();
    if (modifiers != wxMOD_CONTROL && modifiers != (wxMOD_CONTROL | wxMOD_SHIFT)) return false;
    const bool shift = modifiers & wxMOD_SHIFT;
    switch (event.GetKeyCode()) {
        case 'Z':
            if (shift && entry->CanRedo()) entry->Redo();
            if (!shift && entry->CanUndo()) entry->Undo();
            return true;
        case 'Y':
            if (entry->CanRedo()) entry->Redo();
            return true;
        case 'A': entry->SelectAll(); return true;
        case 'C': entry->Copy(); return true;
        case 'X': entry->Cut(); return true;
        case 'V': entry->Paste(); return true;
        default: return false;
    }
}

}  // namespace

void MainFrame::register_commands() {
    auto& c = commands_;
    const auto selected = [this] { return transcript_->selection().has_value(); };
    c.add({"file.open", _("&Open project…"), {}, {key(wxACCEL_CTRL, 'O')}, {}, [this] {
               if (const auto path = wxGetApp().ask_for_project(this); !path.empty()) open_another_project(path);
           }, false, {}, wxID_OPEN});
    c.add({"file.import", _("&Import transcripts…"), _("Bring transcripts into the project, with their attributes"),
           {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'I')}, {}, [this] { ask_and_import(); }, false, {}, import_id});
    c.add({"file.merge", _("&Merge another project…"),
           _("Bring in another coder's copy (.fokus) or a REFI-QDA project (.qdpx) from another program"),
           {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'M')}, {}, [this] { ask_and_merge(); }, false, {}, merge_id});
    c.add({"file.export-qdpx", _("&Export as REFI-QDA project…"),
           _("The whole project as .qdpx, for NVivo, ATLAS.ti, MAXQDA, QualCoder and others"), {}, {},
           [this] { ask_and_export_qdpx(); }, false, {}, export_qdpx_id});
    c.add({"file.anonymity-check", _("&Anonymisation check…"),
           _("Find names, CPR and phone numbers, e-mail and street addresses in the texts, names and notes, and replace them"), {}, {},
           [this] { ask_and_check_anonymity(); }, false, {}, anonymity_check_id});
    c.add({"file.deep-check", _("&Deep anonymisation check…"),
           _("Read every file of the project, its history and backups included, for names and numbers"), {}, {},
           [this] { ask_and_check_files(); }, false, {}, deep_check_id});
    c.add({"file.share", _("Save a copy to &share…"),
           _("A copy without undo history or backups, optionally without memos, coders' names or some documents"), {}, {},
           [this] { ask_and_share(); }, false, {}, share_id});
    c.add({"file.quit", _("&Quit"), {}, {key(wxACCEL_CTRL, 'Q')}, {}, [this] { Close(); }, false, {}, wxID_EXIT});

    c.add({"edit.undo", _("&Undo"), {}, {key(wxACCEL_CTRL, 'Z')}, [this] { return can_undo_; }, [this] { undo(); }, false, {}, undo_id});
    c.add({"edit.redo", _("&Redo"), {}, {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'Z'), key(wxACCEL_CTRL, 'Y')},
           [this] { return can_redo_; }, [this] { redo(); }, false, {}, redo_id});

    c.add({"code.with-selected", _("Code with the &selected code"), _("Codes the selected passage with the code selected in the code tree"),
           {key(wxACCEL_CTRL, WXK_RETURN)}, selected, [this] { code_with_selected_code(); }, false, {}, code_selected_id});
    c.add({"code.pick", _("&Code with…"), _("Choose a code by typing part of its name"), {key(wxACCEL_CTRL, 'K')}, selected,
           [this] { pick_code(); }, false, {}, pick_code_id});
    c.add({"code.in-vivo", _("&In-vivo code"), _("A new code named by the selected words, applied to them"),
           {key(wxACCEL_CTRL, 'I')}, selected, [this] { code_in_vivo(); }, false, {}, in_vivo_id});
    // Delete is answered by the transcript only, so that it still deletes in text fields.
    c.add({"code.uncode", _("&Uncode at cursor (Delete)"), _("Removes the coding under the cursor"), {},
           [this] { return transcript_->document().has_value(); }, [this] { uncode_at_caret(); }, false, {}, uncode_id});
    c.add({"code.quote", _("Add to a quote set…"), {}, {}, selected, [this] { quote_selection(); }, false, {}, quote_selection_id});
    c.add({"code.blind", _("Show only my codings (&blind coding)"), _("For independent double coding: the other coders' codings are hidden"),
           {}, {}, [this] { set_blind(!blind_); }, true, [this] { return blind_; }, blind_id});

    const auto marked = [this, selected] { return selected() && bikva_linking_->statement().has_value(); };
    c.add({"bikva.mark", _("&Mark as BIKVA statement"), _("The selected passage becomes the statement to link to a later stage"),
           {key(wxACCEL_CTRL | wxACCEL_ALT, 'S')}, selected, [this] { bikva_linking_->mark_statement(); }, false, {}});
    c.add({"bikva.present", _("&Present the marked statement here…"),
           _("The selected passage is where the marked statement was read out to a later stage's group"),
           {key(wxACCEL_CTRL | wxACCEL_ALT, 'P')}, marked, [this] { bikva_linking_->present_here(); }, false, {}});
    c.add({"bikva.react", _("Mark as &reaction to the marked statement…"),
           _("The selected passage is a later stage's reaction to the marked statement"), {key(wxACCEL_CTRL | wxACCEL_ALT, 'R')},
           marked, [this] { bikva_linking_->mark_reaction(); }, false, {}});
    c.add({"bikva.advice", _("Write down as &good advice"), _("Codes the selected passage \"Gode råd\", the group's advice to the next level"),
           {key(wxACCEL_CTRL | wxACCEL_ALT, 'G')}, selected, [this] { bikva_linking_->write_advice(); }, false, {}});

    c.add({"analysis.search", _("&Search…"), _("Search the transcripts, and code what you find"), {key(wxACCEL_CTRL, 'F')}, {},
           [this] {
               show_tab(search_);
               search_->focus_query();
           }, false, {}, search_id});
    c.add({"analysis.reindex", _("&Rebuild the search index"), _("Build the search index anew from the project"), {},
           [this] { return !indexing_; }, [this] { prepare_search_index(true); }, false, {}, reindex_id});
    c.add({"analysis.cooccurrence", _("Code &co-occurrence"), _("Which codes go together: a heatmap"),
           {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'C')}, {}, [this] { show_cooccurrence(); }, false, {}, cooccurrence_id});
    c.add({"analysis.crosstab", _("Codes by &attribute"), _("Codes by municipality, BIKVA stage, role …"),
           {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'T')}, {}, [this] { show_crosstab("municipality"); }, false, {}, crosstab_id});
    c.add({"analysis.contrast", _("C&ontrast two groups"), _("One code's segments for two groups side by side"),
           {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'K')}, {}, [this] {
               show_tab(contrast_);
               grow_bottom_pane();
               if (const auto code = codes_->selected()) contrast_->follow_code(*code);
               contrast_->refresh(project_);
           }, false, {}, contrast_id});
    c.add({"analysis.condensation", _("Co&ndensation grid"), _("Condense each code's segments per document or municipality"), {}, {},
           [this] {
               show_tab(condensations_);
               grow_bottom_pane();
               condensations_->refresh(project_);
           }, false, {}, condensation_id});
    c.add({"analysis.bikva", _("&BIKVA chains"), _("Statements carried forward and the reactions to them"),
           {key(wxACCEL_CTRL | wxACCEL_SHIFT, 'B')}, {}, [this] { show_bikva_chains(); }, false, {}, bikva_id});
    c.add({"analysis.agreement", _("Intercoder a&greement"), _("How far coders agree, and where they do not"), {}, {}, [this] {
               show_tab(agreement_);
               grow_bottom_pane();
               agreement_->refresh(project_);
           }, false, {}, agreement_id});

    const auto pane_command = [this](const char* pane) {
        return [this, pane] { show_pane(pane, !aui_.GetPane(pane).IsShown()); };
    };
    const auto pane_shown = [this](const char* pane) { return [this, pane] { return aui_.GetPane(pane).IsShown(); }; };
    c.add({"view.documents", _("&Documents"), _("Show or hide the list of documents"), {key(wxACCEL_CTRL | wxACCEL_ALT, '1')}, {},
           pane_command("documents"), true, pane_shown("documents"), view_documents_id});
    c.add({"view.codes", _("&Codes"), _("Show or hide the code tree"), {key(wxACCEL_CTRL | wxACCEL_ALT, '2')}, {},
           pane_command("codes"), true, pane_shown("codes"), view_codes_id});
    c.add({"view.segments", _("&Segments and analyses"), _("Show or hide the pane with retrieved segments, search and analyses"),
           {key(wxACCEL_CTRL | wxACCEL_ALT, '3')}, {}, pane_command("bottom"), true, pane_shown("bottom"), view_segments_id});
    c.add({"view.reset", _("&Reset the layout"), _("Every pane back in its first place and size"), {}, {}, [this] { reset_layout(); },
           false, {}, view_reset_id});

    c.add({"help.readme", _("&User guide"), _("The user guide: a study from import to quote export, what the analyses count, data protection"), {key(wxACCEL_NORMAL, WXK_F1)}, {},
           [this] { open_user_guide(); }, false, {}, readme_id});
    c.add({"help.about", _("&About Fokus"), {}, {}, {}, [this] { show_about(); }, false, {}, wxID_ABOUT});
}

void MainFrame::build_menus() {
    register_commands();
    auto* file = new wxMenu;
    for (const char* name : {"file.open", "file.import", "file.merge", "file.export-qdpx"}) commands_.append(*file, name);
    file->AppendSeparator();
    for (const char* name : {"file.anonymity-check", "file.deep-check", "file.share"}) commands_.append(*file, name);
    file->AppendSeparator();
    recent_menu_ = new wxMenu;
    file->AppendSubMenu(recent_menu_, _("Open &recent"));
    wxGetApp().recent_projects().UseMenu(recent_menu_);
    wxGetApp().recent_projects().AddFilesToMenu(recent_menu_);
    file->AppendSeparator();
    commands_.append(*file, "file.quit");

    auto* edit = new wxMenu;
    commands_.append(*edit, "edit.undo");
    commands_.append(*edit, "edit.redo");
    edit->AppendSeparator();
    auto* language = new wxMenu;
    // Each language by its own name, so that it can be found whichever is shown.
    language->AppendRadioItem(language_danish_id, wxString::FromUTF8("Dansk"));
    language->AppendRadioItem(language_english_id, "English");
    language->AppendRadioItem(language_system_id, _("As the system"));
    const wxString chosen_language = wxGetApp().language_setting();
    language->Check(chosen_language == "da" ? language_danish_id : chosen_language == "en" ? language_english_id : language_system_id, true);
    edit->AppendSubMenu(language, _("&Language"));

    auto* code = new wxMenu;
    for (const char* name : {"code.with-selected", "code.pick", "code.in-vivo"}) commands_.append(*code, name);
    code->AppendSeparator();
    commands_.append(*code, "code.uncode");
    code->AppendSeparator();
    code->Append(wxID_ANY, _("Keys 1–9, 0 and Shift+1–0 code the selection with the code showing the key"))->Enable(false);
    code->AppendSeparator();
    auto* bikva = new wxMenu;
    for (const char* name : {"bikva.mark", "bikva.present", "bikva.react", "bikva.advice"}) commands_.append(*bikva, name);
    code->AppendSubMenu(bikva, _("&BIKVA links"));
    code->AppendSeparator();
    commands_.append(*code, "code.blind");

    auto* analysis = new wxMenu;
    for (const char* name : {"analysis.search", "analysis.cooccurrence", "analysis.crosstab", "analysis.contrast",
                             "analysis.condensation", "analysis.bikva", "analysis.agreement"}) {
        commands_.append(*analysis, name);
    }
    analysis->AppendSeparator();
    commands_.append(*analysis, "analysis.reindex");
    auto* view = new wxMenu;
    for (const char* name : {"view.documents", "view.codes", "view.segments"}) commands_.append(*view, name);
    view->AppendSeparator();
    commands_.append(*view, "view.reset");
    auto* help = new wxMenu;
    commands_.append(*help, "help.readme");
    commands_.append(*help, "help.about");

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(code, _("&Code"));
    bar->Append(analysis, _("&Analysis"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    commands_.bind(*this);
    Bind(wxEVT_MENU, [this](wxCommandEvent& event) {
        open_another_project(wxGetApp().recent_projects().GetHistoryFile(static_cast<std::size_t>(event.GetId() - wxID_FILE1)));
    }, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, [this](wxCommandEvent& event) {
        const bool danish = event.GetId() == language_danish_id;
        const bool english = event.GetId() == language_english_id;
        wxGetApp().choose_language(danish ? "da" : english ? "en" : "system");
        SetStatusText(wxString::Format(_("Fokus will speak %s from the next time it starts."),
                                       danish ? _("Danish") : english ? _("English") : _("the system's language")),
                      message_field);
    }, language_danish_id, language_system_id);
}

void MainFrame::build_toolbar() {
    auto* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT);
    const wxSize size(22, 22);
    tools->AddTool(wxID_OPEN, _("Open"), wxArtProvider::GetBitmap(wxART_FILE_OPEN, wxART_TOOLBAR, size), _("Open a project (Ctrl+O)"));
    tools->AddSeparator();
    tools->AddTool(undo_id, _("Undo"), wxArtProvider::GetBitmap(wxART_UNDO, wxART_TOOLBAR, size), _("Undo (Ctrl+Z)"));
    tools->AddTool(redo_id, _("Redo"), wxArtProvider::GetBitmap(wxART_REDO, wxART_TOOLBAR, size), _("Redo (Ctrl+Shift+Z)"));
    tools->AddSeparator();
    tools->AddTool(pick_code_id, _("Code with…"), wxArtProvider::GetBitmap(wxART_FIND, wxART_TOOLBAR, size),
                   _("Code the selection with a code you type (Ctrl+K)"));
    tools->AddTool(in_vivo_id, _("In vivo"), wxArtProvider::GetBitmap(wxART_NEW, wxART_TOOLBAR, size),
                   _("New code from the selected words (Ctrl+I)"));
    tools->AddTool(uncode_id, _("Uncode"), wxArtProvider::GetBitmap(wxART_DELETE, wxART_TOOLBAR, size),
                   _("Remove the coding under the cursor (Delete)"));
    tools->Realize();
}

bool MainFrame::run_command(const std::string& name) { return commands_.run(name); }

bool MainFrame::focus(const std::string& what) {
    Raise();
    if (what == "transcript") {
        transcript_->editor()->SetFocus();
    } else if (what == "search") {
        show_tab(search_);
        search_->focus_query();
    } else if (what == "agreement-documents") {
        show_tab(agreement_);
        agreement_->focus_documents();
    } else {
        return false;
    }
    wxYield();
    return true;
}

// Keys reach the registry before the control with the focus, so that Ctrl+Z
// undoes in the transcript as anywhere else; text fields keep their editing keys.
void MainFrame::on_key(wxKeyEvent& event) {
    wxWindow* focus = wxWindow::FindFocus();
    const int key_code = event.GetKeyCode();
    const bool plain = !event.HasAnyModifiers();
    if (focus == transcript_->editor()) {
        if (const auto code_key = code_key_of(event); code_key && transcript_->selection()) {
            code_with_key(*code_key);
            return;
        }
        if (plain && (key_code == WXK_DELETE || key_code == WXK_NUMPAD_DELETE)) {
            uncode_at_caret();
            return;
        }
    }
    const auto* command = commands_.by_key(event);
    if (!command) {
        event.Skip();
        return;
    }
    if (edit_in_text_field(focus, event)) return;
    if (commands_.can_run(*command) || command->name == "edit.undo" || command->name == "edit.redo") {
        command->run();  // undo() and redo() say when there is nothing to undo or redo
    } else {
        SetStatusText(wxString::Format(_("\"%s\" is not possible here: select a passage in the transcript first"),
                                       wxStripMenuCodes(command->label)),
                      message_field);
    }
}

void MainFrame::show_pane(const char* name, bool shown) {
    auto& pane = aui_.GetPane(name);
    if (!pane.IsOk() || pane.IsShown() == shown) return;
    pane.Show(shown);
    aui_.Update();
}

void MainFrame::reset_layout() {
    aui_.LoadPerspective(first_layout_, true);
    if (remember_settings_) wxConfig::Get()->DeleteEntry("/Layout/Perspective");
    SetStatusText(_("Every pane is back in its first place"), message_field);
}

// The guide in the interface's language, installed or rendered in the build
// tree; the README where neither is there.
void MainFrame::open_user_guide() {
    const wxString program_dir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
    const wxString language = wxTranslations::Get() && wxTranslations::Get()->GetBestTranslation("fokus").StartsWith("da") ? "da" : "en";
    for (const wxString& guide : {program_dir + "/../share/doc/fokus/guide/", program_dir + "/../packaging/guide/"}) {
        const wxFileName page(guide + language + "/index.html");
        if (page.FileExists()) {
            wxLaunchDefaultBrowser(wxFileName::FileNameToURL(wxFileName(page.GetAbsolutePath())));
            return;
        }
    }
    for (const wxString& path : {program_dir + "/../share/doc/fokus/README.md", wxString::FromUTF8(FOKUS_SOURCE_DATA_DIR "/../README.md")}) {
        if (wxFileName::FileExists(path)) {
            wxLaunchDefaultApplication(wxFileName(path).GetAbsolutePath());
            return;
        }
    }
    SetStatusText(_("The user guide is not installed"), message_field);
}

void MainFrame::show_about() {
    wxAboutDialogInfo info;
    info.SetName("Fokus");
    info.SetVersion(FOKUS_VERSION);
    info.SetDescription(_("A workbench for qualitative analysis of interviews and focus groups: coding, "
                          "BIKVA chains, search, comparisons and quote sets, and agreement between coders."));
    wxAboutBox(info, this);
}

}  // namespace fokus::workbench
