#include "workbench/integrity_job.h"

#include <wx/app.h>
#include <wx/msgdlg.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "coding/error.h"
#include "coding/integrity.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// The checks still running when the program ends are waited for, so that none
// outlives the SQLite library or the application it reports to.
class RunningChecks {
public:
    ~RunningChecks() {
        std::lock_guard lock(mutex_);
        for (auto& thread : threads_) {
            if (thread.joinable()) thread.join();
        }
    }
    template <class Work>
    void start(Work work) {
        std::lock_guard lock(mutex_);
        threads_.emplace_back(std::move(work));
    }

private:
    std::mutex mutex_;
    std::vector<std::thread> threads_;
};

RunningChecks& running_checks() {
    static RunningChecks checks;
    return checks;
}

// Only the main thread touches the weak reference: it is made there, and
// handed over to CallAfter whole, never copied or dropped on the worker.
struct Recipient {
    wxWeakRef<wxWindow> window;
    bool interactive = true;
};

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

void show(const Recipient& recipient, const wxString& message) {
    if (!recipient.interactive) {
        std::fprintf(stderr, "fokus: %s\n", message.utf8_str().data());
        return;
    }
    if (!recipient.window) return;  // closed while the check ran
    wxMessageBox(message, "Fokus", wxOK | wxICON_WARNING, recipient.window.get());
}

}  // namespace

void check_after_opening(wxWindow& window, const std::filesystem::path& project, bool interactive) {
    auto recipient = std::make_unique<Recipient>();
    recipient->window = &window;
    recipient->interactive = interactive;
    running_checks().start([recipient = std::move(recipient), project]() mutable {
        std::string failure;
        IntegrityReport report;
        try {
            report = check_integrity(project);
        } catch (const std::exception& error) {
            failure = error.what();
        }
        if (failure.empty() && report.clean()) {
            // Dropped on the main thread, where the weak reference lives.
            if (wxTheApp) wxTheApp->CallAfter([recipient = std::shared_ptr<Recipient>(std::move(recipient))] {});
            return;
        }
        if (!wxTheApp) return;
        wxTheApp->CallAfter([recipient = std::shared_ptr<Recipient>(std::move(recipient)), project, report, failure] {
            show(*recipient, failure.empty() ? describe(project, report)
                                             : wxString::Format(_("The project could not be checked: %s"), to_wx(failure)));
        });
    });
}

}  // namespace fokus::workbench
