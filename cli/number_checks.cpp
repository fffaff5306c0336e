#include "cli/number_checks.h"

#include <charconv>
#include <string>

namespace fokus::cli {

CLI::Validator whole_number_from(long long least) {
    const std::string wanted = "a whole number of " + std::to_string(least) + " or more";
    return CLI::Validator(
        [least, wanted](std::string& input) -> std::string {
            long long value = 0;
            const auto* end = input.data() + input.size();
            const auto [stop, error] = std::from_chars(input.data(), end, value);
            if (error != std::errc() || stop != end || value < least) return "\"" + input + "\" is not " + wanted;
            return {};
        },
        "", "whole number");
}

}  // namespace fokus::cli
