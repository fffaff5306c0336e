#include "workbench/coding_stripes.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include "workbench/strings.h"

namespace fokus::workbench {

CodingStripes::CodingStripes(wxWindow* parent, wxStyledTextCtrl* editor) : wxPanel(parent), editor_(editor) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(panel_width, -1));
    Bind(wxEVT_PAINT, &CodingStripes::paint, this);
    Bind(wxEVT_MOTION, &CodingStripes::hover, this);
    Bind(wxEVT_LEFT_DOWN, &CodingStripes::click, this);
}

void CodingStripes::set(std::vector<Stripe> stripes, std::map<Id, Code> codes) {
    stripes_ = std::move(stripes);
    codes_ = std::move(codes);
    columns_ = 1;
    for (const auto& stripe : stripes_) columns_ = std::max(columns_, stripe.column + 1);
    Refresh();
}

// A fixed width, shared by the columns, so that the text never rewraps when codings change.
int CodingStripes::column_width() const { return panel_width / std::max(2, columns_); }

std::pair<int, int> CodingStripes::vertical_extent(const Stripe& stripe) const {
    const int top = editor_->PointFromPosition(stripe.editor_start).y;
    const int last_line = editor_->LineFromPosition(std::max(stripe.editor_start, stripe.editor_end - 1));
    const int bottom = editor_->PointFromPosition(std::max(stripe.editor_start, stripe.editor_end - 1)).y +
                       editor_->TextHeight(last_line);
    return {top, bottom};
}

void CodingStripes::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(248, 248, 246)));
    dc.Clear();
    const int height = GetClientSize().GetHeight();
    wxFont label = GetFont();
    label.SetPointSize(8);
    label.SetWeight(wxFONTWEIGHT_BOLD);
    dc.SetFont(label);
    for (const auto& stripe : stripes_) {
        const auto [top, bottom] = vertical_extent(stripe);
        if (bottom < 0 || top > height) continue;
        const auto found = codes_.find(stripe.coding.code);
        const wxColour colour(found != codes_.end() ? to_wx(found->second.color) : wxString("#777777"));
        const int width = column_width();
        const int x = panel_width - (stripe.column + 1) * width;
        const int bracket = x + width - 8;
        dc.SetPen(wxPen(colour, 3));
        dc.DrawLine(bracket, top + 2, bracket, bottom - 2);
        dc.DrawLine(bracket, top + 2, bracket + 6, top + 2);
        dc.DrawLine(bracket, bottom - 2, bracket + 6, bottom - 2);
        if (found == codes_.end() || width < 60) continue;
        const wxString name = to_wx(found->second.name);
        wxString shown = name;
        while (shown.length() > 3 && dc.GetTextExtent(shown).GetWidth() > width - 16) shown = shown.Left(shown.length() - 2) + wxString::FromUTF8("…");
        if (shown != name && shown.length() > 1) shown = shown.Left(shown.length() - 1) + wxString::FromUTF8("…");
        dc.SetTextForeground(colour);
        dc.DrawText(shown, bracket - 6 - dc.GetTextExtent(shown).GetWidth(), std::max(top, 0) + 1);
    }
}

const Stripe* CodingStripes::stripe_at(const wxPoint& point) const {
    const Stripe* best = nullptr;
    for (const auto& stripe : stripes_) {
        const auto [top, bottom] = vertical_extent(stripe);
        const int x = panel_width - (stripe.column + 1) * column_width();
        if (point.x >= x && point.x < x + column_width() && point.y >= top && point.y <= bottom) {
            if (!best || stripe.editor_end - stripe.editor_start < best->editor_end - best->editor_start) best = &stripe;
        }
    }
    return best;
}

void CodingStripes::hover(wxMouseEvent& event) {
    const Stripe* stripe = stripe_at(event.GetPosition());
    if (!stripe) {
        UnsetToolTip();
        return;
    }
    const auto found = codes_.find(stripe->coding.code);
    wxString tip = found != codes_.end() ? to_wx(found->second.name) : wxString();
    tip += "\n" + wxString::Format(_("Coder: %s"), to_wx(stripe->coding.coder_name));
    if (!stripe->coding.comment.empty()) tip += "\n" + wxString::Format(_("Comment: %s"), to_wx(stripe->coding.comment));
    if (GetToolTipText() != tip) SetToolTip(tip);
}

void CodingStripes::click(wxMouseEvent& event) {
    if (const Stripe* stripe = stripe_at(event.GetPosition()); stripe && clicked_) clicked_(*stripe);
}

}  // namespace fokus::workbench
