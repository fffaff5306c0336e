#include "workbench/bikva_linking.h"

#include <wx/textdlg.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "coding/documents.h"
#include "coding/good_advice.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

constexpr std::size_t longest_quote = 60;

// A passage as the status bar quotes it: on one line, cut at a word when long.
wxString quoted(Project& project, const SpanRef& where) {
    wxString text = to_wx(DocumentStore(project).excerpt(where.document, where.span));
    text.Replace("\n", " ");
    if (text.length() > longest_quote) {
        text.Truncate(longest_quote);
        if (const int space = text.Find(' ', true); space > 20) text.Truncate(static_cast<std::size_t>(space));
        text += wxString::FromUTF8("…");
    }
    return wxString::FromUTF8("“") + text + wxString::FromUTF8("”");
}

std::optional<int> stage_of(Project& project, Id document) {
    const auto attributes = DocumentStore(project).attributes(document);
    const auto found = attributes.find("bikva_stage");
    if (found == attributes.end()) return std::nullopt;
    try {
        return std::stoi(found->second);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

BikvaLinking::BikvaLinking(wxWindow& parent, Project& project, std::function<std::optional<SpanRef>()> selection,
                           std::function<void(bool, const wxString&)> changed, std::function<void(const wxString&)> tell,
                           std::function<void(const std::exception&)> report)
    : parent_(parent),
      project_(project),
      selection_(std::move(selection)),
      changed_(std::move(changed)),
      tell_(std::move(tell)),
      report_(std::move(report)) {}

void BikvaLinking::attempt(const std::function<void()>& change) {
    try {
        change();
    } catch (const std::exception& error) {
        report_(error);
    }
}

void BikvaLinking::mark_statement() {
    const auto selected = selection_();
    if (!selected) {
        tell_(_("Select the statement in the transcript first."));
        return;
    }
    statement_ = selected;
    tell_(wxString::Format(_("Marked the statement %s. Now select where it was read out, or a reaction to it, in a later "
                             "stage's transcript."),
                           quoted(project_, *statement_)));
}

wxString BikvaLinking::stage_problem(const SpanRef& statement, const SpanRef& later) const {
    if (statement.document == later.document) return _("The statement and the later passage are in the same transcript; "
                                                       "select the passage in a later stage's transcript.");
    const auto from = stage_of(project_, statement.document);
    const auto to = stage_of(project_, later.document);
    if (from && to && *to <= *from) {
        return wxString::Format(_("The statement is from stage %d; it can only be carried forward to a later stage, not to stage %d."),
                                *from, *to);
    }
    return {};
}

std::optional<std::string> BikvaLinking::ask_note(const wxString& title) {
    if (next_note_) {
        auto note = std::move(*next_note_);
        next_note_.reset();
        return note;
    }
    if (!parent_.IsShown() || wxGetEnv("FOKUS_NO_DIALOGS", nullptr)) return std::string();
    wxTextEntryDialog dialog(&parent_, _("A note on the link (optional), e.g. how the group took it:"), title, wxEmptyString,
                             wxOK | wxCANCEL | wxTE_MULTILINE);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return from_wx(dialog.GetValue());
}

void BikvaLinking::link(bool presented) {
    const auto selected = selection_();
    if (!statement_) {
        tell_(_("Mark a statement first: select it in its transcript and choose \"Mark as BIKVA statement\"."));
        return;
    }
    if (!selected) {
        tell_(presented ? _("Select where the statement was read out first.") : _("Select the reaction first."));
        return;
    }
    if (const auto problem = stage_problem(*statement_, *selected); !problem.empty()) {
        tell_(problem);
        return;
    }
    const auto note = ask_note(presented ? _("Present to the next stage") : _("Reaction to the statement"));
    if (!note) return;
    LinkStore links(project_);
    if (presented) {
        links.present(*statement_, *selected, *note);
        changed_(false, wxString::Format(_("Presented %s here (Ctrl+Z undoes)"), quoted(project_, *statement_)));
    } else {
        links.react(*selected, *statement_, *note);
        changed_(false, wxString::Format(_("Linked the reaction to %s (Ctrl+Z undoes)"), quoted(project_, *statement_)));
    }
}

void BikvaLinking::present_here() {
    attempt([this] { link(true); });
}

void BikvaLinking::mark_reaction() {
    attempt([this] { link(false); });
}

void BikvaLinking::write_advice() {
    const auto selected = selection_();
    if (!selected) {
        tell_(_("Select the good advice in the transcript first."));
        return;
    }
    attempt([&] {
        write_good_advice(project_, selected->document, selected->span);
        changed_(true, wxString::Format(_("Wrote down %s as good advice (Ctrl+Z undoes)"), quoted(project_, *selected)));
    });
}

void BikvaLinking::remove(Id link) {
    attempt([&] {
        LinkStore(project_).remove(link);
        changed_(false, _("Removed the link (Ctrl+Z undoes)"));
    });
}

}  // namespace fokus::workbench
