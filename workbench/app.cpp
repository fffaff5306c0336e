// fokus: the workbench. Opens the project given on the command line.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>

#include <cstdlib>
#include <memory>

#include "coding/error.h"
#include "workbench/main_frame.h"
#include "workbench/script_runner.h"
#include "workbench/strings.h"

namespace fokus::workbench {

class App : public wxApp {
public:
    bool OnInit() override {
        // The locale first, then the catalogues that depend on it.
        locale_ = std::make_unique<wxLocale>(wxLANGUAGE_DEFAULT);
        wxTranslations::Set(new wxTranslations);
        SetAppName("fokus");
        if (!wxApp::OnInit()) return false;
        wxString path = project_path_;
        if (path.empty()) {
            wxFileDialog dialog(nullptr, _("Open a Fokus project"), "", "", _("Fokus projects (*.fokus)|*.fokus"),
                                wxFD_OPEN | wxFD_FILE_MUST_EXIST);
            if (dialog.ShowModal() != wxID_OK) return false;
            path = dialog.GetPath();
        }
        try {
            auto project = Project::open(from_wx(path));
            project.set_coder(coder());
            frame_ = new MainFrame(std::move(project), script_.empty());
        } catch (const Error& error) {
            wxMessageBox(to_wx(error.what()), "Fokus", wxOK | wxICON_ERROR);
            return false;
        }
        frame_->Show();
        if (!script_.empty()) {
            runner_ = std::make_unique<ScriptRunner>(*frame_, read_script(from_wx(script_)));
            runner_->start();
        }
        return true;
    }

    int OnExit() override { return runner_ && runner_->failures() > 0 ? 1 : 0; }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        parser.AddParam(_("project"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
        parser.AddOption("", "script", _("run the commands of a script file (for tests)"));
        parser.AddSwitch("h", "help", _("show this help"), wxCMD_LINE_OPTION_HELP);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        if (parser.GetParamCount() > 0) project_path_ = parser.GetParam(0);
        parser.Found("script", &script_);
        return true;
    }

private:
    static std::string coder() {
        for (const char* variable : {"FOKUS_CODER", "USER", "LOGNAME"}) {
            if (const char* value = std::getenv(variable); value && *value) return value;
        }
        return "ukendt";
    }

    std::unique_ptr<wxLocale> locale_;
    wxString project_path_;
    wxString script_;
    MainFrame* frame_ = nullptr;
    std::unique_ptr<ScriptRunner> runner_;
};

}  // namespace fokus::workbench

wxIMPLEMENT_APP(fokus::workbench::App);
