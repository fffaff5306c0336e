// The main window's exchange with other coders and programs: merging another
// project in, and exporting the project as REFI-QDA.
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>

#include "coding/merge.h"
#include "exporters/refi_project.h"
#include "importers/refi_project.h"
#include "workbench/main_frame.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString counts_line(const wxString& what, const MergeCounts& counts) {
    return wxString::Format(_("%s: %d new, %d already here"), what, counts.added, counts.present);
}

wxString merge_summary(const MergeReport& report) {
    wxString summary;
    summary << counts_line(_("Documents"), report.documents) << '\n'
            << counts_line(_("Codes"), report.codes) << '\n'
            << counts_line(_("Codings"), report.codings) << '\n'
            << counts_line(_("Memos"), report.memos) << '\n'
            << counts_line(_("Coders"), report.coders) << '\n'
            << counts_line(_("Participants"), report.participants) << '\n'
            << counts_line(_("Attributes"), report.attributes) << '\n'
            << counts_line(_("BIKVA links"), report.links) << '\n';
    if (!report.conflicts.empty()) {
        summary << '\n' << _("Changed in both projects:") << '\n';
        for (const auto& conflict : report.conflicts) {
            summary << "  " << to_wx(conflict.item) << ": " << wxString::Format(_("here %s, there %s"), to_wx(conflict.ours), to_wx(conflict.theirs))
                    << '\n';
        }
    }
    for (const auto& note : report.notes) summary << '\n' << to_wx(note);
    return summary;
}

MergeReport merge_file(Project& project, const std::filesystem::path& other, const MergeOptions& options) {
    if (wxFileName(to_wx(other.string())).GetExt().Lower() == "qdpx") {
        return merge_exchange(project, importers::read_qdpx(other), options);
    }
    return merge_project_file(project, other, options);
}

}  // namespace

bool MainFrame::merge_project(const std::filesystem::path& other, bool take_theirs, bool confirm) {
    try {
        MergeOptions options{other.filename().string(), true, take_theirs};
        if (confirm) {
            const auto preview = merge_file(project_, other, options);
            if (!preview.changes_anything()) {
                inform(wxString::Format(_("Everything in %s is already in this project."), to_wx(options.source)));
                return true;
            }
            wxMessageDialog dialog(this, merge_summary(preview), wxString::Format(_("Merge %s into this project?"), to_wx(options.source)),
                                   preview.conflicts.empty() ? wxYES_NO | wxICON_QUESTION : wxYES_NO | wxCANCEL | wxICON_QUESTION);
            if (preview.conflicts.empty()) {
                dialog.SetYesNoLabels(_("&Merge"), _("&Cancel"));
                if (dialog.ShowModal() != wxID_YES) return false;
            } else {
                dialog.SetYesNoCancelLabels(_("Merge, &keep this project's values"), _("Merge, &take theirs"), _("&Cancel"));
                const int answer = dialog.ShowModal();
                if (answer == wxID_CANCEL) return false;
                options.take_theirs = answer == wxID_NO;
            }
        }
        options.dry_run = false;
        const auto report = merge_file(project_, other, options);
        refresh_after_change(Changed::anything,
                             wxString::Format(_("Merged %s: %d codings and %d documents added (Ctrl+Z undoes)"),
                                              to_wx(options.source), report.codings.added, report.documents.added));
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
