#include "workbench/agreement_view.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <cmath>

#include <algorithm>

#include "coding/attributes.h"
#include "coding/documents.h"
#include "workbench/strings.h"
#include "workbench/wrapped_caption.h"

namespace fokus::workbench {
namespace {

const AgreementUnit units[] = {AgreementUnit::Character, AgreementUnit::Word, AgreementUnit::Sentence, AgreementUnit::Turn};

wxString statistic(const std::optional<double>& value) {
    if (!value) return _("undefined");
    // A value that rounds to zero is shown as 0, never as -0.000.
    return wxString::Format("%.3f", std::abs(*value) < 0.0005 ? 0.0 : *value);
}

// Rounded down, so that 99.97 % reads 99.9 %: "100 %" means every unit agreed.
wxString percent(const std::optional<double>& value) {
    if (!value) return _("undefined");
    return wxString::Format("%.1f %%", std::floor(*value * 1000.0 + 1e-9) / 10.0);
}

wxString count(std::int64_t value) { return wxString::Format("%lld", static_cast<long long>(value)); }

wxString joined(const std::vector<std::string>& names) {
    wxString text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + to_wx(name);
    return text;
}

// What one unit is, and what the figures count, for the chosen unit.
wxString explanation_of(AgreementUnit unit, std::size_t coders) {
    wxString what;
    switch (unit) {
        case AgreementUnit::Character: what = _("Each character of the chosen documents is a unit."); break;
        case AgreementUnit::Word: what = _("Each word of the chosen documents is a unit."); break;
        case AgreementUnit::Sentence: what = _("Each sentence of the chosen documents is a unit."); break;
        case AgreementUnit::Turn: what = _("Each speaker turn of the chosen documents is a unit."); break;
    }
    return what + " " +
           (coders == 2 ? _("A coder coded a unit with a code when a coding of theirs overlaps it. \"Both\" and \"alone\" count "
                            "such units; agreement is the share of all units the two coders decided alike, those neither coded "
                            "included; κ and α correct it for the agreement expected by chance.")
                        : _("A coder coded a unit with a code when a coding of theirs overlaps it. \"All\" and \"alone\" count "
                            "such units; agreement is the share of agreeing coder pairs over all units, those nobody coded "
                            "included; κ and α correct it for the agreement expected by chance.")) +
           " " + _("Codes none of them used are left out; the last row pools the units of every code.");
}

}  // namespace

AgreementView::AgreementView(wxWindow* parent) : wxPanel(parent) {
    coders_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(210, 70));
    documents_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(210, 90));
    auto* all_documents = new wxButton(this, wxID_ANY, _("All documents"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    unit_ = new wxChoice(this, wxID_ANY);
    unit_->Append(_("Characters"));
    unit_->Append(_("Words"));
    unit_->Append(_("Sentences"));
    unit_->Append(_("Speaker turns"));
    unit_->SetSelection(1);

    auto* split = split_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    auto* left = new wxPanel(split);
    explanation_ = new WrappedCaption(left, wxEmptyString, 200);
    explanation_->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    table_ = new wxListCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    auto* left_column = new wxBoxSizer(wxVERTICAL);
    left_column->Add(explanation_, 0, wxEXPAND | wxALL, 4);
    left_column->Add(table_, 1, wxEXPAND);
    left->SetSizer(left_column);
    auto* right = new wxPanel(split);
    caption_ = new WrappedCaption(right, _("Choose a code to see where the coders disagree."), 150);
    disagreements_ = new wxListCtrl(right, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    disagreements_->AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 140);
    disagreements_->AppendColumn(_("Coded by"), wxLIST_FORMAT_LEFT, 90);
    disagreements_->AppendColumn(_("Not by"), wxLIST_FORMAT_LEFT, 90);
    disagreements_->AppendColumn(_("Passage"), wxLIST_FORMAT_LEFT, 600);
    auto* right_column = new wxBoxSizer(wxVERTICAL);
    right_column->Add(caption_, 0, wxEXPAND | wxALL, 4);
    right_column->Add(disagreements_, 1, wxEXPAND);
    right->SetSizer(right_column);
    split->SetMinimumPaneSize(240);
    split->SetSashGravity(0.6);
    split->SplitVertically(left, right, 660);

    auto* controls = new wxBoxSizer(wxVERTICAL);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Coders")), 0, wxBOTTOM, 2);
    controls->Add(coders_, 2, wxEXPAND | wxBOTTOM, 4);
    auto* documents_heading = new wxBoxSizer(wxHORIZONTAL);
    documents_heading->Add(new wxStaticText(this, wxID_ANY, _("Documents")), 1, wxALIGN_CENTER_VERTICAL);
    documents_heading->Add(all_documents, 0);
    controls->Add(documents_heading, 0, wxEXPAND | wxBOTTOM, 2);
    controls->Add(documents_, 3, wxEXPAND | wxBOTTOM, 4);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Compared by")), 0, wxBOTTOM, 2);
    controls->Add(unit_, 0, wxEXPAND);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(controls, 0, wxEXPAND | wxALL, 4);
    row->Add(split, 1, wxEXPAND);
    SetSizer(row);

    coders_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { compare_soon(); });
    documents_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { compare_soon(); });
    unit_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { compare_soon(); });
    all_documents->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        for (unsigned i = 0; i < documents_->GetCount(); ++i) documents_->Check(i, true);
        compare_soon();
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
    const auto keep_ticks = [](wxCheckListBox* list) {
        std::vector<wxString> unticked;
        for (unsigned i = 0; i < list->GetCount(); ++i) {
            if (!list->IsChecked(i)) unticked.push_back(list->GetString(i));
        }
        return unticked;
    };
    // What the user left unticked stays unticked; anything new comes ticked.
    const auto unticked_coders = keep_ticks(coders_);
    const auto unticked_documents = keep_ticks(documents_);
    const auto tick = [](wxCheckListBox* list, const std::vector<wxString>& unticked) {
        const auto last = list->GetCount() - 1;
        list->Check(last, std::find(unticked.begin(), unticked.end(), list->GetString(last)) == unticked.end());
    };
    coders_->Clear();
    for (const auto& coder : CoderDirectory(project).with_codings()) {
        coders_->Append(to_wx(coder));
        tick(coders_, unticked_coders);
    }
    documents_->Clear();
    document_ids_.clear();
    for (const auto& document : DocumentStore(project).all()) {
        documents_->Append(to_wx(document.name));
        document_ids_.push_back(document.id);
        tick(documents_, unticked_documents);
    }
    if (report_.coders.empty()) explanation_->set_text(explanation_of(units[std::max(0, unit_->GetSelection())], 2));
    if (ticked_coders().size() >= 2) compare_soon();
}

void AgreementView::focus_documents() {
    documents_->SetFocus();
    if (documents_->GetCount() > 0 && documents_->GetSelection() == wxNOT_FOUND) documents_->SetSelection(0);
}

std::vector<std::string> AgreementView::ticked_coders() const {
    std::vector<std::string> chosen;
    for (unsigned i = 0; i < coders_->GetCount(); ++i) {
        if (coders_->IsChecked(i)) chosen.push_back(from_wx(coders_->GetString(i)));
    }
    return chosen;
}

void AgreementView::compare_soon() {
    if (compare_pending_) return;
    compare_pending_ = true;
    CallAfter([this] {
        compare_pending_ = false;
        const auto chosen = ticked_coders();
        if (chosen.size() < 2) {
            table_->DeleteAllItems();
            rows_.clear();
            explanation_->set_text(_("Tick two or more coders to compare."));
            return;
        }
        try {
            compare(chosen, units[std::max(0, unit_->GetSelection())]);
        } catch (const std::exception& error) {
            explanation_->set_text(to_wx(error.what()));
        }
    });
}

AgreementRequest AgreementView::request() const {
    AgreementRequest request;
    request.coders = report_.coders;
    request.unit = report_.unit;
    for (unsigned i = 0; i < documents_->GetCount() && i < document_ids_.size(); ++i) {
        if (documents_->IsChecked(i)) request.documents.push_back(document_ids_[i]);
    }
    return request;
}

bool AgreementView::compare(const std::vector<std::string>& coders, AgreementUnit unit) {
    if (!project_) return false;
    // The coders in the list's order, whatever order they were named in, so that columns stay put.
    std::vector<std::string> chosen;
    for (unsigned i = 0; i < coders_->GetCount(); ++i) {
        const auto name = from_wx(coders_->GetString(i));
        if (coders.empty() || std::find(coders.begin(), coders.end(), name) != coders.end()) chosen.push_back(name);
    }
    for (const auto& name : coders) {
        if (std::find(chosen.begin(), chosen.end(), name) == chosen.end()) chosen.push_back(name);
    }
    if (chosen.size() < 2) return false;
    for (unsigned i = 0; i < coders_->GetCount(); ++i) {
        coders_->Check(i, std::find(chosen.begin(), chosen.end(), from_wx(coders_->GetString(i))) != chosen.end());
    }
    unit_->SetSelection(static_cast<int>(std::find(std::begin(units), std::end(units), unit) - std::begin(units)));
    report_.coders = chosen;
    report_.unit = unit;
    auto wanted = request();
    if (wanted.documents.empty()) {
        // No document ticked: nothing to compare, rather than every document.
        table_->DeleteAllItems();
        rows_.clear();
        report_.codes.clear();
        explanation_->set_text(_("Tick one or more documents to compare."));
        return false;
    }
    report_ = measure_agreement(*project_, wanted);
    fill_table(count_coded_units(*project_, wanted));
    return true;
}

void AgreementView::fill_table(const std::vector<CodedUnits>& counts) {
    const std::size_t coders = report_.coders.size();
    const bool two = coders == 2;
    explanation_->set_text(explanation_of(report_.unit, coders));
    table_->Freeze();
    table_->ClearAll();
    table_->AppendColumn(_("Code name"), wxLIST_FORMAT_LEFT, 190);
    table_->AppendColumn(_("Units"), wxLIST_FORMAT_RIGHT, 60);
    table_->AppendColumn(two ? _("Both") : _("All"), wxLIST_FORMAT_RIGHT, 50);
    for (const auto& coder : report_.coders) table_->AppendColumn(wxString::Format(_("%s alone"), to_wx(coder)), wxLIST_FORMAT_RIGHT, 80);
    table_->AppendColumn(_("Agreement"), wxLIST_FORMAT_RIGHT, 110);
    table_->AppendColumn(two ? _("Cohen's κ") : _("Fleiss' κ"), wxLIST_FORMAT_RIGHT, 70);
    table_->AppendColumn(_("Krippendorff's α"), wxLIST_FORMAT_RIGHT, 110);
    rows_.clear();
    const auto add_row = [&](const wxString& name, const AgreementScores& scores, std::int64_t units, std::int64_t everyone,
                             const std::vector<std::int64_t>& alone, const std::vector<std::int64_t>& by_coder) {
        std::vector<wxString> cells{name, count(units), count(everyone)};
        for (const auto value : alone) cells.push_back(count(value));
        const auto users = std::count_if(by_coder.begin(), by_coder.end(), [](std::int64_t n) { return n > 0; });
        if (users == 1) {
            // One coder's code: there is nothing to agree on, whatever the share of empty units says.
            const auto who = static_cast<std::size_t>(std::find_if(by_coder.begin(), by_coder.end(), [](std::int64_t n) { return n > 0; }) -
                                                      by_coder.begin());
            cells.push_back(wxString::Format(_("only %s used it"), to_wx(report_.coders[who])));
            cells.push_back(wxString::FromUTF8("–"));
            cells.push_back(wxString::FromUTF8("–"));
        } else {
            cells.push_back(percent(scores.percent));
            cells.push_back(statistic(two ? scores.cohen_kappa : scores.fleiss_kappa));
            cells.push_back(statistic(scores.krippendorff_alpha));
        }
        const long row = table_->InsertItem(table_->GetItemCount(), cells[0]);
        for (std::size_t column = 1; column < cells.size(); ++column) table_->SetItem(row, static_cast<long>(column), cells[column]);
        rows_.push_back(std::move(cells));
        return row;
    };
    // Codes none of the coders applied agree trivially and say nothing: they are left out.
    std::vector<CodeAgreement> kept;
    std::int64_t all_units = 0, all_everyone = 0;
    std::vector<std::int64_t> all_alone(coders), all_by(coders);
    for (std::size_t i = 0; i < report_.codes.size() && i < counts.size(); ++i) {
        const auto& counted = counts[i];
        // Codes nobody used are left out of the table and of its total, as of the pooled figures.
        if (std::all_of(counted.by_coder.begin(), counted.by_coder.end(), [](std::int64_t n) { return n == 0; })) continue;
        all_units += counted.units;
        all_everyone += counted.by_everyone;
        for (std::size_t c = 0; c < coders; ++c) {
            all_alone[c] += counted.by_one_alone[c];
            all_by[c] += counted.by_coder[c];
        }
        add_row(to_wx(counted.code.name), report_.codes[i].scores, counted.units, counted.by_everyone, counted.by_one_alone,
                counted.by_coder);
        kept.push_back(report_.codes[i]);
    }
    report_.codes = std::move(kept);
    const long overall = add_row(_("All codes together"), report_.overall, all_units, all_everyone, all_alone, all_by);
    table_->SetItemFont(overall, table_->GetFont().Bold());
    fit_columns();
    table_->Thaw();
}

void AgreementView::fit_columns() {
    int total = 0;
    for (int column = 0; column < table_->GetColumnCount(); ++column) {
        table_->SetColumnWidth(column, wxLIST_AUTOSIZE);
        wxListItem heading;
        heading.SetMask(wxLIST_MASK_TEXT);
        table_->GetColumn(column, heading);
        // The last row is bold, which the measure of the cells leaves out.
        const wxString last = rows_.empty() ? wxString() : rows_.back()[static_cast<std::size_t>(column)];
        wxClientDC dc(table_);
        dc.SetFont(table_->GetFont().Bold());
        const int width = std::max({table_->GetColumnWidth(column) + 6, table_->GetTextExtent(heading.GetText()).GetWidth() + 14,
                                    dc.GetTextExtent(last).GetWidth() + 14});
        table_->SetColumnWidth(column, width);
        total += width;
    }
    // The disagreements keep a readable width beside it.
    const int room = split_->GetClientSize().GetWidth();
    if (room > 0) split_->SetSashPosition(std::clamp(total + 24, std::min(room / 2, 420), std::max(room - 240, room / 2)));
}

wxString AgreementView::shown_row(const std::string& code) const {
    const wxString name = to_wx(code);
    for (const auto& row : rows_) {
        if (row.front() != name) continue;
        wxString text;
        for (const auto& cell : row) text += (text.empty() ? "" : " | ") + cell;
        return text;
    }
    return {};
}

wxString AgreementView::caption() const { return explanation_->text(); }

bool AgreementView::show_disagreements(const std::string& code) {
    if (!project_) return false;
    const auto found = std::find_if(report_.codes.begin(), report_.codes.end(),
                                    [&](const CodeAgreement& row) { return row.code.name == code; });
    if (found == report_.codes.end()) return false;
    shown_ = find_disagreements(*project_, request(), found->code);
    caption_->set_text(wxString::Format(wxPLURAL("\"%s\": %zu passage where the coders disagree",
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
