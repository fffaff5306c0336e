#include "label_pattern.h"

namespace fokus {
namespace {

// Matches pattern[p..] against label[l..], filling `arguments`; the shortest
// argument first, backtracking when the rest does not fit.
bool match_from(std::string_view pattern, std::string_view label, std::vector<std::string>& arguments) {
    const auto hole = pattern.find("%s");
    if (hole == std::string_view::npos) return pattern == label;
    if (label.substr(0, hole) != pattern.substr(0, hole)) return false;
    const auto rest_pattern = pattern.substr(hole + 2);
    const auto rest_label = label.substr(hole);
    for (std::size_t length = 1; length <= rest_label.size(); ++length) {
        arguments.emplace_back(rest_label.substr(0, length));
        if (match_from(rest_pattern, rest_label.substr(length), arguments)) return true;
        arguments.pop_back();
    }
    return false;
}

}  // namespace

std::optional<std::vector<std::string>> match_label(std::string_view pattern, std::string_view label) {
    std::vector<std::string> arguments;
    if (!match_from(pattern, label, arguments)) return std::nullopt;
    return arguments;
}

std::string fill_label(std::string_view pattern, const std::vector<std::string>& arguments) {
    std::string filled;
    std::size_t next = 0;
    for (std::size_t at = 0; at < pattern.size(); ++at) {
        if (pattern.compare(at, 2, "%s") == 0 && next < arguments.size()) {
            filled += arguments[next++];
            ++at;
        } else {
            filled += pattern[at];
        }
    }
    return filled;
}

}  // namespace fokus
