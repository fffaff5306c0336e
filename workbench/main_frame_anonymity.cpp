// The main window's anonymisation: the check of the whole project, replacing
// what it finds (undoably or for good), the deep check of the project's
// files, and a copy of the project to share.
#include <wx/busyinfo.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/tokenzr.h>
#include <wx/utils.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "coding/documents.h"
#include "coding/sharing.h"
#include "importers/anonymity_files.h"
#include "workbench/anonymity_review.h"
#include "workbench/main_frame.h"
#include "workbench/save_dialog.h"
#include "workbench/share_dialog.h"
#include "workbench/stored_findings_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {

void MainFrame::replace_identifying(const std::vector<importers::Finding>& found, bool permanent) {
    if (!permanent) {
        const int replaced = importers::pseudonymise(project_, found, {});
        refresh_after_change(Changed::anything, wxString::Format(_("Replaced %d identifying details (Ctrl+Z restores them)"), replaced));
        return;
    }
    wxBusyCursor busy;
    // The index keeps the old words in its lexicon: it is removed and built anew.
    index_.reset();
    const auto result = importers::pseudonymise_permanently(project_, found, {});
    std::filesystem::remove_all(search::Index::path_for(project_));
    index_.emplace(search::Index::open_for(project_));
    refresh_after_change(Changed::anything,
                         wxString::Format(_("Replaced %d identifying details permanently; removed %d earlier steps from the "
                                            "history and %zu backups, and built the search index anew"),
                                          result.replaced, result.erasure.steps_removed, result.erasure.files_removed.size()));
    if (!result.erasure.log_emptied) {
        inform(_("Another program is reading this project, so its write-ahead log still holds old pages. Close that "
                 "program and make the replacement again to remove them."));
    }
}

std::optional<std::vector<std::string>> MainFrame::ask_for_names(const wxString& title) {
    wxString joined;
    for (const auto& name : anonymity_names_) joined << (joined.empty() ? "" : ", ") << to_wx(name);
    wxTextEntryDialog dialog(this,
                             _("Names to look for, separated by commas (first names and surnames; their genitive is found "
                               "too). CPR and phone numbers, e-mail and street addresses are always looked for."),
                             title, joined);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    anonymity_names_.clear();
    wxStringTokenizer names(dialog.GetValue(), ",;\n");
    while (names.HasMoreTokens()) {
        const auto name = names.GetNextToken().Trim().Trim(false);
        if (!name.empty()) anonymity_names_.push_back(from_wx(name));
    }
    return anonymity_names_;
}

void MainFrame::ask_and_check_anonymity() {
    const auto names = ask_for_names(_("Anonymisation check"));
    if (!names) return;
    try {
        importers::AnonymityOptions options;
        options.names = *names;
        const auto found = importers::check_anonymity(project_, options);
        if (found.empty()) {
            inform(_("Nothing that may identify someone was found in the texts, names and notes of the project."));
            return;
        }
        std::vector<std::string> places;
        for (const auto& finding : found) places.push_back(importers::place_of(project_, finding));
        AnonymityReview review(this, found, places);
        if (review.ShowModal() != wxID_OK || review.chosen().empty()) return;
        replace_identifying(review.chosen(), review.permanent());
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::ask_and_check_files() {
    const auto names = ask_for_names(_("Deep anonymisation check"));
    if (!names) return;
    importers::AnonymityOptions options;
    options.names = *names;
    std::vector<importers::StoredFinding> found;
    std::string problem;
    {
        // Every file read from disk on a thread of its own, while the window
        // shows a message and takes no input.
        wxBusyInfo busy(_("Reading every file of the project…"), this);
        std::atomic<bool> done{false};
        std::thread reader([&] {
            try {
                found = importers::check_stored_files(project_.path(), options);
            } catch (const std::exception& error) {
                problem = error.what();
            }
            done = true;
        });
        while (!done) {
            wxMilliSleep(20);
            wxSafeYield();
        }
        reader.join();
    }
    if (!problem.empty()) {
        inform(to_wx(problem));
        return;
    }
    StoredFindingsDialog(this, project_.path(), found).ShowModal();
}

void MainFrame::ask_and_share() {
    std::vector<std::pair<Id, std::string>> documents;
    for (const auto& document : DocumentStore(project_).all()) documents.emplace_back(document.id, document.name);
    ShareDialog choices(this, documents);
    if (choices.ShowModal() != wxID_OK) return;
    const auto suggested = to_wx(project_.path().stem().string()) + _("-to-share") + ".fokus";
    const auto chosen = ask_save_path(this, _("Save a copy to share"), suggested, _("Fokus projects (*.fokus)|*.fokus"));
    if (!chosen) return;
    try {
        wxBusyCursor busy;
        const auto made = write_copy_to_share(project_, from_wx(*chosen), choices.options());
        {
            auto copy = Project::open(from_wx(*chosen), Project::Access::ReadOnly);
            search::Index::open_for(copy);
        }
        inform(wxString::Format(_("Saved a copy to share as %s: no undo history, backups or change journal; %d documents "
                                  "and %d memos left out, %d coders named by number."),
                                *chosen, made.documents_left_out, made.memos_left_out, made.coders_renamed));
    } catch (const std::exception& error) {
        report(error);
    }
}

}  // namespace fokus::workbench
