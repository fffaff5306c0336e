// Styling a transcript's turns, a block at a time: the lines on the screen
// before they are painted, the rest while the window is idle.
#include <algorithm>

#include "workbench/transcript_look.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

// Where each labelled turn sits in the editor, and which are tinted.
void TranscriptView::place_turns(const std::vector<Turn>& turns) {
    turns_.clear();
    bool tinted = false;
    for (const auto& turn : turns) {
        if (!turn.speaker && turn.body_start == turn.span.start) continue;  // an unlabelled passage: plain text
        turns_.push_back(PlacedTurn{positions_->to_editor(turn.span.start), positions_->to_editor(turn.body_start),
                                    positions_->to_editor(turn.span.end), tinted});
        tinted = !tinted;
    }
    std::stable_sort(turns_.begin(), turns_.end(), [](const PlacedTurn& a, const PlacedTurn& b) { return a.start < b.start; });
}

void TranscriptView::style_turn(const PlacedTurn& turn) {
    const auto& text = positions_->text();
    int start = turn.start;
    if (turn.tinted) {
        const int last_line = editor_->LineFromPosition(std::max(turn.start, turn.end - 1));
        for (int line = editor_->LineFromPosition(turn.start); line <= last_line; ++line) editor_->MarkerAdd(line, alternate_turn_marker);
    }
    int stamp_end = start;
    while (stamp_end < turn.body_start && is_timestamp_char(text[static_cast<std::size_t>(stamp_end)])) ++stamp_end;
    if (stamp_end > start && (text[static_cast<std::size_t>(stamp_end)] == ' ')) {
        editor_->StartStyling(start);
        editor_->SetStyling(stamp_end - start, timestamp);
        start = stamp_end;
    }
    if (turn.body_start > start) {
        editor_->StartStyling(start);
        editor_->SetStyling(turn.body_start - start, label);
    }
}

// The turns starting in a block styled, its wide punctuation isolated, its codings highlighted.
void TranscriptView::prepare_block(std::size_t block) {
    if (block >= prepared_.size() || prepared_[block] || !positions_) return;
    prepared_[block] = true;
    const int from = static_cast<int>(block) * block_bytes;
    const int to = std::min(editor_->GetLength(), from + block_bytes);
    auto turn = std::lower_bound(turns_.begin(), turns_.end(), from, [](const PlacedTurn& t, int at) { return t.start < at; });
    for (; turn != turns_.end() && turn->start < to; ++turn) style_turn(*turn);
    isolate_wide_punctuation(from, to);
    paint_codings_within(from, to);
}

void TranscriptView::prepare(int from, int to) {
    if (prepared_.empty() || to <= from) return;
    const auto last = std::min(prepared_.size() - 1, static_cast<std::size_t>(std::max(from, to - 1) / block_bytes));
    for (auto block = static_cast<std::size_t>(std::max(0, from) / block_bytes); block <= last; ++block) prepare_block(block);
}

void TranscriptView::prepare_shown_lines() {
    if (!positions_ || prepared_.empty()) return;
    const int top = editor_->GetFirstVisibleLine();
    const int first_line = editor_->DocLineFromVisible(top);
    const int last_line = std::min(editor_->DocLineFromVisible(top + editor_->LinesOnScreen() + 1), std::max(0, editor_->GetLineCount() - 1));
    prepare(editor_->PositionFromLine(first_line), editor_->GetLineEndPosition(last_line) + 1);
}

// One block per idle turn of the event loop, so that a key pressed meanwhile waits a moment at most.
void TranscriptView::prepare_when_idle(wxIdleEvent& event) {
    event.Skip();
    const auto next = std::find(prepared_.begin(), prepared_.end(), false);
    if (next == prepared_.end()) return;
    prepare_block(static_cast<std::size_t>(next - prepared_.begin()));
    event.RequestMore();
}

// wxGTK measures some characters of U+2000-U+2FFF (the ellipsis "…" above all)
// narrower than it draws them, so every highlight and selection after one on
// the same line would sit a little to the left of its words. Scintilla measures
// and draws each run of one style on its own; giving these characters a style
// of their own (which looks like the body) keeps the runs after them in place.
void TranscriptView::isolate_wide_punctuation(int from, int to) {
    const auto& text = positions_->text();
    for (auto at = static_cast<std::size_t>(from); at < static_cast<std::size_t>(to) && at + 2 < text.size(); ++at) {
        if (static_cast<unsigned char>(text[at]) != 0xE2) continue;
        const int position = static_cast<int>(at);
        if (editor_->GetStyleAt(position) == body) {
            editor_->StartStyling(position);
            editor_->SetStyling(3, isolated_body);
        }
        at += 2;
    }
}

}  // namespace fokus::workbench
