#include "timeline.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace fokus {
namespace {

// Rounded to the nearest whole, halves away from zero: the same answer on every machine.
std::int64_t interpolate(std::int64_t x, std::int64_t x0, std::int64_t x1, std::int64_t y0, std::int64_t y1) {
    if (x1 == x0) return y0;
    const auto numerator = (x - x0) * (y1 - y0);
    const auto span = x1 - x0;
    const auto whole = numerator / span;
    const auto rest = numerator % span;
    return y0 + whole + (2 * (rest < 0 ? -rest : rest) >= span ? (numerator < 0 ? -1 : 1) : 0);
}

}  // namespace

Timeline::Timeline(std::vector<TimeAnchor> anchors, std::int64_t length, std::optional<std::int64_t> duration_ms) {
    std::stable_sort(anchors.begin(), anchors.end(),
                     [](const TimeAnchor& a, const TimeAnchor& b) { return a.position < b.position; });
    for (const auto& anchor : anchors) {
        if (!anchors_.empty() && (anchor.position == anchors_.back().position || anchor.time_ms < anchors_.back().time_ms)) continue;
        anchors_.push_back(anchor);
    }
    if (!anchors_.empty() && duration_ms && length > anchors_.back().position && *duration_ms >= anchors_.back().time_ms) {
        anchors_.push_back(TimeAnchor{length, *duration_ms});
    }
}

std::optional<std::int64_t> Timeline::time_at(std::int64_t position) const {
    if (anchors_.empty()) return std::nullopt;
    if (position <= anchors_.front().position) return anchors_.front().time_ms;
    if (position >= anchors_.back().position) return anchors_.back().time_ms;
    const auto after = std::upper_bound(anchors_.begin(), anchors_.end(), position,
                                        [](std::int64_t p, const TimeAnchor& a) { return p < a.position; });
    const auto& b = *after;
    const auto& a = *(after - 1);
    return interpolate(position, a.position, b.position, a.time_ms, b.time_ms);
}

std::optional<std::int64_t> Timeline::position_at(std::int64_t time_ms) const {
    if (anchors_.empty()) return std::nullopt;
    if (time_ms <= anchors_.front().time_ms) return anchors_.front().position;
    if (time_ms >= anchors_.back().time_ms) {
        // The last of the anchors heard at that time (several may share it).
        return anchors_.back().position;
    }
    // The first anchor heard after time_ms, and the one before it.
    const auto after = std::upper_bound(anchors_.begin(), anchors_.end(), time_ms,
                                        [](std::int64_t t, const TimeAnchor& a) { return t < a.time_ms; });
    const auto& b = *after;
    const auto& a = *(after - 1);
    return interpolate(time_ms, a.time_ms, b.time_ms, a.position, b.position);
}

std::string format_time(std::int64_t time_ms) {
    const auto seconds = std::max<std::int64_t>(0, time_ms) / 1000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    return buffer;
}

std::optional<std::int64_t> parse_time(std::string_view text) {
    std::vector<std::int64_t> fields{0};
    std::int64_t fraction = 0, fraction_digits = 0;
    bool in_fraction = false, digit_seen = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digit_seen = true;
            if (in_fraction) {
                if (fraction_digits < 3) fraction = fraction * 10 + (c - '0'), ++fraction_digits;
            } else {
                fields.back() = fields.back() * 10 + (c - '0');
                if (fields.back() > 1'000'000'000) return std::nullopt;
            }
        } else if (c == ':' && !in_fraction && digit_seen) {
            fields.push_back(0);
            digit_seen = false;
        } else if ((c == '.' || c == ',') && !in_fraction && digit_seen) {
            in_fraction = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digit_seen || fields.size() > 3) return std::nullopt;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        if (fields[i] >= 60) return std::nullopt;
    }
    while (fraction_digits < 3) fraction *= 10, ++fraction_digits;
    std::int64_t seconds = 0;
    for (const auto field : fields) seconds = seconds * 60 + field;
    return seconds * 1000 + fraction;
}

}  // namespace fokus
