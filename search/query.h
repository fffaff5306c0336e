#pragma once
// The query language, parsed by our own parser over ICU words so that Danish
// letters are words like any other:
//   rådgiver            the word in any inflection (Snowball stem), also when
//                       spelt radgiver or raadgiver (and the reverse)
//   "faglig tryghed"    exactly these words, in this order, as written
//   medarbejder*        words starting so (also spelt without æ, ø, å)
//   a AND b, a b        both in one turn (OG)
//   a OR b              either (ELLER)
//   a NOT b             a in turns without b (IKKE)
//   a NEAR/5 b          a and b in one turn with at most 5 words between (NEAR: 10)
//   ( ... )             grouping; NEAR binds tighter than AND, AND than OR
// Operators are recognised in capitals only, so "og" and "ikke" stay words.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fokus::search {

struct QueryNode {
    enum class Kind { Word, Prefix, Phrase, And, Or, AndNot, Near };
    Kind kind = Kind::Word;
    std::vector<std::string> words;  // Word, Prefix: one; Phrase: several (case-folded)
    bool exact = false;              // only the words as written
    int distance = 0;                // Near: most words between
    std::vector<std::unique_ptr<QueryNode>> children;
};

// InputError naming the problem and its position (in characters, from 1)
// for a malformed query. With `exact_words`, every word is taken as written.
std::unique_ptr<QueryNode> parse_query(std::string_view text, bool exact_words = false);

}  // namespace fokus::search
