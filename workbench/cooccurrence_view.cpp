#include "workbench/heatmap_labels.h"
#include "workbench/cooccurrence_view.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "workbench/heatmap_canvas.h"
#include "workbench/segments_list.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// The heatmap on screen is drawn at the size of a report's figure.
constexpr double screen_scale = 1.0;

const char* const measure_names[] = {"pairs", "segments", "documents", "c", "jaccard"};
const char* const relation_names[] = {"overlap", "inside", "turn"};

}  // namespace

CooccurrenceView::CooccurrenceView(wxWindow* parent) : wxPanel(parent) {
    relation_ = new wxChoice(this, wxID_ANY);
    relation_->Append(_("Overlapping spans"));
    relation_->Append(_("One inside the other"));
    relation_->Append(_("Same speaker turn"));
    relation_->SetSelection(0);
    measure_ = new wxChoice(this, wxID_ANY);
    measure_->Append(_("Pairs of codings"));
    measure_->Append(_("Segments"));
    measure_->Append(_("Documents"));
    measure_->Append(_("c-coefficient"));
    measure_->Append(_("Jaccard"));
    measure_->SetSelection(0);
    used_only_ = new wxCheckBox(this, wxID_ANY, _("Only codes in use"));
    used_only_->SetValue(true);
    auto* export_button = new wxButton(this, wxID_ANY, _("Export…"));
    export_button->SetToolTip(_("Save the matrix as a heatmap (PNG, SVG) or a table (XLSX, CSV)"));

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    canvas_ = new HeatmapCanvas(split);
    auto* right = new wxPanel(split);
    cell_caption_ = new wxStaticText(right, wxID_ANY, _("Click a cell to see the segments behind it."));
    segments_ = new SegmentsList(right);
    auto* right_column = new wxBoxSizer(wxVERTICAL);
    right_column->Add(cell_caption_, 0, wxALL, 4);
    right_column->Add(segments_, 1, wxEXPAND);
    right->SetSizer(right_column);
    // The segments keep their width; the heatmap takes what the window gives.
    split->SetSashGravity(1.0);
    split->SetMinimumPaneSize(200);
    split->SplitVertically(canvas_, right, -460);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Relation")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    top->Add(relation_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(new wxStaticText(this, wxID_ANY, _("Measure")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    top->Add(measure_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->Add(used_only_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    top->AddStretchSpacer();
    top->Add(export_button, 0, wxALIGN_CENTER_VERTICAL);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(top, 0, wxEXPAND | wxALL, 4);
    column->Add(split, 1, wxEXPAND);
    SetSizer(column);

    const auto recompute = [this](wxCommandEvent&) {
        if (project_) refresh(*project_);
    };
    relation_->Bind(wxEVT_CHOICE, recompute);
    used_only_->Bind(wxEVT_CHECKBOX, recompute);
    measure_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { redraw(); });
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (export_) export_();
    });
    canvas_->Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
        int x = 0, y = 0;
        canvas_->CalcUnscrolledPosition(event.GetX(), event.GetY(), &x, &y);
        if (const auto cell = exporters::cell_at(image_, heatmap_, x, y)) show_cell(cell->first, cell->second);
    });
}

void CooccurrenceView::on_jump(std::function<void(Id, Span)> callback) { segments_->on_jump(std::move(callback)); }

exporters::CooccurrenceMeasure CooccurrenceView::measure() const {
    return exporters::parse_cooccurrence_measure(measure_names[std::max(0, measure_->GetSelection())]);
}

CooccurrenceOptions CooccurrenceView::relation() const {
    return CooccurrenceOptions{parse_relation(relation_names[std::max(0, relation_->GetSelection())]), 0};
}

void CooccurrenceView::refresh(Project& project) {
    project_ = &project;
    // A cell shown before belongs to the matrix before.
    cell_caption_->SetLabel(_("Click a cell to see the segments behind it."));
    segments_->show_segments(project, {});
    // The matrix needs the turns only to relate codings by turn; a cell's
    // list, which names the speakers, reads them when it is first opened.
    segments_have_turns_ = relation().relation == Relation::SameTurn;
    all_segments_ = load_segments(project, {}, segments_have_turns_ ? SegmentDetail::Turns : SegmentDetail::CodingsOnly);
    auto items = all_code_items(project);
    if (used_only_->GetValue()) {
        std::vector<CodeItem> used;
        for (auto& item : items) {
            const bool in_use = std::any_of(all_segments_.begin(), all_segments_.end(), [&](const Segment& segment) {
                return std::find(item.codes.begin(), item.codes.end(), segment.code) != item.codes.end();
            });
            if (in_use) used.push_back(std::move(item));
        }
        items = std::move(used);
    }
    matrix_ = cooccurrence(all_segments_, items, relation());
    redraw();
}

void CooccurrenceView::redraw() {
    heatmap_ = exporters::cooccurrence_heatmap(matrix_, measure());
    label_cooccurrence_heatmap(heatmap_, measure());
    heatmap_.title.clear();  // the tab says what it is
    image_ = exporters::render_heatmap(heatmap_, screen_scale * GetContentScaleFactor());
    canvas_->set(image_);
}

bool CooccurrenceView::open_cell(Project& project, const std::string& row, const std::string& column) {
    if (!project_) refresh(project);
    std::optional<std::size_t> r, c;
    for (std::size_t i = 0; i < matrix_.items.size(); ++i) {
        if (matrix_.items[i].name == row) r = i;
        if (matrix_.items[i].name == column) c = i;
    }
    if (!r || !c) return false;
    show_cell(*r, *c);
    return true;
}

void CooccurrenceView::show_cell(std::size_t row, std::size_t column) {
    if (!project_ || row >= matrix_.items.size() || column >= matrix_.items.size()) return;
    const auto& first = matrix_.items[row];
    const auto& second = matrix_.items[column];
    if (!segments_have_turns_) {
        all_segments_ = load_segments(*project_, {});
        segments_have_turns_ = true;
    }
    std::vector<Segment> listed;
    if (row == column) {
        for (const auto& segment : all_segments_) {
            if (std::find(first.codes.begin(), first.codes.end(), segment.code) != first.codes.end()) listed.push_back(segment);
        }
    } else {
        for (const auto& pair : cooccurring_pairs(all_segments_, first, second, relation())) {
            listed.push_back(pair.first);
            listed.push_back(pair.second);
        }
    }
    cell_caption_->SetLabel(wxString::Format(wxPLURAL("%s × %s: %zu segment", "%s × %s: %zu segments", listed.size()), to_wx(first.name), to_wx(second.name), listed.size()));
    segments_->show_segments(*project_, std::move(listed));
}

}  // namespace fokus::workbench
