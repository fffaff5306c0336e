#include "workbench/attribute_labels.h"
#include "workbench/contrast_view.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "coding/attributes.h"
#include "coding/codes.h"
#include "exporters/analysis_tables.h"
#include "workbench/segments_list.h"
#include "workbench/save_dialog.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {


AttributeCondition condition_of(const std::string& attribute, const std::string& value) {
    if (attribute.rfind(participant_attribute_prefix, 0) == 0) {
        return {AttributeCondition::Of::Participant, attribute.substr(participant_attribute_prefix.size()), {value}};
    }
    return {AttributeCondition::Of::Document, attribute, {value}};
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return static_cast<int>(i);
    }
    return wxNOT_FOUND;
}

}  // namespace

ContrastView::ContrastView(wxWindow* parent) : wxPanel(parent) {
    item_ = new wxChoice(this, wxID_ANY);
    attribute_ = new wxChoice(this, wxID_ANY);
    left_value_ = new wxChoice(this, wxID_ANY);
    right_value_ = new wxChoice(this, wxID_ANY);
    auto* controls = new wxBoxSizer(wxHORIZONTAL);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Code")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    controls->Add(item_, 1, wxRIGHT, 12);
    controls->Add(new wxStaticText(this, wxID_ANY, _("Compare by")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    controls->Add(attribute_, 0, wxRIGHT, 12);
    controls->Add(left_value_, 0, wxRIGHT, 6);
    controls->Add(new wxStaticText(this, wxID_ANY, _("and")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    controls->Add(right_value_, 0, wxRIGHT, 12);
    auto* export_button = new wxButton(this, wxID_ANY, _("Export…"));
    export_button->SetToolTip(_("Save both groups' segments as a table (XLSX, CSV)"));
    controls->Add(export_button, 0);
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_and_export(); });

    // Two equal halves, whatever the width.
    auto side = [&](wxStaticText*& caption, SegmentsList*& list) {
        caption = new wxStaticText(this, wxID_ANY, wxEmptyString);
        caption->SetFont(caption->GetFont().Bold());
        list = new SegmentsList(this);
        list->SetMinSize(wxSize(120, 80));  // the halves share the width, whatever the columns want
        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(caption, 0, wxALL, 4);
        column->Add(list, 1, wxEXPAND);
        return column;
    };
    auto* halves = new wxBoxSizer(wxHORIZONTAL);
    halves->Add(side(left_caption_, left_), 1, wxEXPAND | wxRIGHT, 4);
    halves->Add(side(right_caption_, right_), 1, wxEXPAND);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(controls, 0, wxEXPAND | wxALL, 6);
    outer->Add(halves, 1, wxEXPAND);
    SetSizer(outer);

    item_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int at = item_->GetSelection();
        followed_.reset();
        if (at != wxNOT_FOUND && !items_[static_cast<std::size_t>(at)].theme) followed_ = items_[static_cast<std::size_t>(at)].id;
        recompute();
    });
    attribute_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        fill_values();
        recompute();
    });
    left_value_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recompute(); });
    right_value_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recompute(); });
}

void ContrastView::on_jump(std::function<void(Id document, Span span)> callback) {
    left_->on_jump(callback);
    right_->on_jump(std::move(callback));
}

void ContrastView::refresh(Project& project) {
    project_ = &project;
    const wxString chosen_item = item_->GetStringSelection();
    const wxString chosen_attribute = attribute_->GetStringSelection();
    items_.clear();
    item_->Clear();
    CodeStore codes(project);
    for (const auto& code : codes.all()) {
        if (!code.codable) continue;
        items_.push_back(CodeItem{false, code.id, code.name, {code.id}});
        item_->Append(to_wx(code.name));
    }
    for (const auto& set : codes.sets()) {
        items_.push_back(CodeItem{true, set.id, set.name, set.members});
        item_->Append(wxString::Format(_("Theme: %s"), to_wx(set.name)));
    }
    if (!select_followed() && !item_->SetStringSelection(chosen_item) && !items_.empty()) item_->SetSelection(0);

    attributes_.clear();
    attribute_->Clear();
    attributes_ = AttributeCatalogue(project).all();
    for (const auto& name : attributes_) attribute_->Append(attribute_label(name));
    if (!attribute_->SetStringSelection(chosen_attribute)) {
        const int municipality = index_of(attributes_, "municipality");
        attribute_->SetSelection(municipality != wxNOT_FOUND ? municipality : attributes_.empty() ? wxNOT_FOUND : 0);
    }
    fill_values();
    recompute();
}

bool ContrastView::select_followed() {
    if (!followed_) return false;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (!items_[i].theme && items_[i].id == *followed_) {
            item_->SetSelection(static_cast<int>(i));
            return true;
        }
    }
    return false;  // a category, or a code since deleted: the choice stays
}

wxString ContrastView::chosen_item() const { return item_->GetStringSelection(); }

void ContrastView::follow_code(Id code) {
    followed_ = code;
    if (!project_ || !IsShownOnScreen()) return;  // taken up by the next refresh
    const int before = item_->GetSelection();
    if (select_followed() && item_->GetSelection() != before) recompute();
}

void ContrastView::fill_values() {
    const wxString left = left_value_->GetStringSelection();
    const wxString right = right_value_->GetStringSelection();
    values_.clear();
    left_value_->Clear();
    right_value_->Clear();
    const int at = attribute_->GetSelection();
    if (!project_ || at == wxNOT_FOUND) return;
    const auto& attribute = attributes_[static_cast<std::size_t>(at)];
    values_ = AttributeCatalogue(*project_).values(attribute);
    for (const auto& value : values_) {
        left_value_->Append(to_wx(value));
        right_value_->Append(to_wx(value));
    }
    if (!left_value_->SetStringSelection(left) && !values_.empty()) left_value_->SetSelection(0);
    if (!right_value_->SetStringSelection(right) && !values_.empty()) right_value_->SetSelection(values_.size() > 1 ? 1 : 0);
}

void ContrastView::recompute() {
    contrast_ = Contrast{};
    if (!project_) return;
    const int item = item_->GetSelection();
    const int attribute = attribute_->GetSelection();
    const int left = left_value_->GetSelection();
    const int right = right_value_->GetSelection();
    if (item == wxNOT_FOUND || attribute == wxNOT_FOUND || left == wxNOT_FOUND || right == wxNOT_FOUND) {
        left_->show_segments(*project_, {});
        right_->show_segments(*project_, {});
        return;
    }
    const auto& name = attributes_[static_cast<std::size_t>(attribute)];
    const auto& left_value = values_[static_cast<std::size_t>(left)];
    const auto& right_value = values_[static_cast<std::size_t>(right)];
    contrast_ = contrast(*project_, items_[static_cast<std::size_t>(item)], {}, condition_of(name, left_value),
                         condition_of(name, right_value));
    const int left_count = static_cast<int>(contrast_.left.segments.size());
    const int right_count = static_cast<int>(contrast_.right.segments.size());
    left_caption_->SetLabel(wxString::Format(wxPLURAL("%s: %d segment", "%s: %d segments", left_count), to_wx(left_value), left_count));
    right_caption_->SetLabel(wxString::Format(wxPLURAL("%s: %d segment", "%s: %d segments", right_count), to_wx(right_value), right_count));
    left_->show_segments(*project_, contrast_.left.segments);
    right_->show_segments(*project_, contrast_.right.segments);
}

bool ContrastView::choose(const std::string& item, const std::string& attribute, const std::string& left, const std::string& right) {
    if (!project_) return false;
    const std::string theme_prefix = "theme:";
    int found = wxNOT_FOUND;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const bool wants_theme = item.rfind(theme_prefix, 0) == 0;
        const std::string name = wants_theme ? item.substr(theme_prefix.size()) : item;
        if (items_[i].theme == wants_theme && items_[i].name == name) found = static_cast<int>(i);
    }
    const int attribute_at = index_of(attributes_, attribute);
    if (found == wxNOT_FOUND || attribute_at == wxNOT_FOUND) return false;
    item_->SetSelection(found);
    followed_.reset();
    if (!items_[static_cast<std::size_t>(found)].theme) followed_ = items_[static_cast<std::size_t>(found)].id;
    attribute_->SetSelection(attribute_at);
    fill_values();
    const int left_at = index_of(values_, left);
    const int right_at = index_of(values_, right);
    if (left_at == wxNOT_FOUND || right_at == wxNOT_FOUND) return false;
    left_value_->SetSelection(left_at);
    right_value_->SetSelection(right_at);
    recompute();
    return true;
}

void ContrastView::export_to(const std::filesystem::path& path) {
    if (!project_) return;
    exporters::write_table(path, exporters::contrast_sheet(*project_, contrast_));
}

void ContrastView::ask_and_export() {
    const auto write = [this](const std::filesystem::path& path) { export_to(path); };
    export_by_type(this, _("Export the contrast"), _("contrast"), {{_("Workbook (XLSX)"), "xlsx", write}, {_("Table (CSV)"), "csv", write}});
}

}  // namespace fokus::workbench
