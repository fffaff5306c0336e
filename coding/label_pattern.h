#pragma once
// Reading a stored action label back into the pattern it was made from, so
// that a face can show it in the user's language: "code with \"Tryghed\""
// matches the pattern `code with "%s"` with the argument `Tryghed`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

// The arguments that fill each "%s" of `pattern` to give `label`, or nothing
// when the label was not made from the pattern. An argument is never empty.
std::optional<std::vector<std::string>> match_label(std::string_view pattern, std::string_view label);

// `pattern` with each "%s" replaced by the next of `arguments`.
std::string fill_label(std::string_view pattern, const std::vector<std::string>& arguments);

}  // namespace fokus
