#pragma once
// The query language: words, "exact phrases", prefix*, AND/OR/NOT (also
// OG/ELLER/IKKE), NEAR/n and parentheses; words side by side mean AND.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "search/danish.h"

namespace Xapian {
class Query;
}

namespace fokus::search {

struct QueryNode {
    enum class Kind { Word, Prefix, Phrase, And, Or, AndNot, Near };
    Kind kind = Kind::Word;
    std::vector<std::string> words;  // Word/Prefix: one; Phrase: several (case-folded)
    bool exact = false;              // typed in quotes: only what was typed
    int distance = 0;                // Near
    std::vector<std::unique_ptr<QueryNode>> children;
};

// InputError naming the problem and its position for malformed queries.
std::unique_ptr<QueryNode> parse_query(std::string_view text, bool exact_words = false);

// The Xapian query for a parsed query.
Xapian::Query to_xapian(const QueryNode& node);

// Spans of the tokens (or phrases) of a text that the query's positive
// terms match, for hits in context.
std::vector<Span> matching_spans(const QueryNode& node, const std::vector<Token>& tokens);

}  // namespace fokus::search
