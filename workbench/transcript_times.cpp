// The recording's times beside the transcript: each timed turn's time in the
// margin, and the turn being played highlighted as the recording goes on.
#include <algorithm>

#include "coding/timeline.h"
#include "workbench/strings.h"
#include "workbench/transcript_look.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

void TranscriptView::show_times(const std::vector<TimeMark>& marks) {
    editor_->MarginTextClearAll();
    if (marks.empty() || !positions_) {
        editor_->SetMarginWidth(time_margin, 0);
        return;
    }
    // One time a line: the first mark on it.
    int last_line = -1;
    for (const auto& mark : marks) {
        const int line = editor_->LineFromPosition(positions_->to_editor(mark.position));
        if (line == last_line) continue;
        last_line = line;
        editor_->MarginSetText(line, to_wx(format_time(mark.time_ms)));
        editor_->MarginSetStyle(line, time_margin_style);
    }
    editor_->SetMarginWidth(time_margin, editor_->TextWidth(time_margin_style, "00:00:00") + 14);
}

void TranscriptView::mark_playing(std::optional<Span> turn) {
    if (turn == playing_ || !positions_) return;
    editor_->MarkerDeleteAll(playing_turn_marker);
    playing_ = turn;
    if (!turn) return;
    const int from = positions_->to_editor(turn->start);
    const int to = positions_->to_editor(std::max(turn->start, turn->end - 1));
    const int first_line = editor_->LineFromPosition(from);
    const int last_line = editor_->LineFromPosition(to);
    for (int line = first_line; line <= last_line; ++line) editor_->MarkerAdd(line, playing_turn_marker);
    // Kept in view, with a little of what comes before it, without moving the caret.
    const int top = editor_->GetFirstVisibleLine();
    const int shown = editor_->LinesOnScreen();
    const int first_visible = editor_->VisibleFromDocLine(first_line);
    const int last_visible = editor_->VisibleFromDocLine(last_line);
    if (first_visible < top || last_visible >= top + shown) editor_->SetFirstVisibleLine(std::max(0, first_visible - 2));
}

}  // namespace fokus::workbench
