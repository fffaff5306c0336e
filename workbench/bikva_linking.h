#pragma once
// BIKVA linking in the transcript. The researcher marks a statement in one
// stage's transcript; then, in a later stage's transcript, selects where it was
// read out or a reaction to it, each with an optional note; and writes down a
// group's good advice where it is said. Each change is one core action.
#include <wx/string.h>

#include <exception>
#include <functional>
#include <optional>
#include <string>

#include "coding/bikva.h"
#include "coding/project.h"

class wxWindow;

namespace fokus::workbench {

class BikvaLinking {
public:
    // `selection` is the transcript's selected passage, if any; `changed` is told
    // what changed (codes too, or only links) and the message for the status bar.
    BikvaLinking(wxWindow& parent, Project& project, std::function<std::optional<SpanRef>()> selection,
                 std::function<void(bool codes_changed, const wxString& message)> changed,
                 std::function<void(const wxString& message)> tell, std::function<void(const std::exception&)> report);

    const std::optional<SpanRef>& statement() const { return statement_; }
    bool has_selection() const { return selection_().has_value(); }

    // The selected passage becomes the statement that later links start from.
    void mark_statement();
    // The marked statement was read out at the selected place.
    void present_here();
    // The selected passage is a reaction to the marked statement.
    void mark_reaction();
    // The selected passage is written down as good advice ("Gode råd").
    void write_advice();
    void remove(Id link);

    // For scripts: the next note asked for is this, without a dialog.
    void answer_next_note(std::string note) { next_note_ = std::move(note); }

private:
    // The note for a new link; empty when none, nullopt when the user cancels.
    std::optional<std::string> ask_note(const wxString& title);
    // A translated refusal when the link would not go to a later stage; empty when fine.
    wxString stage_problem(const SpanRef& statement, const SpanRef& later) const;
    void link(bool presented);
    // Runs a change, reporting what the core refuses.
    void attempt(const std::function<void()>& change);

    wxWindow& parent_;
    Project& project_;
    std::function<std::optional<SpanRef>()> selection_;
    std::function<void(bool, const wxString&)> changed_;
    std::function<void(const wxString&)> tell_;
    std::function<void(const std::exception&)> report_;
    std::optional<SpanRef> statement_;
    std::optional<std::string> next_note_;
};

}  // namespace fokus::workbench
