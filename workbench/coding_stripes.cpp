#include "workbench/coding_stripes.h"

#include <wx/dcbuffer.h>
#include <wx/dcclient.h>
#include <wx/settings.h>

#include <algorithm>

#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

constexpr int widest_column = 14;
constexpr int label_gap = 6;

wxColour colour_of(const std::map<Id, Code>& codes, Id code) {
    const auto found = codes.find(code);
    return wxColour(found != codes.end() ? to_wx(found->second.color) : wxString("#777777"));
}

}  // namespace

CodingStripes::CodingStripes(wxWindow* parent, wxStyledTextCtrl* editor) : wxPanel(parent), editor_(editor) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(panel_width_, -1));
    Bind(wxEVT_PAINT, &CodingStripes::paint, this);
    Bind(wxEVT_MOTION, &CodingStripes::hover, this);
    Bind(wxEVT_LEFT_DOWN, &CodingStripes::click, this);
}

void CodingStripes::fit_to(int transcript_width) {
    const int width = std::clamp(transcript_width / 5, narrowest, widest);
    if (width == panel_width_) return;
    panel_width_ = width;
    SetMinSize(wxSize(panel_width_, -1));
    Refresh();
}

void CodingStripes::set(std::vector<Stripe> stripes, std::map<Id, Code> codes) {
    stripes_ = std::move(stripes);
    const bool same_names = codes.size() == codes_.size() && std::equal(codes.begin(), codes.end(), codes_.begin(), [](const auto& a, const auto& b) {
                                return a.first == b.first && a.second.name == b.second.name;
                            });
    if (!same_names) labels_.clear();
    codes_ = std::move(codes);
    const int columns_before = columns_;
    columns_ = 1;
    for (const auto& stripe : stripes_) columns_ = std::max(columns_, stripe.column + 1);
    // More or fewer columns make every bracket narrower or wider.
    if (!held_ || columns_ != columns_before) Refresh();
}

// Narrow columns, so that the names keep most of the width; they only
// shrink when very many codings overlap.
int CodingStripes::column_step() const { return std::max(5, std::min(widest_column, (panel_width_ / 2) / columns_)); }

wxFont CodingStripes::label_font() const {
    wxFont font = GetFont();
    font.SetPointSize(8);
    font.SetWeight(wxFONTWEIGHT_BOLD);
    return font;
}

std::pair<int, int> CodingStripes::vertical_extent(const Stripe& stripe) const {
    const int last = std::max(stripe.editor_start, stripe.editor_end - 1);
    const int top = editor_->PointFromPosition(stripe.editor_start).y;
    const int bottom = editor_->PointFromPosition(last).y + editor_->TextHeight(editor_->LineFromPosition(last));
    return {top, bottom};
}

std::vector<CodingStripes::Placed> CodingStripes::place(wxDC& dc) const {
    const int height = GetClientSize().GetHeight();
    const int step = column_step();
    const int lane_right = panel_width_ - columns_ * step - label_gap;
    dc.SetFont(label_font());
    const int text_height = dc.GetCharHeight();
    // Only codings reaching into the visible lines are measured: finding where
    // a far-off position sits makes the editor lay out every line before it.
    const int first_line = editor_->DocLineFromVisible(editor_->GetFirstVisibleLine());
    const int last_line = editor_->DocLineFromVisible(editor_->GetFirstVisibleLine() + editor_->LinesOnScreen() + 1);
    const int first_shown = editor_->PositionFromLine(first_line);
    const int last_shown = editor_->GetLineEndPosition(std::min(last_line, std::max(0, editor_->GetLineCount() - 1)));
    std::vector<Placed> placed;
    for (const auto& stripe : stripes_) {
        if (stripe.editor_end < first_shown || stripe.editor_start > last_shown) continue;
        const auto [top, bottom] = vertical_extent(stripe);
        if (bottom < 0 || top > height) continue;
        const int x = panel_width_ - (stripe.column + 1) * step;
        placed.push_back({&stripe, wxRect(x, top + 2, step, std::max(4, bottom - top - 4)), wxRect()});
    }
    // Names top-down: each at its bracket's first visible line, or below the previous name.
    std::vector<Placed*> by_top;
    for (auto& p : placed) by_top.push_back(&p);
    std::stable_sort(by_top.begin(), by_top.end(), [](const Placed* a, const Placed* b) {
        return a->bracket.y != b->bracket.y ? a->bracket.y < b->bracket.y : a->stripe->column < b->stripe->column;
    });
    int next_free = 0;
    for (auto* p : by_top) {
        const int y = std::max({p->bracket.y, next_free, 0});
        p->label = wxRect(4, y, std::max(0, lane_right - 4), text_height);
        next_free = y + text_height + 1;
    }
    return placed;
}

void CodingStripes::paint(wxPaintEvent&) {
    // Drawn straight onto the window, which the toolkit buffers already; a
    // buffer of its own would be the whole margin at each repaint of a few rows.
    wxPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(248, 248, 246)));
    dc.Clear();
    const auto placed = place(dc);
    for (const auto& p : placed) {
        const wxColour colour = colour_of(codes_, p.stripe->coding->code);
        // The bracket: a vertical bar with ticks pointing at the text.
        const int bar = p.bracket.x + 2;
        const int tick_end = p.bracket.GetRight();
        dc.SetPen(wxPen(colour, 3));
        dc.DrawLine(bar, p.bracket.y, bar, p.bracket.GetBottom());
        dc.DrawLine(bar, p.bracket.y, tick_end, p.bracket.y);
        dc.DrawLine(bar, p.bracket.GetBottom(), tick_end, p.bracket.GetBottom());
        const auto found = codes_.find(p.stripe->coding->code);
        if (found == codes_.end() || p.label.width < 20) continue;
        const auto& [shown, text_width] = label_for(dc, found->second, p.label.width);
        const int text_x = p.label.GetRight() - text_width;
        const int middle = p.label.y + p.label.height / 2;
        // A thin leader from the name to its bracket, so pushed-down names stay attached.
        dc.SetPen(wxPen(colour.ChangeLightness(140), 1));
        dc.DrawLine(p.label.GetRight() + 2, middle, bar, std::clamp(middle, p.bracket.y, p.bracket.GetBottom()));
        dc.SetTextForeground(colour.ChangeLightness(80));
        dc.DrawText(shown, text_x, p.label.y);
    }
}

// A name as it fits the lane, measured once for each width: measuring text
// is most of what painting the margin costs.
const std::pair<wxString, int>& CodingStripes::label_for(wxDC& dc, const Code& code, int width) const {
    const auto key = std::pair{code.id, width};
    if (const auto found = labels_.find(key); found != labels_.end()) return found->second;
    const wxString name = to_wx(code.name);
    wxString shown = name;
    while (shown.length() > 2 && dc.GetTextExtent(shown + wxString::FromUTF8("…")).GetWidth() > width) shown.RemoveLast();
    if (shown != name) shown += wxString::FromUTF8("…");
    return labels_[key] = {shown, dc.GetTextExtent(shown).GetWidth()};
}

const Stripe* CodingStripes::stripe_at(const wxPoint& point) {
    wxClientDC dc(this);
    const Stripe* best = nullptr;
    for (const auto& p : place(dc)) {
        const bool on_label = p.label.Contains(point);
        const bool on_bracket = p.bracket.Inflate(1, 2).Contains(point);
        if (on_label) return p.stripe;
        if (on_bracket && (!best || p.stripe->editor_end - p.stripe->editor_start < best->editor_end - best->editor_start)) best = p.stripe;
    }
    return best;
}

void CodingStripes::hover(wxMouseEvent& event) {
    const Stripe* stripe = stripe_at(event.GetPosition());
    SetCursor(stripe ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    if (!stripe) {
        UnsetToolTip();
        return;
    }
    const auto found = codes_.find(stripe->coding->code);
    wxString tip = found != codes_.end() ? to_wx(found->second.name) : wxString();
    tip += "\n" + wxString::Format(_("Coder: %s"), to_wx(stripe->coding->coder_name));
    if (!stripe->coding->comment.empty()) tip += "\n" + wxString::Format(_("Comment: %s"), to_wx(stripe->coding->comment));
    if (GetToolTipText() != tip) SetToolTip(tip);
}

void CodingStripes::click(wxMouseEvent& event) {
    if (const Stripe* stripe = stripe_at(event.GetPosition()); stripe && clicked_) clicked_(*stripe);
}

}  // namespace fokus::workbench
