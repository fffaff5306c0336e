#include "workbench/cooccurrence_view.h"

#include <wx/checkbox.h>
#include <wx/choice.h>

#include <algorithm>

#include "workbench/heatmap_labels.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

const char* const measure_names[] = {"pairs", "segments", "documents", "c", "jaccard"};
const char* const relation_names[] = {"overlap", "inside", "turn"};

exporters::Heatmap labelled_heatmap(const CooccurrenceMatrix& matrix, exporters::CooccurrenceMeasure measure) {
    auto heatmap = exporters::cooccurrence_heatmap(matrix, measure);
    label_cooccurrence_heatmap(heatmap, measure);
    return heatmap;
}

}  // namespace

CooccurrenceView::CooccurrenceView(wxWindow* parent)
    : HeatmapPanel(parent, _("Export the co-occurrence matrix"), _("co-occurrence"),
                   _("Save the matrix as a heatmap (PNG, SVG) or a table (XLSX, CSV)")) {
    relation_ = add_choice({_("Overlapping spans"), _("One inside the other"), _("Same speaker turn")}, _("Relation"));
    measure_ = add_choice({_("Pairs of codings"), _("Segments"), _("Documents"), _("c-coefficient"), _("Jaccard")}, _("Measure"));
    used_only_ = add_used_only();

    const auto recompute = [this](wxCommandEvent&) {
        if (project_) refresh(*project_);
    };
    relation_->Bind(wxEVT_CHOICE, recompute);
    used_only_->Bind(wxEVT_CHECKBOX, recompute);
    measure_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { redraw(); });
}

exporters::CooccurrenceMeasure CooccurrenceView::measure() const {
    return exporters::parse_cooccurrence_measure(measure_names[std::max(0, measure_->GetSelection())]);
}

CooccurrenceOptions CooccurrenceView::relation() const {
    return CooccurrenceOptions{parse_relation(relation_names[std::max(0, relation_->GetSelection())]), 0};
}

void CooccurrenceView::refresh(Project& project) {
    project_ = &project;
    clear_cell(project);
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
    auto heatmap = labelled_heatmap(matrix_, measure());
    heatmap.title.clear();  // the tab says what it is
    show_heatmap(std::move(heatmap));
}

bool CooccurrenceView::open_cell(Project& project, const std::string& row, const std::string& column) {
    if (!project_) refresh(project);
    std::optional<std::size_t> r, c;
    for (std::size_t i = 0; i < matrix_.items.size(); ++i) {
        if (matrix_.items[i].name == row) r = i;
        if (matrix_.items[i].name == column) c = i;
    }
    if (!r || !c) return false;
    cell_clicked(*r, *c);
    return true;
}

void CooccurrenceView::cell_clicked(std::size_t row, std::size_t column) {
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
    const auto count = listed.size();
    show_cell(*project_, wxString::Format(wxPLURAL("%s × %s: %zu segment", "%s × %s: %zu segments", count), to_wx(first.name), to_wx(second.name), count),
              std::move(listed));
}

std::vector<ExportFormat> CooccurrenceView::export_formats() const {
    const auto heatmap = [this](const std::filesystem::path& path) { exporters::write_heatmap(path, labelled_heatmap(matrix_, measure())); };
    return {{_("Heatmap (PNG)"), "png", heatmap},
            {_("Heatmap (SVG)"), "svg", heatmap},
            {_("Workbook, every measure a sheet (XLSX)"), "xlsx",
             [this](const std::filesystem::path& path) { exporters::write_xlsx(path, exporters::cooccurrence_tables(matrix_)); }},
            {_("Table (CSV)"), "csv",
             [this](const std::filesystem::path& path) { exporters::write_csv(path, exporters::cooccurrence_table(matrix_, measure())); }}};
}

}  // namespace fokus::workbench
