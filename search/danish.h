#pragma once
// Danish words as the index sees them: ICU word breaking, case folding,
// Snowball stems, and folded forms so that "radgiver" and "raadgiver" also
// find "rådgiver".
#include <string>
#include <string_view>
#include <vector>

#include "coding/types.h"

namespace fokus::search {

struct Token {
    Span span;          // code points in the text tokenised
    std::string lower;  // case-folded
};

// Words and numbers; punctuation, brackets and spaces are not tokens.
std::vector<Token> tokenize(std::string_view utf8);

// The terms of one word. Exact: "X" + lower; stemmed: "Z" + stem; folded
// stems (æ→ae, ø→oe, å→aa, and æ→a, ø→o, å→a): "Y" + stem of each.
std::string exact_term(const std::string& lower);
std::string stem_term(const std::string& lower);
std::vector<std::string> folded_terms(const std::string& lower);

}  // namespace fokus::search
