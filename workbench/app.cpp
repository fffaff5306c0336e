// fokus: the workbench. Opens the project given on the command line, or asks.
#include "workbench/app.h"

#include <wx/choicdlg.h>
#include <wx/log.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>

#include "coding/backup.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "coding/project.h"
#include "workbench/error_messages.h"
#include "workbench/background_work.h"
#include "workbench/command_line_options.h"
#include "workbench/integrity_job.h"
#include "workbench/main_frame.h"
#include "workbench/pane_tour.h"
#include "workbench/welcome_frame.h"
#include "workbench/script_runner.h"
#include "workbench/strings.h"

wxIMPLEMENT_APP(fokus::workbench::App);

namespace fokus::workbench {

namespace {

// The value of --NAME VALUE or --NAME=VALUE, looked for before the command
// line is parsed: the language must be set before any text is shown.
wxString early_option(int argc, wxChar** argv, const wxString& name) {
    for (int i = 1; i < argc; ++i) {
        const wxString argument = argv[i];
        if (argument == "--" + name && i + 1 < argc) return argv[i + 1];
        if (argument.StartsWith("--" + name + "=")) return argument.AfterFirst('=');
    }
    return {};
}

}  // namespace

wxLanguage App::language_from(const wxString& code) {
    if (code == "da") return wxLANGUAGE_DANISH;
    if (code == "en") return wxLANGUAGE_ENGLISH;
    // As the system: Danish where the system speaks Danish, else English.
    const int system = wxLocale::GetSystemLanguage();
    const auto* info = wxLocale::GetLanguageInfo(system);
    return info && info->CanonicalName.StartsWith("da") ? wxLANGUAGE_DANISH : wxLANGUAGE_ENGLISH;
}

void App::set_up_language(wxLanguage language) {
    // The locale first (dates, numbers, the C library's character set), then
    // the translations. A machine without the Danish locale still gets the
    // Danish texts.
    // Without it, the system's own locale still gives the C library UTF-8.
    locale_ = std::make_unique<wxLocale>();
    bool initialised = false;
    {
        // A system locale that is named but not installed (LANG=da_DK.UTF-8 on
        // a machine without it) is no error to show the user.
        wxLogNull quiet;
        initialised = locale_->Init(wxLocale::IsAvailable(language) ? language : wxLANGUAGE_DEFAULT, wxLOCALE_DONT_LOAD_DEFAULT);
    }
    if (!initialised) std::setlocale(LC_ALL, "C.UTF-8");
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    translations->SetLanguage(language);
    const wxString program_dir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(program_dir + "/locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(program_dir + "/../share/locale");
    translations->AddStdCatalog();
    translations->AddCatalog("fokus");
}

wxString App::language_setting() const {
    wxString code = "system";
    wxConfig::Get()->Read("/Interface/Language", &code);
    return code;
}

void App::choose_language(const wxString& code) {
    wxConfig::Get()->Write("/Interface/Language", code);
    wxConfig::Get()->Flush();
}

bool App::OnInit() {
    SetAppName("fokus");
    SetAppDisplayName("Fokus");
    script_ = early_option(argc, argv, "script");
    // Settings in $XDG_CONFIG_HOME/fokus/fokus.conf (~/.config by default);
    // wxFileConfig 3.2 neither follows XDG by itself nor makes the folder.
    wxString config_home;
    if (!wxGetEnv("XDG_CONFIG_HOME", &config_home) || config_home.empty()) config_home = wxGetHomeDir() + "/.config";
    const wxFileName settings(config_home + "/fokus", "fokus.conf");
    if (!scripted() && !settings.DirExists()) wxFileName::Mkdir(settings.GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    wxConfig::Set(new wxFileConfig("fokus", wxEmptyString, settings.GetFullPath(), wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    wxString language = early_option(argc, argv, "lang");
    if (language.empty()) language = scripted() ? wxString("en") : language_setting();
    set_up_language(language_from(language));
    if (!wxApp::OnInit()) return false;
    if (!scripted()) {
        wxConfig::Get()->SetPath("/RecentProjects");
        recent_.Load(*wxConfig::Get());
        wxConfig::Get()->SetPath("/");
    }
    // Without a project, or with a file that is not one (a .qdc or .qdpx opened
    // from the file manager), the welcome page; it opens the project itself.
    const wxString extension = wxFileName(project_path_).GetExt().Lower();
    if (project_path_.empty() || extension == "qdc" || extension == "qdpx") {
        auto* welcome = new WelcomeFrame();
        welcome->Show();
        if (extension == "qdc") welcome->CallAfter([welcome, path = project_path_] { welcome->new_project(path); });
        if (extension == "qdpx") welcome->CallAfter([welcome, path = project_path_] { welcome->import_qdpx(path); });
        if (scripted()) welcome->run_script(read_script(from_wx(script_)));
        return true;
    }
    MainFrame* frame = open_project(project_path_);
    if (!frame) return false;
    if (scripted()) {
        runner_ = std::make_unique<ScriptRunner>(*frame, read_script(from_wx(script_)));
        runner_->start();
    }
    return true;
}

int App::OnRun() {
    const int code = wxApp::OnRun();
    return (runner_ && runner_->failures() > 0) || welcome_script_failures_ > 0 ? 1 : code;
}

int App::OnExit() {
    finish_background_work();
    if (!scripted()) {
        wxConfig::Get()->SetPath("/RecentProjects");
        recent_.Save(*wxConfig::Get());
        wxConfig::Get()->SetPath("/");
        wxConfig::Get()->Flush();
    }
    return 0;
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    parser.AddParam(wxGetTranslation(project_argument_description), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    for (const CommandLineOption& option : command_line_options()) {
        const wxString description = wxGetTranslation(option.description);
        if (option.value) {
            parser.AddOption("", option.name, description);
        } else {
            parser.AddSwitch(wxString(option.name) == "help" ? "h" : "", option.name, description,
                             wxString(option.name) == "help" ? wxCMD_LINE_OPTION_HELP : 0);
        }
    }
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (parser.GetParamCount() > 0) project_path_ = parser.GetParam(0);
    parser.Found("script", &script_);
    return true;
}

MainFrame* App::open_project(const wxString& path) {
    try {
        // Project::open refuses a project that another window or fokus-cli is changing.
        auto project = Project::open(from_wx(path));
        project.set_coder(coder_name());
        // A copy at every opening, the newest five kept beside the project.
        std::string backup_problem;
        try {
            backups::make(project);
        } catch (const Error& error) {
            backup_problem = error.what();
        }
        auto* frame = new MainFrame(std::move(project), !scripted());
        if (!backup_problem.empty()) frame->SetStatusText(wxString::Format(_("No backup was made: %s"), translated_message(backup_problem)));
        if (!scripted()) recent_.AddFileToHistory(path);
        frame->Show();
        if (!scripted() && tour_wanted()) frame->CallAfter([frame] { show_pane_tour(frame); });
        check_after_opening(*frame, from_wx(path), !scripted());
        frame->prepare_search_index(false);
        return frame;
    } catch (const Error& error) {
        if (scripted()) {
            std::fprintf(stderr, "fokus: %s\n", error.what());
        } else {
            wxMessageBox(translated_message(error), "Fokus", wxOK | wxICON_ERROR);
        }
        // A recent project that is gone leaves the list; one in use stays.
        const auto* problem = dynamic_cast<const ProjectError*>(&error);
        if (problem && problem->reason() == ProjectError::Reason::Missing) {
            for (std::size_t i = 0; i < recent_.GetCount(); ++i) {
                if (recent_.GetHistoryFile(i) == path) {
                    recent_.RemoveFileFromHistory(i);
                    break;
                }
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

std::string App::coder_name() { return default_coder_name(); }

}  // namespace fokus::workbench
