// The main window's import: transcripts read in the background with a
// progress bar whose Cancel stops between files, then checked for names and
// numbers that identify someone.
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "coding/documents.h"
#include "coding/error.h"
#include "importers/anonymity.h"
#include "search/follower.h"
#include "workbench/anonymity_review.h"
#include "workbench/import_dialog.h"
#include "workbench/import_summary.h"
#include "workbench/main_frame.h"
#include "workbench/search_pane.h"
#include "workbench/strings.h"

namespace fokus::workbench {

void MainFrame::ask_and_import() {
    ImportDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK) return;
    import_transcripts(dialog.inputs(), dialog.options(), dialog.names(), Findings::Review);
}

bool MainFrame::import_transcripts(const std::vector<std::filesystem::path>& inputs, importers::BatchOptions options,
                                   const std::vector<std::string>& names, Findings findings) {
    std::set<Id> before;
    for (const auto& document : DocumentStore(project_).all()) before.insert(document.id);

    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
    std::mutex progress_mutex;
    std::size_t number = 0, total = 0;
    std::string current;
    options.cancel = &cancel;
    // The search index takes in each file while the next is read.
    search::IndexFollower index_follower(project_.path());
    options.progress = [&](std::size_t n, std::size_t t, const std::string& file) {
        if (n > 1) index_follower.committed();
        std::lock_guard lock(progress_mutex);
        number = n;
        total = t;
        current = file;
    };
    importers::BatchReport outcome;
    std::exception_ptr failure;
    {
        // Modal, so that no other action starts meanwhile; the window still
        // paints, reading through its own connection while the worker writes
        // through another (one SQLite connection is never used by two threads).
        wxProgressDialog progress(_("Importing transcripts"), _("Reading the sheets…"), 100, this,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
        std::optional<Project> importing;
        try {
            importing.emplace(project_.another_connection());
        } catch (...) {
            failure = std::current_exception();
            done = true;
        }
        std::thread worker([&] {
            if (!importing) return;
            try {
                outcome = importers::import_files(*importing, inputs, options);
            } catch (...) {
                failure = std::current_exception();
            }
            done = true;
        });
        while (!done) {
            int value = 0;
            wxString message;
            {
                std::lock_guard lock(progress_mutex);
                if (total > 0) {
                    value = static_cast<int>(std::min<std::size_t>(99, (number - 1) * 100 / total));
                    message = wxString::Format(_("%zu of %zu: %s"), number, total, to_wx(std::filesystem::path(current).filename().string()));
                }
            }
            if (!cancel && !progress.Update(value, message.empty() ? _("Reading the sheets…") : message)) {
                cancel = true;
                progress.Update(value, _("Stopping after this file…"));
            }
            wxMilliSleep(30);
        }
        worker.join();
        index_follower.committed();
        progress.Update(99, _("Bringing the search index up to date…"));
        try {
            index_follower.finish();
        } catch (const Error&) {
            // The import stands; the next search brings the index up to date.
        }
    }
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            refresh_after_change(Changed::anything, wxEmptyString);
            report(error);
            return false;
        }
    }
    std::vector<Id> added;
    for (const auto& document : DocumentStore(project_).all()) {
        if (!before.count(document.id)) added.push_back(document.id);
    }
    refresh_after_change(Changed::anything, wxEmptyString);
    search_->populate(project_);
    inform(import_summary(outcome));
    if (!added.empty()) {
        open_document(added.front());
        check_new_documents(added, names, findings);
    }
    return !added.empty();
}

void MainFrame::check_new_documents(const std::vector<Id>& documents, const std::vector<std::string>& names, Findings findings) {
    try {
        importers::AnonymityOptions options;
        options.names = names;
        auto found = importers::check_anonymity(project_, options, documents);
        if (found.empty() || findings == Findings::Keep) return;
        if (findings == Findings::Review) {
            std::vector<std::string> document_names;
            for (const auto& finding : found) document_names.push_back(importers::place_of(project_, finding));
            AnonymityReview review(this, found, document_names);
            if (review.ShowModal() != wxID_OK) return;
            found = review.chosen();
            if (found.empty()) return;
            replace_identifying(found, review.permanent());
            return;
        }
        replace_identifying(found, false);
    } catch (const std::exception& error) {
        report(error);
    }
}

}  // namespace fokus::workbench
