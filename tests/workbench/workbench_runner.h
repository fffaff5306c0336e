#pragma once
// Runs the real workbench under Xvfb on a project with a script of steps
// (workbench/script_runner.cpp), its output kept in the folder's workbench.log.
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "cli_runner.h"
#include "scratch.h"

namespace fokus::testing {

// `language` ("da", "en") chooses the interface's language; empty leaves the default.
// The exit code: 0 when every step did what it was asked.
inline int run_workbench(const ScratchDir& dir, const std::string& project, const std::string& script,
                         const std::string& language = "") {
    write_file(dir / "steps.script", script);
    const std::string command = "FOKUS_NO_DIALOGS=1 FOKUS_CODER=Testkoder xvfb-run -a -s '-screen 0 1600x1000x24' " +
                                shell_quote(FOKUS_WORKBENCH) + (language.empty() ? "" : " --lang " + language) + " --script " +
                                shell_quote((dir / "steps.script").string()) + " " + shell_quote(project) + " >" +
                                shell_quote((dir / "workbench.log").string()) + " 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace fokus::testing
