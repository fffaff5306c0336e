// The main window's exchange with other coders and programs: merging another
// project in, and exporting the project as REFI-QDA.
#include <optional>

#include <wx/filedlg.h>
#include <wx/filename.h>

#include "coding/merge.h"
#include "exporters/refi_project.h"
#include "importers/refi_project.h"
#include "workbench/main_frame.h"
#include "workbench/merge_preview_dialog.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {

bool MainFrame::merge_project(const std::filesystem::path& other, bool take_theirs, bool confirm) {
    try {
        MergeOptions options{other.filename().string(), true, take_theirs};
        // A .qdpx is read once: what it left out and how it was read are shown with the preview.
        std::optional<ProjectExchange> exchange;
        if (wxFileName(to_wx(other.string())).GetExt().Lower() == "qdpx") exchange = importers::read_qdpx(other);
        const auto merge = [&] { return exchange ? merge_exchange(project_, *exchange, options) : merge_project_file(project_, other, options); };
        if (confirm) {
            const auto preview = merge();
            const wxString summary = merge_summary(preview, exchange ? &*exchange : nullptr);
            if (!preview.changes_anything()) {
                const wxString nothing = wxString::Format(_("Everything in %s is already in this project."), to_wx(options.source));
                if (!exchange || (exchange->left_out.empty() && exchange->warnings.empty())) {
                    inform(nothing);
                } else {
                    MergePreviewDialog(this, nothing, summary, false, false).ShowModal();
                }
                return true;
            }
            MergePreviewDialog dialog(this, wxString::Format(_("Merge %s into this project?"), to_wx(options.source)), summary, true,
                                      !preview.conflicts.empty());
            const int answer = dialog.ShowModal();
            if (answer == MergePreviewDialog::cancel) return false;
            options.take_theirs = answer == MergePreviewDialog::merge_taking_theirs;
        }
        options.dry_run = false;
        const auto report = merge();
        const std::size_t left_out = exchange ? exchange->left_out.size() : 0;
        refresh_after_change(Changed::anything,
                             left_out == 0 ? wxString::Format(_("Merged %s: %d codings and %d documents added (Ctrl+Z undoes)"),
                                                              to_wx(options.source), report.codings.added, report.documents.added)
                                           : wxString::Format(_("Merged %s: %d codings and %d documents added, %d items left out (Ctrl+Z undoes)"),
                                                              to_wx(options.source), report.codings.added, report.documents.added,
                                                              static_cast<int>(left_out)));
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
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
    if (!chosen) return;
    try {
        exporters::write_qdpx(read_exchange(project_), from_wx(*chosen));
        SetStatusText(wxString::Format(_("Saved %s"), *chosen), 0);
    } catch (const std::exception& error) {
        report(error);
    }
}

}  // namespace fokus::workbench
