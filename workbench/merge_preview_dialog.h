#pragma once
// What a merge would bring in, shown before it is made: the counts, values
// both projects changed, notes, and everything the other file held that
// cannot come in, each named, in a text that scrolls however long it is.
#include <wx/dialog.h>

#include "coding/exchange.h"
#include "coding/merge.h"

namespace fokus::workbench {

// The summary of a merge; with the .qdpx read, what it left out and how it was read.
wxString merge_summary(const MergeReport& report, const ProjectExchange* other = nullptr);

class MergePreviewDialog : public wxDialog {
public:
    // The answers, as ShowModal returns them.
    enum Answer { merge_keeping_ours = wxID_YES, merge_taking_theirs = wxID_NO, cancel = wxID_CANCEL, close = wxID_CLOSE };

    // With nothing to merge, only a Close button; with conflicts, a choice of whose values to keep.
    MergePreviewDialog(wxWindow* parent, const wxString& title, const wxString& summary, bool anything_to_merge, bool conflicts);
};

}  // namespace fokus::workbench
