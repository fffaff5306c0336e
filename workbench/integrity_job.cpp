#include "workbench/integrity_job.h"

#include <wx/msgdlg.h>
#include <wx/window.h>

#include <cstdio>

#include "coding/integrity.h"
#include "workbench/background_work.h"
#include "workbench/error_messages.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

constexpr std::size_t most_problems_shown = 12;

wxString describe(const std::filesystem::path& project, const IntegrityReport& report) {
    wxString problems;
    for (std::size_t i = 0; i < report.problems.size() && i < most_problems_shown; ++i) {
        problems += "• " + to_wx(report.problems[i].subject + ": " + report.problems[i].problem) + "\n";
    }
    if (report.problems.size() > most_problems_shown) {
        problems += wxString::Format(_("… and %zu more\n"), report.problems.size() - most_problems_shown);
    }
    wxString advice;
    if (report.newest_good_backup) {
        advice += wxString::Format(_("The newest good backup is %s (made %s UTC); restore it with fokus-cli restore %s"),
                                   to_wx(report.newest_good_backup->path.string()), to_wx(report.newest_good_backup->made_at),
                                   to_wx(project.string()));
    } else {
        advice += _("There is no good backup to restore.");
    }
    if (report.repairable()) {
        advice += "\n" + wxString::Format(_("The code tree can be repaired with fokus-cli check --repair %s"),
                                          to_wx(project.string()));
    }
    return wxString::Format(_("The check of %s found damage:\n\n%s\n%s"), to_wx(project.string()), problems, advice);
}

}  // namespace

void check_after_opening(wxWindow& window, const std::filesystem::path& project, bool interactive) {
    const auto show = [&window, interactive](const wxString& message) {
        if (!interactive) {
            std::fprintf(stderr, "fokus: %s\n", message.utf8_str().data());
            return;
        }
        wxMessageBox(message, "Fokus", wxOK | wxICON_WARNING, &window);
    };
    run_in_background(
        window,
        [project, show]() -> OnWindow {
            const auto report = check_integrity(project);
            if (report.clean()) return {};
            return [project, report, show] { show(describe(project, report)); };
        },
        [show](const std::exception& error) {
            show(wxString::Format(_("The project could not be checked: %s"), translated_message(error)));
        });
}

}  // namespace fokus::workbench
