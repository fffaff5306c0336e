#include "workbench/agreement_view.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <cmath>

#include <algorithm>

#include "coding/attributes.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

const AgreementUnit units[] = {AgreementUnit::Character, AgreementUnit::Word, AgreementUnit::Sentence, AgreementUnit::Turn};

wxString shown(const std::optional<double>& value, bool percent = false) {
    if (!value) return _("undefined");
    // A value that rounds to zero is shown as 0, never as -0.000.
    const double rounded = std::abs(*value) < 0.0005 ? 0.0 : *value;
    return percent ? wxString::Format("%.1f %%", rounded * 100.0) : wxString::Format("%.3f", rounded);
}

wxString joined(const std::vector<std::string>& names) {
    wxString text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + to_wx(name);
    return text;
}

}  // namespace

AgreementView::AgreementView(wxWindow* parent) : wxPanel(parent) {
    coders_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(200, -1));
    unit_ = new wxChoice(this, wxID_ANY);
    unit_->Append(_("Characters"));
    unit_->Append(_("Words"));
    unit_->Append(_("Sentences"));
    unit_->Append(_("Speaker turns"));
    unit_->SetSelection(1);
    auto* compare_button = new wxButton(this, wxID_ANY, _("Compare"));

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    table_ = new wxListCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    table_->AppendColumn(_("Code name"), wxLIST_FORMAT_LEFT, 260);
    table_->AppendColumn(_("Agreement"), wxLIST_FORMAT_RIGHT, 90);
    table_->AppendColumn(_("Cohen's κ"), wxLIST_FORMAT_RIGHT, 90);
    table_->AppendColumn(_("Fleiss' κ"), wxLIST_FORMAT_RIGHT, 90);
    table_->AppendColumn(_("Krippendorff's α"), wxLIST_FORMAT_RIGHT, 120);
    table_->AppendColumn(_("Units"), wxLIST_FORMAT_RIGHT, 70);
    auto* right = new wxPanel(split);
    caption_ = new wxStaticText(right, wxID_ANY, _("Choose a code to see where the coders disagree."));
    disagreements_ = new wxListCtrl(right, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    disagreements_->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 150);
    disagreements_->AppendColumn(_("Coded by"), wxLIST_FORMAT_LEFT, 100);
    disagreements_->AppendColumn(_("Not by"), wxLIST_FORMAT_LEFT, 100);
    disagreements_->AppendColumn(_("Passage"), wxLIST_FORMAT_LEFT, 600);
    auto* right_column = new wxBoxSizer(wxVERTICAL);
    right_column->Add(caption_, 0, wxALL, 4);
    right_column->Add(disagreements_, 1, wxEXPAND);
    right->SetSizer(right_column);
    split->SetMinimumPaneSize(200);
    split->SplitVertically(table_, right, 740);

    auto* controls = new wxBoxSizer(wxVERTICAL);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Coders")), 0, wxBOTTOM, 2);
    controls->Add(coders_, 1, wxEXPAND | wxBOTTOM, 4);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Compared by")), 0, wxBOTTOM, 2);
    controls->Add(unit_, 0, wxEXPAND | wxBOTTOM, 4);
    controls->Add(compare_button, 0, wxEXPAND);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(controls, 0, wxEXPAND | wxALL, 4);
    row->Add(split, 1, wxEXPAND);
    SetSizer(row);

    compare_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::vector<std::string> chosen;
        for (unsigned i = 0; i < coders_->GetCount(); ++i) {
            if (coders_->IsChecked(i)) chosen.push_back(from_wx(coders_->GetString(i)));
        }
        if (chosen.size() < 2) {
            wxMessageBox(_("Tick two or more coders to compare."), "Fokus", wxOK | wxICON_INFORMATION, this);
            return;
        }
        compare(chosen, units[std::max(0, unit_->GetSelection())]);
    });
    table_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < report_.codes.size()) show_disagreements(report_.codes[index].code.name);
    });
    disagreements_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < shown_.size() && jump_) jump_(shown_[index].document, shown_[index].span);
    });
}

void AgreementView::refresh(Project& project) {
    project_ = &project;
    coders_->Clear();
    for (const auto& coder : CoderDirectory(project).with_codings()) {
        coders_->Append(to_wx(coder));
        coders_->Check(coders_->GetCount() - 1, true);
    }
}

AgreementRequest AgreementView::request() const {
    AgreementRequest request;
    request.coders = report_.coders;
    request.unit = report_.unit;
    return request;
}

bool AgreementView::compare(const std::vector<std::string>& coders, AgreementUnit unit) {
    if (!project_) return false;
    std::vector<std::string> chosen = coders;
    if (chosen.empty()) {
        for (unsigned i = 0; i < coders_->GetCount(); ++i) chosen.push_back(from_wx(coders_->GetString(i)));
    }
    if (chosen.size() < 2) return false;
    for (unsigned i = 0; i < coders_->GetCount(); ++i) {
        coders_->Check(i, std::find(chosen.begin(), chosen.end(), from_wx(coders_->GetString(i))) != chosen.end());
    }
    unit_->SetSelection(static_cast<int>(std::find(std::begin(units), std::end(units), unit) - std::begin(units)));
    report_ = measure_agreement(*project_, AgreementRequest{chosen, unit, {}, {}});
    table_->DeleteAllItems();
    const auto add_row = [this](const wxString& name, const AgreementScores& scores) {
        const long row = table_->InsertItem(table_->GetItemCount(), name);
        table_->SetItem(row, 1, shown(scores.percent, true));
        table_->SetItem(row, 2, report_.coders.size() == 2 ? shown(scores.cohen_kappa) : wxString::FromUTF8("–"));
        table_->SetItem(row, 3, shown(scores.fleiss_kappa));
        table_->SetItem(row, 4, shown(scores.krippendorff_alpha));
        table_->SetItem(row, 5, wxString::Format("%lld", static_cast<long long>(scores.units)));
        return row;
    };
    // Codes nobody applied agree trivially and say nothing; they are left out.
    std::erase_if(report_.codes, [](const CodeAgreement& row) {
        return !row.scores.fleiss_kappa && row.scores.percent && *row.scores.percent >= 1.0;
    });
    for (const auto& code : report_.codes) add_row(to_wx(code.code.name), code.scores);
    const long overall = add_row(_("All codes together"), report_.overall);
    table_->SetItemFont(overall, table_->GetFont().Bold());
    return true;
}

bool AgreementView::show_disagreements(const std::string& code) {
    if (!project_) return false;
    const auto found = std::find_if(report_.codes.begin(), report_.codes.end(),
                                    [&](const CodeAgreement& row) { return row.code.name == code; });
    if (found == report_.codes.end()) return false;
    shown_ = find_disagreements(*project_, request(), found->code);
    caption_->SetLabel(wxString::Format(wxPLURAL("\"%s\": %zu passage where the coders disagree",
                                                 "\"%s\": %zu passages where the coders disagree", shown_.size()),
                                        to_wx(code), shown_.size()));
    disagreements_->Freeze();
    disagreements_->DeleteAllItems();
    for (const auto& stretch : shown_) {
        const long row = disagreements_->InsertItem(disagreements_->GetItemCount(), to_wx(stretch.document_name));
        disagreements_->SetItem(row, 1, joined(stretch.applied_by));
        disagreements_->SetItem(row, 2, joined(stretch.not_applied_by));
        wxString text = to_wx(stretch.text);
        text.Replace("\n", " ");
        disagreements_->SetItem(row, 3, text);
    }
    disagreements_->Thaw();
    return true;
}

}  // namespace fokus::workbench
