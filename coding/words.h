#pragma once
// Words as a Danish reader counts them, found with ICU word breaking.
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus::text {

// The code-point spans of the words (letters or numbers) of a UTF-8 text.
std::vector<Span> word_spans(std::string_view utf8);

}  // namespace fokus::text
