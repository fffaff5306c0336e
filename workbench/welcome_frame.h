#pragma once
// What the workbench shows when started without a project: a new project
// (with the default codebook or another .qdc), a project to open, the sample
// study, a REFI-QDA project to import, and the recent projects.
#include <wx/frame.h>
#include <wx/listbox.h>
#include <wx/timer.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fokus::workbench {

class WelcomeFrame : public wxFrame {
public:
    WelcomeFrame();

    // The actions, also for a .qdc or .qdpx given on the command line; each
    // asks where the new project goes and closes this window once one is open.
    void new_project(const wxString& codebook);
    void open_project();
    void open_sample();
    void import_qdpx(const wxString& qdpx);

    // A script of "screenshot FILE" and "quit" steps, for the scripted GUI
    // runs that start without a project; the exit code is 1 when one failed.
    void run_script(std::vector<std::string> steps);

private:
    void open(const wxString& path);
    void run_next_step();

    wxListBox* recent_ = nullptr;
    std::vector<std::string> steps_;
    std::size_t next_step_ = 0;
    wxTimer step_timer_;
};

// Where the coded sample study is: installed, or built beside the program.
std::filesystem::path sample_study_path();

}  // namespace fokus::workbench
