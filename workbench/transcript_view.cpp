#include "workbench/transcript_view.h"

#include <wx/sizer.h>

#include <algorithm>
#include <iterator>

#include "workbench/coding_stripes.h"
#include "workbench/strings.h"
#include "workbench/transcript_look.h"

namespace fokus::workbench {

void TranscriptEditor::Refresh(bool erase_background, const wxRect* rect) {
    if (!held_) wxStyledTextCtrl::Refresh(erase_background, rect);
}


TranscriptView::TranscriptView(wxWindow* parent) : wxPanel(parent) {
    editor_ = new TranscriptEditor(this);
    stripes_ = new CodingStripes(this, editor_);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(stripes_, 0, wxEXPAND);
    sizer->Add(editor_, 1, wxEXPAND);
    SetSizer(sizer);

    set_up_transcript_look(*editor_);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        stripes_->fit_to(event.GetSize().GetWidth());
        event.Skip();
    });
    // Before the editor paints: the lines it is about to show are styled.
    editor_->Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
        prepare_shown_lines();
        event.Skip();
    });
    Bind(wxEVT_IDLE, &TranscriptView::prepare_when_idle, this);
    editor_->Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& event) {
        stripes_->Refresh();
        if (caret_moved_) caret_moved_();
        event.Skip();
    });
    // The editor settles the selection in its own handling of the release, so
    // the selection is snapped after that, not before.
    editor_->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& event) {
        event.Skip();
        if (!event.AltDown()) CallAfter([this] { snap_to_words(); });
    });
    editor_->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent& event) {
        const wxPoint at = event.GetPosition() == wxDefaultPosition ? editor_->PointFromPosition(editor_->GetCurrentPos())
                                                                     : editor_->ScreenToClient(event.GetPosition());
        const int position = editor_->PositionFromPoint(at);
        const bool in_selection = position >= editor_->GetSelectionStart() && position < editor_->GetSelectionEnd();
        if (!in_selection) editor_->GotoPos(position);
        if (context_menu_) context_menu_();
    });
    editor_->Bind(wxEVT_STC_MARGINCLICK, [this](wxStyledTextEvent& event) {
        if (event.GetMargin() != time_margin || !positions_ || !time_clicked_) return;
        time_clicked_(positions_->to_core(event.GetPosition()));
    });
    stripes_->on_click([this](const Stripe& stripe) { editor_->SetSelection(stripe.editor_start, stripe.editor_end); });
}

// A long transcript is shown at once: only the lines on the screen are
// styled and highlighted before it is painted; the rest follows a block at a
// time while the window is idle, and any block scrolled to first is prepared
// before it is painted.
void TranscriptView::show(const Document& document, const std::string& text, const std::vector<Turn>& turns,
                          const std::vector<Coding>& codings, const std::vector<Code>& codes) {
    document_ = document.id;
    positions_ = std::make_unique<TextPositions>(text);
    editor_->SetReadOnly(false);
    // The editor keeps UTF-8: given as it is, not through a wide string and back.
    editor_->SetTextRaw(text.c_str());
    editor_->SetReadOnly(true);
    editor_->EmptyUndoBuffer();
    editor_->StartStyling(0);
    editor_->SetStyling(editor_->GetLength(), body);
    editor_->MarkerDeleteAll(alternate_turn_marker);
    editor_->MarkerDeleteAll(playing_turn_marker);
    playing_.reset();
    show_times({});
    place_turns(turns);
    prepared_.assign(static_cast<std::size_t>(editor_->GetLength() / block_bytes + 1), false);
    update_codings(codings, codes);
    editor_->GotoPos(0);
    prepare_shown_lines();
}

void TranscriptView::clear() {
    document_.reset();
    positions_.reset();
    editor_->SetReadOnly(false);
    editor_->ClearAll();
    editor_->SetReadOnly(true);
    stripes_laid_out_.clear();
    stripes_->set({}, {});
    codings_.clear();
    turns_.clear();
    prepared_.clear();
}

void TranscriptView::update_codings(const std::vector<Coding>& codings, const std::vector<Code>& codes) {
    codings_ = codings;
    codes_.clear();
    for (const auto& code : codes) codes_[code.id] = code;
    paint_codings();
}

// The editor (Scintilla 3.7) repaints all of itself for a highlight changed
// anywhere below the first screenful of a wrapped text, as it mistakes
// wrapped lines for lines of the text; and the margin need not be repainted
// above the change. So the repaint is held while the highlights change, and
// only the changed lines are repainted.
void TranscriptView::update_codings_within(const std::set<Id>& changed_codings, std::vector<Coding> now, Span changed) {
    std::erase_if(codings_, [&](const Coding& coding) { return changed_codings.count(coding.id) > 0; });
    std::move(now.begin(), now.end(), std::back_inserter(codings_));
    if (!positions_) return;
    const int from = positions_->to_editor(changed.start);
    const int to = positions_->to_editor(changed.end);
    editor_->hold_repaints(true);
    stripes_->hold_repaints(true);
    try {
        lay_out_stripes();
        for (std::size_t block = static_cast<std::size_t>(from / block_bytes); block < prepared_.size() && static_cast<int>(block) * block_bytes < to; ++block) {
            if (!prepared_[block]) continue;
            const int block_start = static_cast<int>(block) * block_bytes;
            paint_codings_within(std::max(from, block_start), std::min(to, block_start + block_bytes));
        }
    } catch (...) {
        editor_->hold_repaints(false);
        stripes_->hold_repaints(false);
        throw;
    }
    editor_->hold_repaints(false);
    stripes_->hold_repaints(false);
    repaint_lines(from, to);
}

void TranscriptView::repaint_lines(int from, int to) {
    const int height = editor_->GetClientSize().GetHeight();
    const int last = std::max(from, to - 1);
    const int top = std::max(0, editor_->PointFromPosition(from).y);
    const int bottom = std::min(height, editor_->PointFromPosition(last).y + editor_->TextHeight(editor_->LineFromPosition(last)));
    // A change above the first line shown moves no line; the margin's columns may shift below it.
    if (bottom > 0 && top < height) editor_->RefreshRect(wxRect(0, top, editor_->GetClientSize().GetWidth(), bottom - top + 1), false);
    if (top < height) stripes_->RefreshRect(wxRect(0, top, stripes_->GetClientSize().GetWidth(), height - top), false);
}

void TranscriptView::paint_codings() {
    if (!positions_) {
        for (int i = 0; i < indicator_count; ++i) {
            editor_->SetIndicatorCurrent(first_indicator + i);
            editor_->IndicatorClearRange(0, editor_->GetLength());
        }
        return;
    }
    lay_out_stripes();
    for (int i = 0; i < indicator_count; ++i) {
        editor_->SetIndicatorCurrent(first_indicator + i);
        editor_->IndicatorClearRange(0, editor_->GetLength());
    }
    // The blocks not prepared yet are highlighted when they are.
    for (std::size_t block = 0; block < prepared_.size(); ++block) {
        if (!prepared_[block]) continue;
        const int from = static_cast<int>(block) * block_bytes;
        paint_codings_within(from, std::min(editor_->GetLength(), from + block_bytes));
    }
}

// Each code's indicator in the code's colour. Setting an indicator's style
// makes the editor lay out and wrap the whole text anew, so only a colour
// that changed is set.
void TranscriptView::colour_indicators() {
    std::array<wxColour, indicator_count> wanted = indicator_colours_;
    for (const auto& [id, code] : codes_) wanted[static_cast<std::size_t>(id % indicator_count)] = wxColour(to_wx(code.color));
    for (std::size_t indicator = 0; indicator < wanted.size(); ++indicator) {
        if (indicator_colours_[indicator] == wanted[indicator]) continue;
        indicator_colours_[indicator] = wanted[indicator];
        editor_->IndicatorSetForeground(first_indicator + static_cast<int>(indicator), wanted[indicator]);
    }
}

// Side by side where they overlap: each takes the first column free at its start.
void TranscriptView::lay_out_stripes() {
    std::vector<Stripe> stripes;
    stripes.reserve(codings_.size());
    for (const auto& coding : codings_) {
        stripes.push_back(Stripe{&coding, positions_->to_editor(coding.span.start), positions_->to_editor(coding.span.end), 0});
    }
    std::sort(stripes.begin(), stripes.end(), [](const Stripe& a, const Stripe& b) {
        return a.editor_start != b.editor_start ? a.editor_start < b.editor_start : a.editor_end > b.editor_end;
    });
    std::vector<int> column_end;
    for (auto& stripe : stripes) {
        std::size_t column = 0;
        while (column < column_end.size() && column_end[column] > stripe.editor_start) ++column;
        if (column == column_end.size()) column_end.push_back(0);
        column_end[column] = stripe.editor_end;
        stripe.column = static_cast<int>(column);
    }
    stripes_laid_out_ = stripes;
    stripes_->set(std::move(stripes), codes_);
}

void TranscriptView::paint_codings_within(int from, int to) {
    if (to <= from) return;
    colour_indicators();
    for (int i = 0; i < indicator_count; ++i) {
        editor_->SetIndicatorCurrent(first_indicator + i);
        editor_->IndicatorClearRange(from, to - from);
    }
    for (const auto& stripe : stripes_laid_out_) {
        if (stripe.editor_start >= to) break;  // by start
        const int start = std::max(stripe.editor_start, from);
        const int end = std::min(stripe.editor_end, to);
        if (end <= start) continue;
        editor_->SetIndicatorCurrent(first_indicator + static_cast<int>(stripe.coding->code % indicator_count));
        editor_->IndicatorFillRange(start, end - start);
    }
}

std::optional<Span> TranscriptView::selection() const {
    if (!positions_) return std::nullopt;
    const int start = editor_->GetSelectionStart();
    const int end = editor_->GetSelectionEnd();
    if (end <= start) return std::nullopt;
    return positions_->to_core(start, end);
}

void TranscriptView::select(Span span) {
    if (!positions_) return;
    const int start = positions_->to_editor(span.start);
    editor_->SetSelection(start, positions_->to_editor(span.end));
    // Show the passage a third of the way down, with its context above it.
    const int line = editor_->VisibleFromDocLine(editor_->LineFromPosition(start));
    editor_->SetFirstVisibleLine(std::max(0, line - editor_->LinesOnScreen() / 3));
}

void TranscriptView::mark_hits(const std::vector<Span>& spans) {
    editor_->SetIndicatorCurrent(search_hit_indicator);
    editor_->IndicatorClearRange(0, editor_->GetLength());
    if (!positions_) return;
    for (const auto& span : spans) {
        const int start = positions_->to_editor(span.start);
        editor_->IndicatorFillRange(start, positions_->to_editor(span.end) - start);
    }
}

std::optional<wxPoint> TranscriptView::screen_point_of(std::int64_t position) const {
    if (!positions_) return std::nullopt;
    const int at = positions_->to_editor(position);
    const int next = editor_->PositionAfter(at);
    const wxPoint left = editor_->PointFromPosition(at);
    const wxPoint right = editor_->PointFromPosition(next);
    const int middle = right.y == left.y && right.x > left.x ? (left.x + right.x) / 2 : left.x + 2;
    const int line_height = editor_->TextHeight(editor_->LineFromPosition(at));
    return editor_->ClientToScreen(wxPoint(middle, left.y + line_height / 2));
}

bool TranscriptView::shows_text(const std::string& text) const { return positions_ && positions_->text() == text; }

std::int64_t TranscriptView::caret() const { return positions_ ? positions_->to_core(editor_->GetCurrentPos()) : 0; }

std::optional<Coding> TranscriptView::coding_at_caret() const {
    auto found = codings_at_caret();
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Coding> TranscriptView::codings_at_caret() const {
    const auto at = caret();
    std::vector<Coding> found;
    for (const auto& coding : codings_) {
        if (coding.span.start <= at && at < coding.span.end) found.push_back(coding);
    }
    std::stable_sort(found.begin(), found.end(), [](const Coding& a, const Coding& b) { return a.span.length() < b.span.length(); });
    return found;
}

// A selection grows to whole words, as researchers code words, unless Alt is held.
void TranscriptView::snap_to_words() {
    const int start = editor_->GetSelectionStart();
    const int end = editor_->GetSelectionEnd();
    if (end <= start) return;
    int word_start = editor_->WordStartPosition(start, true);
    int word_end = editor_->WordEndPosition(end - 1, true);
    if (word_end < end) word_end = end;
    // White space dragged over at either end is not part of what was meant.
    const auto is_space = [this](int position) {
        const int c = editor_->GetCharAt(position);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    while (word_start < word_end && is_space(word_start)) ++word_start;
    while (word_end > word_start && is_space(word_end - 1)) --word_end;
    if (word_end > word_start && (word_start != start || word_end != end)) editor_->SetSelection(word_start, word_end);
}

}  // namespace fokus::workbench
