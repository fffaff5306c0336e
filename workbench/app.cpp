// fokus: the workbench. Opens the project given on the command line, or asks.
#include "workbench/app.h"

#include <wx/choicdlg.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <cstdio>
#include <cstdlib>

#include "coding/error.h"
#include "coding/project.h"
#include "workbench/main_frame.h"
#include "workbench/script_runner.h"
#include "workbench/strings.h"

wxIMPLEMENT_APP(fokus::workbench::App);

namespace fokus::workbench {

bool App::OnInit() {
    // The locale first, then the translations that depend on it; catalogues
    // are added here once the Danish one exists.
    locale_ = std::make_unique<wxLocale>(wxLANGUAGE_DEFAULT);
    wxTranslations::Set(new wxTranslations);
    SetAppName("fokus");
    SetAppDisplayName("Fokus");
    if (!wxApp::OnInit()) return false;
    // Settings in $XDG_CONFIG_HOME/fokus/fokus.conf (~/.config by default);
    // wxFileConfig 3.2 neither follows XDG by itself nor makes the folder.
    wxString config_home;
    if (!wxGetEnv("XDG_CONFIG_HOME", &config_home) || config_home.empty()) config_home = wxGetHomeDir() + "/.config";
    const wxFileName settings(config_home + "/fokus", "fokus.conf");
    if (!scripted() && !settings.DirExists()) wxFileName::Mkdir(settings.GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    wxConfig::Set(new wxFileConfig("fokus", wxEmptyString, settings.GetFullPath(), wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    if (!scripted()) {
        wxConfig::Get()->SetPath("/RecentProjects");
        recent_.Load(*wxConfig::Get());
        wxConfig::Get()->SetPath("/");
    }
    const wxString path = project_path_.empty() ? ask_for_project(nullptr) : project_path_;
    if (path.empty()) return false;
    MainFrame* frame = open_project(path);
    if (!frame) return false;
    if (scripted()) {
        runner_ = std::make_unique<ScriptRunner>(*frame, read_script(from_wx(script_)));
        runner_->start();
    }
    return true;
}

int App::OnExit() {
    if (!scripted()) {
        wxConfig::Get()->SetPath("/RecentProjects");
        recent_.Save(*wxConfig::Get());
        wxConfig::Get()->SetPath("/");
        wxConfig::Get()->Flush();
    }
    return runner_ && runner_->failures() > 0 ? 1 : 0;
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    parser.AddParam(_("project"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    parser.AddOption("", "script", _("run the commands of a script file (for tests)"));
    parser.AddSwitch("h", "help", _("show this help"), wxCMD_LINE_OPTION_HELP);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (parser.GetParamCount() > 0) project_path_ = parser.GetParam(0);
    parser.Found("script", &script_);
    return true;
}

MainFrame* App::open_project(const wxString& path) {
    try {
        auto project = Project::open(from_wx(path));
        project.set_coder(coder_name());
        auto* frame = new MainFrame(std::move(project), !scripted());
        if (!scripted()) recent_.AddFileToHistory(path);
        frame->Show();
        return frame;
    } catch (const Error& error) {
        if (scripted()) {
            std::fprintf(stderr, "fokus: %s\n", error.what());
        } else {
            wxMessageBox(to_wx(error.what()), "Fokus", wxOK | wxICON_ERROR);
        }
        // A recent project that cannot be opened any more leaves the list.
        for (std::size_t i = 0; i < recent_.GetCount(); ++i) {
            if (recent_.GetHistoryFile(i) == path) {
                recent_.RemoveFileFromHistory(i);
                break;
            }
        }
        return nullptr;
    }
}

wxString App::ask_for_project(wxWindow* parent) {
    if (recent_.GetCount() > 0) {
        wxArrayString choices;
        for (std::size_t i = 0; i < recent_.GetCount(); ++i) choices.Add(recent_.GetHistoryFile(i));
        choices.Add(_("Another project…"));
        wxSingleChoiceDialog dialog(parent, _("Open a recent project"), "Fokus", choices);
        if (dialog.ShowModal() != wxID_OK) return {};
        if (static_cast<std::size_t>(dialog.GetSelection()) < recent_.GetCount()) return dialog.GetStringSelection();
    }
    wxFileDialog dialog(parent, _("Open a Fokus project"), "", "", _("Fokus projects (*.fokus)|*.fokus"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

// $FOKUS_CODER when set (tests and shared accounts), else the login name; a
// preference dialog comes later.
std::string App::coder_name() {
    if (const char* chosen = std::getenv("FOKUS_CODER"); chosen && *chosen) return chosen;
    const std::string login = from_wx(wxGetUserId());
    return login.empty() ? "ukendt" : login;
}

}  // namespace fokus::workbench
