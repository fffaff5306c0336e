#pragma once
// The margin beside the transcript: one bracket per coding in its code's
// colour, labelled with the code's name; overlapping codings side by side.
// Brackets sit in columns next to the text; the names sit in a lane to their
// left, each at its bracket's first line or just below the name before it,
// so that codings starting on the same line keep legible names.
#include <wx/panel.h>
#include <wx/stc/stc.h>

#include <functional>
#include <map>
#include <vector>

#include "coding/codes.h"
#include "coding/codings.h"

namespace fokus::workbench {

struct Stripe {
    const Coding* coding = nullptr;  // in the transcript view's list, laid out anew whenever it changes
    int editor_start = 0;
    int editor_end = 0;
    int column = 0;  // 0 next to the text
};

class CodingStripes : public wxPanel {
public:
    CodingStripes(wxWindow* parent, wxStyledTextCtrl* editor);
    void set(std::vector<Stripe> stripes, std::map<Id, Code> codes);
    void on_click(std::function<void(const Stripe&)> callback) { clicked_ = std::move(callback); }
    // While held, set() does not repaint; whoever holds it repaints what changed.
    void hold_repaints(bool held) { held_ = held; }

    // The margin takes a fifth of the transcript's width, within these bounds,
    // so that a small window keeps its room for the text.
    static constexpr int narrowest = 110;
    static constexpr int widest = 260;
    void fit_to(int transcript_width);

private:
    // Where one stripe was drawn, for hovering and clicking.
    struct Placed {
        const Stripe* stripe;
        wxRect bracket;
        wxRect label;
    };

    int column_step() const;
    std::vector<Placed> place(wxDC& dc) const;
    void paint(wxPaintEvent& event);
    void hover(wxMouseEvent& event);
    void click(wxMouseEvent& event);
    const Stripe* stripe_at(const wxPoint& point);
    std::pair<int, int> vertical_extent(const Stripe& stripe) const;
    wxFont label_font() const;
    const std::pair<wxString, int>& label_for(wxDC& dc, const Code& code, int width) const;

    wxStyledTextCtrl* editor_;
    std::vector<Stripe> stripes_;
    std::map<Id, Code> codes_;
    // Each code's name as shown in a lane of a width, and its width.
    mutable std::map<std::pair<Id, int>, std::pair<wxString, int>> labels_;
    std::function<void(const Stripe&)> clicked_;
    int columns_ = 1;
    bool held_ = false;
    int panel_width_ = widest;
};

}  // namespace fokus::workbench
