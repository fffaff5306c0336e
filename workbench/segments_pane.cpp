#include "workbench/segments_pane.h"

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "workbench/interviewers_rule.h"
#include "workbench/segments_list.h"

namespace fokus::workbench {

wxString interviewers_rule() {
    return _("Leaves out the turns of interviewers and moderators: speakers whose participant has the role Interviewer, "
             "Moderator, Ordstyrer or Facilitator, or, when no role is known, whose label is one of these or \"I\". "
             "Counts and pages cover only what is left.");
}

SegmentsPane::SegmentsPane(wxWindow* parent) : wxPanel(parent) {
    without_interviewers_ = new wxCheckBox(this, wxID_ANY, _("Without interviewers and moderators"), wxDefaultPosition,
                                           wxDefaultSize, 0, wxDefaultValidator, "segments.without-interviewers");
    without_interviewers_->SetToolTip(interviewers_rule());
    list_ = new SegmentsList(this);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(without_interviewers_, 0, wxALL, 4);
    column->Add(list_, 1, wxEXPAND);
    SetSizer(column);
    without_interviewers_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { list_->set_without_interviewers(without_interviewers_->GetValue()); });
}

}  // namespace fokus::workbench
