#pragma once
// The application: the locale and translations, the coder's name, the list of
// recent projects, and one main window per open project.
#include <wx/app.h>
#include <wx/filehistory.h>
#include <wx/intl.h>

#include <memory>
#include <string>

namespace fokus::workbench {

class MainFrame;
class ScriptRunner;

class App : public wxApp {
public:
    bool OnInit() override;
    // The exit code: 1 when a step of the script failed (wxWidgets ignores OnExit's).
    int OnRun() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

    // Opens the project in a new main window; shows why when it cannot.
    MainFrame* open_project(const wxString& path);
    // A step of a script run on the welcome page failed: the exit code becomes 1.
    void record_script_failure() { ++welcome_script_failures_; }
    // Asks for a project file (recent ones first); empty when cancelled.
    wxString ask_for_project(wxWindow* parent);
    wxFileHistory& recent_projects() { return recent_; }
    // Scripted runs leave the user's settings (layout, recent projects) alone.
    bool scripted() const { return !script_.empty(); }
    // "da", "en" or "system", as chosen in the Language menu; used from the next start.
    wxString language_setting() const;
    void choose_language(const wxString& code);

private:
    static std::string coder_name();
    static wxLanguage language_from(const wxString& code);
    void set_up_language(wxLanguage language);

    std::unique_ptr<wxLocale> locale_;
    wxFileHistory recent_{9};
    wxString project_path_;
    wxString script_;
    std::unique_ptr<ScriptRunner> runner_;
    int welcome_script_failures_ = 0;
};

}  // namespace fokus::workbench

wxDECLARE_APP(fokus::workbench::App);
