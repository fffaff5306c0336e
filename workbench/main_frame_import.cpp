// The main window's import: transcripts read in the background, on a
// connection of their own, with a progress bar whose Cancel stops between
// files; then checked for names and numbers that identify someone.
#include <memory>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "importers/anonymity.h"
#include "search/follower.h"
#include "workbench/anonymity_review.h"
#include "workbench/background_work.h"
#include "workbench/import_dialog.h"
#include "workbench/import_summary.h"
#include "workbench/main_frame.h"
#include "workbench/search_pane.h"
#include "workbench/strings.h"
#include "workbench/work_progress.h"

namespace fokus::workbench {

void MainFrame::ask_and_import() {
    ImportDialog dialog(this);
    if (dialog.ShowModal() != wxID_OK) return;
    import_transcripts(dialog.inputs(), dialog.options(), dialog.names(), Findings::Review);
}

bool MainFrame::import_transcripts(const std::vector<std::filesystem::path>& inputs, importers::BatchOptions options,
                                   const std::vector<std::string>& names, Findings findings) {
    if (progress_) return false;  // one change at a time
    std::set<Id> before;
    std::shared_ptr<Project> importing;
    try {
        for (const auto& document : DocumentStore(project_).all()) before.insert(document.id);
        // The worker writes through a connection of its own while the window
        // reads through this one (one SQLite connection is never used by two threads).
        importing = std::make_shared<Project>(project_.another_connection());
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
    auto state = std::make_shared<WorkState>();
    options.cancel = state->stop_flag();
    progress_ = std::make_unique<WorkProgress>(this, _("Importing transcripts"), _("Reading the sheets…"), state, true);
    last_work_failed_ = false;
    run_in_background(
        *this,
        [this, importing, inputs, options, state, before, names, findings]() -> OnWindow {
            importers::BatchReport outcome;
            {
                // The search index takes in each file while the next is read.
                search::IndexFollower index_follower(importing->path());
                auto following = options;
                following.progress = [&](std::size_t n, std::size_t total, const std::string& file) {
                    if (n > 1) index_follower.committed();
                    state->advance(n, total, file);
                };
                outcome = importers::import_files(*importing, inputs, following);
                index_follower.committed();
                try {
                    index_follower.finish();
                } catch (const Error&) {
                    // The import stands; the next search brings the index up to date.
                }
            }
            return [this, outcome, before, names, findings] { imported(outcome, before, names, findings); };
        },
        [this](const std::exception& error) { work_failed(error); });
    return true;
}

void MainFrame::imported(const importers::BatchReport& outcome, const std::set<Id>& before, const std::vector<std::string>& names,
                         Findings findings) {
    progress_.reset();
    std::vector<Id> added;
    for (const auto& document : DocumentStore(project_).all()) {
        if (!before.count(document.id)) added.push_back(document.id);
    }
    refresh_after_change(Changed::anything, wxEmptyString);
    search_->populate(project_);
    inform(import_summary(outcome));
    if (added.empty()) {
        last_work_failed_ = true;
        return;
    }
    open_document(added.front());
    check_new_documents(added, names, findings);
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
