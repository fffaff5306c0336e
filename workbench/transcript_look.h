#pragma once
// How the transcript looks: the editor's styles, markers and indicators, one
// indicator for each code's colour and one for search hits.
#include <wx/stc/stc.h>

namespace fokus::workbench {

enum TranscriptStyle { body = 0, label = 1, timestamp = 2, isolated_body = 3 };
// Every second turn is tinted, so that where one speaker stops and the next
// begins is seen at a glance, without spending a blank line on it.
constexpr int alternate_turn_marker = 1;
// The turn being played, while the transcript follows the recording.
constexpr int playing_turn_marker = 2;
// The margin that shows each timed turn's time, dimmed; a click plays from there.
constexpr int time_margin = 2;
constexpr int time_margin_style = 40;
constexpr int first_indicator = 8;  // below are the lexers'
constexpr int indicator_count = 24;
constexpr int search_hit_indicator = first_indicator + indicator_count;

inline bool is_timestamp_char(char c) {
    return (c >= '0' && c <= '9') || c == ':' || c == '[' || c == ']' || c == '(' || c == ')' || c == '.';
}

void set_up_transcript_look(wxStyledTextCtrl& editor);

}  // namespace fokus::workbench
