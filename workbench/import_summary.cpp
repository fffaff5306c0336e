#include "workbench/import_summary.h"

#include <wx/intl.h>

#include "workbench/error_messages.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString why_skipped(const importers::SkippedFile& skipped) {
    using Why = importers::SkippedFile::Why;
    switch (skipped.why) {
        case Why::InProject:
            return wxString::Format(_("%s: skipped, already in the project as \"%s\""),
                                    to_wx(skipped.file), to_wx(skipped.same_as));
        case Why::ListedCopy:
            return wxString::Format(_("%s: skipped, the same content as %s, which the manifest or participants sheet lists "
                                      "and which is imported instead"),
                                    to_wx(skipped.file), to_wx(skipped.same_as));
        case Why::EarlierInBatch:
            return wxString::Format(_("%s: skipped, the same content as %s, which is imported instead"), to_wx(skipped.file),
                                    to_wx(skipped.same_as));
    }
    return to_wx(skipped.file);
}

}  // namespace

wxString import_summary(const importers::BatchReport& outcome) {
    const auto imported = outcome.imported.size();
    const auto skipped = outcome.skipped.size();
    const auto failed = outcome.failed.size();
    wxString summary = wxString::Format(wxPLURAL("%zu file imported", "%zu files imported", imported), imported) + ", " +
                       wxString::Format(wxPLURAL("%zu skipped", "%zu skipped", skipped), skipped) + ", " +
                       wxString::Format(wxPLURAL("%zu failed", "%zu failed", failed), failed) + ".";
    if (outcome.cancelled) summary = _("Stopped on request; the files imported so far are in the project.") + "\n" + summary;
    for (const auto& document : outcome.documents) {
        if (document.turns == 0) {
            summary += "\n" + wxString::Format(wxPLURAL("%s: no speaker labels, imported as a document (%zu passage)",
                                                       "%s: no speaker labels, imported as a document (%zu passages)", document.passages),
                                               to_wx(document.file), document.passages);
            continue;
        }
        summary += "\n" + to_wx(document.file) + ": " +
                   wxString::Format(wxPLURAL("%zu turn", "%zu turns", document.turns), document.turns) + ", " +
                   wxString::Format(wxPLURAL("%zu speaker", "%zu speakers", document.speakers), document.speakers) + ", " +
                   wxString::Format(wxPLURAL("%zu unlabelled passage", "%zu unlabelled passages", document.passages), document.passages);
    }
    for (const auto& file : outcome.skipped) summary += "\n" + why_skipped(file);
    for (const auto& file : outcome.failed) summary += "\n" + to_wx(file.file) + ": " + translated_message(file.reason);
    return summary;
}

}  // namespace fokus::workbench
