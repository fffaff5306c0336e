#pragma once
// Retrieved segments: every coding of the chosen code, with document, speaker
// and coder, its text wrapped over as many lines as it needs between a few
// dimmed words before and after it; double-click jumps to it in the
// transcript. One passage coded alike by several coders is one row naming them all.
#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "coding/project.h"
#include "coding/segments.h"

namespace fokus::workbench {

class SegmentRows;

class SegmentsList : public wxPanel {
public:
    explicit SegmentsList(wxWindow* parent);
    void show(Project& project, const CodeItem& item);
    // Leaves out (or brings back) the segments within interviewers' and
    // moderators' turns, and shows the code's segments again.
    void set_without_interviewers(bool without);
    void show_segments(Project& project, std::vector<Segment> segments);
    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }
    // The context menu offers to put the chosen segments (all, when none is chosen) into a quote set.
    void on_add_to_quote_set(std::function<void(const std::vector<Id>& codings)> callback) { quote_ = std::move(callback); }
    // The codings of the chosen segments, or of all shown when none is chosen.
    std::vector<Id> codings() const;
    // What each row shows, as "document | speaker | coders | before | text | after"; for scripts.
    std::vector<wxString> shown_rows() const;
    // How many rows are shown (a passage coded alike by several coders is one).
    std::size_t row_count() const;

    // One row: one passage, with everyone who coded it alike.
    struct Row {
        std::vector<Segment> segments;
        wxString document, speaker, coders, before, text, after;
    };

private:
    SegmentRows* rows_;
    wxWindow* header_;
    Project* project_ = nullptr;
    std::optional<CodeItem> item_;  // shown by show()
    bool without_interviewers_ = false;
    std::function<void(Id, Span)> jump_;
    std::function<void(const std::vector<Id>&)> quote_;
};

}  // namespace fokus::workbench
