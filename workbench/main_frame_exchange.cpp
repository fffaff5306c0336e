// The main window's exchange with other coders and programs: merging another
// project in, and exporting the project as REFI-QDA.
#include <memory>
#include <optional>

#include <wx/filedlg.h>
#include <wx/filename.h>

#include "coding/merge.h"
#include "exporters/refi_project.h"
#include "importers/refi_project.h"
#include "workbench/main_frame.h"
#include "workbench/merge_preview_dialog.h"
#include "workbench/background_export.h"
#include "workbench/background_work.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"
#include "workbench/work_progress.h"

namespace fokus::workbench {

// What a merge reads once: the other project's path, or the .qdpx read whole
// (what it left out and how it was read are shown with the preview).
struct MergeSource {
    std::filesystem::path path;
    std::optional<ProjectExchange> exchange;

    MergeReport merge_into(Project& project, const MergeOptions& options) const {
        return exchange ? merge_exchange(project, *exchange, options) : merge_project_file(project, path, options);
    }
};

bool MainFrame::merge_project(const std::filesystem::path& other, bool take_theirs, bool confirm) {
    if (progress_) return false;  // one change at a time
    std::shared_ptr<Project> merging;
    try {
        merging = std::make_shared<Project>(project_.another_connection());
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
    MergeOptions options{other.filename().string(), confirm, take_theirs};
    last_work_failed_ = false;
    progress_ = std::make_unique<WorkProgress>(this, _("Merging another project"),
                                               wxString::Format(_("Reading %s…"), to_wx(options.source)),
                                               std::make_shared<WorkState>(), false);
    run_in_background(
        *this,
        [this, merging, other, options]() -> OnWindow {
            auto source = std::make_shared<MergeSource>();
            source->path = other;
            if (wxFileName(to_wx(other.string())).GetExt().Lower() == "qdpx") source->exchange = importers::read_qdpx(other);
            const auto report = source->merge_into(*merging, options);
            if (options.dry_run) return [this, merging, source, options, report] { settle_merge(merging, source, options, report); };
            return [this, options, report, left_out = source->exchange ? source->exchange->left_out.size() : 0] {
                merged(options, report, left_out);
            };
        },
        [this](const std::exception& error) { work_failed(error); });
    return true;
}

void MainFrame::settle_merge(std::shared_ptr<Project> merging, std::shared_ptr<const MergeSource> source, MergeOptions options,
                             const MergeReport& preview) {
    progress_.reset();
    const auto* exchange = source->exchange ? &*source->exchange : nullptr;
    const wxString summary = merge_summary(preview, exchange);
    if (!preview.changes_anything()) {
        const wxString nothing = wxString::Format(_("Everything in %s is already in this project."), to_wx(options.source));
        if (!exchange || (exchange->left_out.empty() && exchange->warnings.empty())) {
            inform(nothing);
        } else {
            MergePreviewDialog(this, nothing, summary, false, false).ShowModal();
        }
        return;
    }
    MergePreviewDialog dialog(this, wxString::Format(_("Merge %s into this project?"), to_wx(options.source)), summary, true,
                              !preview.conflicts.empty());
    const int answer = dialog.ShowModal();
    if (answer == MergePreviewDialog::cancel) return;
    options.take_theirs = answer == MergePreviewDialog::merge_taking_theirs;
    options.dry_run = false;
    progress_ = std::make_unique<WorkProgress>(this, _("Merging another project"),
                                               wxString::Format(_("Merging %s…"), to_wx(options.source)),
                                               std::make_shared<WorkState>(), false);
    run_in_background(
        *this,
        [this, merging, source, options]() -> OnWindow {
            const auto report = source->merge_into(*merging, options);
            return [this, options, report, left_out = source->exchange ? source->exchange->left_out.size() : 0] {
                merged(options, report, left_out);
            };
        },
        [this](const std::exception& error) { work_failed(error); });
}

void MainFrame::merged(const MergeOptions& options, const MergeReport& report, std::size_t left_out) {
    progress_.reset();
    refresh_after_change(Changed::anything,
                         left_out == 0 ? wxString::Format(_("Merged %s: %d codings and %d documents added (Ctrl+Z undoes)"),
                                                          to_wx(options.source), report.codings.added, report.documents.added)
                                       : wxString::Format(_("Merged %s: %d codings and %d documents added, %d items left out (Ctrl+Z undoes)"),
                                                          to_wx(options.source), report.codings.added, report.documents.added,
                                                          static_cast<int>(left_out)));
}

void MainFrame::work_failed(const std::exception& error) {
    progress_.reset();
    last_work_failed_ = true;
    refresh_after_change(Changed::anything, wxEmptyString);
    report(error);
}

void MainFrame::ask_and_merge() {
    wxFileDialog dialog(this, _("Merge another project into this one"), wxEmptyString, wxEmptyString,
                        _("Projects (*.fokus, *.qdpx)|*.fokus;*.qdpx|Fokus projects (*.fokus)|*.fokus|REFI-QDA projects (*.qdpx)|*.qdpx"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    merge_project(from_wx(dialog.GetPath()), false, true);
}

void MainFrame::ask_and_export_qdpx() {
    const wxString suggested = wxFileName(to_wx(project_.path().string())).GetName() + ".qdpx";
    const auto chosen = ask_save_path(this, _("Export as REFI-QDA project"), suggested, _("REFI-QDA projects (*.qdpx)|*.qdpx"));
    if (chosen) export_qdpx(from_wx(*chosen));
}

bool MainFrame::export_qdpx(const std::string& path) {
    last_work_failed_ = false;
    BeyondExchange beyond;
    try {
        beyond = beyond_exchange(project_);
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
    write_in_background(*this, project_, [path](Project& project) { exporters::write_qdpx(read_exchange(project), path); }, to_wx(path),
                        [this, path, beyond](bool written) {
                            last_work_failed_ = !written;
                            if (!written || beyond.empty()) return;
                            // REFI-QDA has nowhere to put them; the researcher is told, not left to find out.
                            inform(wxString::Format(_("Saved %s. REFI-QDA has no place for quote sets and condensations: "
                                                      "they stay only in this project (quote sets: %lld, quotes: %lld, condensations: %lld)."),
                                                    to_wx(path), static_cast<long long>(beyond.quote_sets),
                                                    static_cast<long long>(beyond.quotes), static_cast<long long>(beyond.condensations)));
                        });
    return true;
}

}  // namespace fokus::workbench
