#pragma once
// The retrieved segments with the choice, above them, to leave out what
// interviewers and moderators said.
#include <wx/panel.h>

class wxCheckBox;

namespace fokus::workbench {

class SegmentsList;

class SegmentsPane : public wxPanel {
public:
    explicit SegmentsPane(wxWindow* parent);
    SegmentsList* list() { return list_; }

private:
    wxCheckBox* without_interviewers_;
    SegmentsList* list_;
};

}  // namespace fokus::workbench
