#include "workbench/merge_preview_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString counts_line(const wxString& what, const MergeCounts& counts) {
    wxString line = wxString::Format(_("%s: %d new, %d already here"), what, counts.added, counts.present);
    if (counts.deleted_here > 0) line += wxString::Format(_(", %d deleted here and not brought back"), counts.deleted_here);
    if (counts.withheld > 0) line += wxString::Format(_(", %d left out with their document (see below)"), counts.withheld);
    return line;
}

// A kind of item left out, as the importer names it, in the user's language;
// a kind not listed here is shown as the importer names it.
wxString left_out_kind(const std::string& kind) {
    if (kind == "PDF sources") return _("PDF sources");
    if (kind == "picture sources") return _("picture sources");
    if (kind == "audio sources") return _("audio sources");
    if (kind == "video sources") return _("video sources");
    if (kind == "graphs") return _("graphs");
    if (kind == "places of annotations (their text is kept as a memo)") return _("places of annotations (their text is kept as a memo)");
    if (kind == "annotations without a code") return _("annotations without a code");
    if (kind == "variables of unknown type") return _("variables of unknown type");
    if (kind == "values of variables of unknown type") return _("values of variables of unknown type");
    if (kind == "values of undefined variables") return _("values of undefined variables");
    if (kind == "references to missing notes") return _("references to missing notes");
    if (kind == "selections outside their text") return _("selections outside their text");
    if (kind == "codings on codes the codebook lacks") return _("codings on codes the codebook lacks");
    if (kind == "descriptions of cases") return _("descriptions of cases");
    if (kind == "links of kinds other than BIKVA's presented_to and reaction") return _("links of kinds other than BIKVA's presented_to and reaction");
    if (kind == "links not between passages of text") return _("links not between passages of text");
    if (kind == "empty sets") return _("empty sets");
    if (kind == "sets of sources") return _("sets of sources");
    return to_wx(kind);
}

// A blank line before the next part of the summary.
void start_part(wxString& summary) {
    while (!summary.empty() && !summary.EndsWith("\n\n")) summary << '\n';
}

}  // namespace

wxString merge_summary(const MergeReport& report, const ProjectExchange* other) {
    wxString summary;
    summary << counts_line(_("Documents"), report.documents) << '\n'
            << counts_line(_("Codes"), report.codes) << '\n'
            << counts_line(_("Codings"), report.codings) << '\n'
            << counts_line(_("Memos"), report.memos) << '\n'
            << counts_line(_("Coders"), report.coders) << '\n'
            << counts_line(_("Participants"), report.participants) << '\n'
            << counts_line(_("Attributes"), report.attributes) << '\n'
            << counts_line(_("BIKVA links"), report.links) << '\n';
    const auto merged = [](const MergeCounts& counts) { return counts.added + counts.present + counts.withheld > 0; };
    if (merged(report.quote_sets) || merged(report.quotes) || merged(report.condensations)) {
        summary << counts_line(_("Quote sets"), report.quote_sets) << '\n'
                << counts_line(_("Quotes"), report.quotes) << '\n'
                << counts_line(_("Condensations"), report.condensations) << '\n';
    }
    if (!report.conflicts.empty()) {
        start_part(summary);
        summary << _("Changed in both projects:") << '\n';
        for (const auto& conflict : report.conflicts) {
            summary << "  " << to_wx(conflict.item) << ": " << wxString::Format(_("here %s, there %s"), to_wx(conflict.ours), to_wx(conflict.theirs))
                    << '\n';
        }
    }
    for (const auto& note : report.notes) summary << '\n' << to_wx(note);
    if (!other) return summary;
    if (!other->left_out.empty()) {
        start_part(summary);
        summary << wxString::Format(_("Left out, %d in all:"), static_cast<int>(other->left_out.size())) << '\n';
        for (const auto& [kind, items] : left_out_by_kind(other->left_out)) {
            summary << "  " << left_out_kind(kind) << ": " << items.size() << '\n';
            for (const auto& item : items) summary << "    " << to_wx(item) << '\n';
        }
    }
    if (!other->warnings.empty()) {
        start_part(summary);
        summary << _("How the file was read:") << '\n';
        for (const auto& warning : other->warnings) summary << "  " << to_wx(warning) << '\n';
    }
    return summary;
}

MergePreviewDialog::MergePreviewDialog(wxWindow* parent, const wxString& title, const wxString& summary, bool anything_to_merge,
                                       bool conflicts)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxTextCtrl(this, wxID_ANY, summary.Strip(wxString::both), wxDefaultPosition, FromDIP(wxSize(640, 420)),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    column->Add(text, 1, wxEXPAND | wxALL, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    const auto add = [&](int id, const wxString& label) {
        auto* button = new wxButton(this, id, label);
        button->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { EndModal(id); });
        buttons->Add(button, 0, wxLEFT, 8);
        return button;
    };
    if (!anything_to_merge) {
        add(close, _("&Close"))->SetDefault();
        SetEscapeId(close);
    } else if (!conflicts) {
        add(cancel, _("&Cancel"));
        add(merge_keeping_ours, _("&Merge"))->SetDefault();
    } else {
        add(cancel, _("&Cancel"));
        add(merge_taking_theirs, _("Merge, &take theirs"));
        add(merge_keeping_ours, _("Merge, &keep this project's values"))->SetDefault();
    }
    column->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizerAndFit(column);
    CentreOnParent();
}

}  // namespace fokus::workbench
