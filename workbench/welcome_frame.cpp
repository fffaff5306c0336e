#include "workbench/welcome_frame.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/settings.h>
#include <wx/stdpaths.h>
#include <wx/timer.h>

#include <cstdio>
#include <optional>

#include "coding/codebook.h"
#include "coding/error.h"
#include "coding/project.h"
#include "workbench/app.h"
#include "workbench/error_messages.h"
#include "workbench/main_frame.h"
#include "workbench/pane_tour.h"
#include "workbench/screenshot.h"
#include "workbench/strings.h"

namespace fokus::workbench {

namespace {

// Where a new project goes; empty when the user cancelled.
wxString ask_new_project_path(wxWindow* parent, const wxString& suggested) {
    wxFileDialog dialog(parent, _("Where should the new project be saved?"), wxStandardPaths::Get().GetDocumentsDir(),
                        suggested, _("Fokus projects (*.fokus)|*.fokus"), wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK) return {};
    wxFileName chosen(dialog.GetPath());
    if (chosen.GetExt().Lower() != "fokus") chosen.SetFullName(chosen.GetFullName() + ".fokus");
    return chosen.GetFullPath();
}

// A button for the action and, under it, what it does.
wxButton* add_action(wxWindow* parent, wxSizer& sizer, const wxString& title, const wxString& note) {
    auto* button = new wxButton(parent, wxID_ANY, title, wxDefaultPosition, wxSize(parent->FromDIP(440), -1), wxBU_LEFT);
    button->SetFont(button->GetFont().Bold());
    auto* text = new wxStaticText(parent, wxID_ANY, note);
    text->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sizer.Add(button, 0, wxEXPAND);
    sizer.Add(text, 0, wxLEFT | wxTOP | wxBOTTOM, parent->FromDIP(4));
    sizer.AddSpacer(parent->FromDIP(8));
    return button;
}

}  // namespace

std::filesystem::path sample_study_path() {
    const wxFileName program(wxStandardPaths::Get().GetExecutablePath());
    // Installed; built for the package; built by scripts/open-sample.
    for (const char* relative : {"/../share/fokus/sample/sample.fokus", "/../packaging/sample/sample.fokus", "/../sample.fokus"}) {
        const wxFileName candidate(program.GetPath() + relative);
        if (candidate.FileExists()) return from_wx(candidate.GetAbsolutePath());
    }
    return {};
}

WelcomeFrame::WelcomeFrame() : wxFrame(nullptr, wxID_ANY, _("Welcome to Fokus"), wxDefaultPosition, wxSize(900, 580)) {
    auto* panel = new wxPanel(this);
    auto* title = new wxStaticText(panel, wxID_ANY, "Fokus");
    title->SetFont(title->GetFont().Scaled(2.2f).Bold());
    auto* subtitle = new wxStaticText(panel, wxID_ANY, _("Qualitative analysis of interview and focus-group transcripts"));

    auto* actions = new wxBoxSizer(wxVERTICAL);
    auto add = [&](const wxString& name, const wxString& note, auto handler) {
        auto* button = add_action(panel, *actions, name, note);
        button->Bind(wxEVT_BUTTON, [handler](wxCommandEvent&) { handler(); });
    };
    add(_("New project"), _("With the default codebook: 17 codes and the BIKVA stages"), [this] { new_project({}); });
    add(_("New project from a codebook…"), _("With the codes of another REFI-QDA codebook (.qdc)"), [this] {
        wxFileDialog dialog(this, _("Choose a codebook"), "", "", _("REFI-QDA codebooks (*.qdc)|*.qdc"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) new_project(dialog.GetPath());
    });
    add(_("Open a project…"), _("A Fokus project (.fokus)"), [this] { open_project(); });
    add(_("Open the sample study"), _("13 coded focus-group transcripts: every view has something to show"), [this] { open_sample(); });
    add(_("Import a REFI-QDA project…"), _("From NVivo, ATLAS.ti, MAXQDA or QualCoder (.qdpx)"), [this] {
        wxFileDialog dialog(this, _("Choose a REFI-QDA project"), "", "", _("REFI-QDA projects (*.qdpx)|*.qdpx"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dialog.ShowModal() == wxID_OK) import_qdpx(dialog.GetPath());
    });

    auto* recent_column = new wxBoxSizer(wxVERTICAL);
    auto* recent_title = new wxStaticText(panel, wxID_ANY, _("Recent projects"));
    recent_title->SetFont(recent_title->GetFont().Bold());
    recent_ = new wxListBox(panel, wxID_ANY);
    const wxFileHistory& history = wxGetApp().recent_projects();
    for (std::size_t i = 0; i < history.GetCount(); ++i) recent_->Append(history.GetHistoryFile(i));
    auto* open_recent = new wxButton(panel, wxID_ANY, _("Open"));
    open_recent->Enable(false);
    recent_->Bind(wxEVT_LISTBOX, [open_recent](wxCommandEvent&) { open_recent->Enable(true); });
    recent_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& event) { open(event.GetString()); });
    open_recent->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (recent_->GetSelection() != wxNOT_FOUND) open(recent_->GetStringSelection());
    });
    recent_column->Add(recent_title, 0, wxBOTTOM, FromDIP(6));
    if (history.GetCount() == 0) {
        recent_column->Add(new wxStaticText(panel, wxID_ANY, _("None yet: the projects you open are listed here.")), 0, wxBOTTOM, FromDIP(6));
    }
    recent_column->Add(recent_, 1, wxEXPAND);
    recent_column->Add(open_recent, 0, wxALIGN_RIGHT | wxTOP, FromDIP(6));
    recent_->Show(history.GetCount() > 0);
    open_recent->Show(history.GetCount() > 0);

    auto* tour = new wxCheckBox(panel, wxID_ANY, _("Show a short tour of the panes when a project opens"));
    tour->SetValue(tour_wanted());
    tour->Bind(wxEVT_CHECKBOX, [](wxCommandEvent& event) { set_tour_wanted(event.IsChecked()); });

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(actions, 0, wxEXPAND | wxRIGHT, FromDIP(24));
    columns->Add(recent_column, 1, wxEXPAND);
    auto* page = new wxBoxSizer(wxVERTICAL);
    page->Add(title, 0, wxBOTTOM, FromDIP(2));
    page->Add(subtitle, 0, wxBOTTOM, FromDIP(18));
    page->Add(columns, 1, wxEXPAND);
    page->Add(tour, 0, wxTOP, FromDIP(12));
    auto* margin = new wxBoxSizer(wxVERTICAL);
    margin->Add(page, 1, wxEXPAND | wxALL, FromDIP(24));
    panel->SetSizer(margin);
    Centre();
}

void WelcomeFrame::open(const wxString& path) {
    if (wxGetApp().open_project(path)) {
        Destroy();
    } else if (recent_) {
        // A project that is gone has left the recent list; the page shows the list as it is now.
        recent_->Clear();
        const wxFileHistory& history = wxGetApp().recent_projects();
        for (std::size_t i = 0; i < history.GetCount(); ++i) recent_->Append(history.GetHistoryFile(i));
    }
}

void WelcomeFrame::new_project(const wxString& codebook_path) {
    const wxString path = ask_new_project_path(this, codebook_path.empty() ? wxString(_("study.fokus"))
                                                                           : wxFileName(codebook_path).GetName() + ".fokus");
    if (path.empty()) return;
    try {
        std::optional<Codebook> codebook;
        if (!codebook_path.empty()) codebook = read_codebook(from_wx(codebook_path));
        Project::create(from_wx(path), codebook ? &*codebook : nullptr);
    } catch (const std::exception& error) {
        show_error(this, error);
        return;
    }
    open(path);
}

void WelcomeFrame::open_project() {
    wxFileDialog dialog(this, _("Open a Fokus project"), "", "", _("Fokus projects (*.fokus)|*.fokus"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) open(dialog.GetPath());
}

// A copy of the sample in the user's documents, to change as they like; the
// copy made once is opened again later.
void WelcomeFrame::open_sample() {
    const wxString copy = wxStandardPaths::Get().GetDocumentsDir() + "/" + _("Fokus sample study.fokus");
    if (!wxFileName::FileExists(copy)) {
        const auto sample = sample_study_path();
        if (sample.empty()) {
            wxMessageBox(_("The sample study is not installed."), "Fokus", wxOK | wxICON_ERROR, this);
            return;
        }
        wxFileName::Mkdir(wxFileName(copy).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
        if (!wxCopyFile(to_wx(sample.string()), copy, false)) {
            wxMessageBox(wxString::Format(_("The sample study could not be copied to %s."), copy), "Fokus", wxOK | wxICON_ERROR, this);
            return;
        }
    }
    open(copy);
}

// A new, empty project, into which the .qdpx is merged in the project's
// window, with the preview of what comes in and what cannot.
void WelcomeFrame::import_qdpx(const wxString& qdpx) {
    const wxString path = ask_new_project_path(this, wxFileName(qdpx).GetName() + ".fokus");
    if (path.empty()) return;
    try {
        const Codebook empty;
        Project::create(from_wx(path), &empty);
    } catch (const std::exception& error) {
        show_error(this, error);
        return;
    }
    MainFrame* frame = wxGetApp().open_project(path);
    if (!frame) return;
    Destroy();
    frame->merge_project(from_wx(qdpx), false, true);
}

void WelcomeFrame::run_script(std::vector<std::string> steps) {
    steps_ = std::move(steps);
    // A moment for the window to be drawn before each step, as the project's script runner gives.
    step_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { run_next_step(); });
    step_timer_.StartOnce(250);
}

void WelcomeFrame::run_next_step() {
    if (next_step_ >= steps_.size()) return;
    const std::string line = steps_[next_step_++];
    const auto space = line.find(' ');
    const std::string verb = line.substr(0, space);
    const std::string argument = space == std::string::npos ? "" : line.substr(space + 1);
    if (verb == "quit") {
        Close(true);
        return;
    }
    if (verb == "screenshot") {
        if (!save_window_png(*this, to_wx(argument))) {
            std::fprintf(stderr, "fokus: step %zu: no screenshot could be saved to %s\n", next_step_, argument.c_str());
            wxGetApp().record_script_failure();
        }
    } else if (verb != "wait") {
        std::fprintf(stderr, "fokus: step %zu: \"%s\" cannot be done on the welcome page\n", next_step_, line.c_str());
        wxGetApp().record_script_failure();
    }
    step_timer_.StartOnce(250);
}

}  // namespace fokus::workbench
