#pragma once
// Where in a recording each place of a transcript is heard, and the other way
// round. Known times (turn starts from cues or timestamps, sync points marked
// while listening) anchor the text to the recording; between two anchors time
// runs evenly with the text. A pure function of its anchors: no project, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

struct TimeAnchor {
    std::int64_t position = 0;  // code point
    std::int64_t time_ms = 0;
};

class Timeline {
public:
    // Anchors in any order. One that would make time run backwards (a later
    // place heard earlier than an anchor before it) is left out, as is a
    // second anchor at the same place. `length` and `duration_ms`, when
    // known, anchor the end of the text to the end of the recording.
    Timeline(std::vector<TimeAnchor> anchors, std::int64_t length, std::optional<std::int64_t> duration_ms);

    bool empty() const { return anchors_.empty(); }
    const std::vector<TimeAnchor>& anchors() const { return anchors_; }

    // The time `position` is heard: interpolated between the anchors around
    // it; before the first anchor, that anchor's time; after the last, its
    // time (or interpolated to the recording's end). None without anchors.
    std::optional<std::int64_t> time_at(std::int64_t position) const;
    // The place heard at `time_ms`: the inverse of time_at, the first place
    // of a stretch that takes no time. None without anchors.
    std::optional<std::int64_t> position_at(std::int64_t time_ms) const;

private:
    std::vector<TimeAnchor> anchors_;  // rising in position, never falling in time
};

// "00:12:34" (hours always shown), as transcripts write a leading timestamp.
std::string format_time(std::int64_t time_ms);
// "1:02:03", "00:12:34.500", "12:34" or "754.5" (seconds) in milliseconds; none for anything else.
std::optional<std::int64_t> parse_time(std::string_view text);

}  // namespace fokus
