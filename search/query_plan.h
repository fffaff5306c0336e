#pragma once
// From a parsed query to Xapian, and back from a matching turn to the word
// positions that match (internal to search/).
//
// Xapian finds the candidate turns. Its positional operators take only plain
// terms, so phrases and NEAR over words with several spellings become an OR
// of positional queries over the combinations, and where those would be too
// many (or NEAR joins prefixes or phrases) the candidates are turns holding
// all the words. Every candidate is then checked by match_turn(), which works
// on the turn's own positions and is the single definition of what a hit is.
#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "search/query.h"

namespace fokus::search {

struct QueryPlan {
    Xapian::Query query;
    bool precise = true;  // the candidates are exactly the turns that match
};

QueryPlan plan_query(const QueryNode& node);

// Word positions (from 1) of a stretch of matching words.
struct PositionRange {
    Xapian::termpos first = 0;
    Xapian::termpos last = 0;
    friend bool operator==(const PositionRange&, const PositionRange&) = default;
};

// The positions of terms in one index document.
class TurnTerms {
public:
    TurnTerms(const Xapian::Database& db, Xapian::docid id) : db_(db), id_(id) {}
    // Sorted, without repeats.
    std::vector<Xapian::termpos> positions_of(const std::vector<std::string>& terms) const;
    std::vector<Xapian::termpos> positions_with_prefix(const std::vector<std::string>& prefixes) const;

private:
    const Xapian::Database& db_;
    Xapian::docid id_;
};

// The stretches of the turn that the query's positive parts match, in order;
// nullopt when the turn does not match the query at all.
std::optional<std::vector<PositionRange>> match_turn(const QueryNode& node, const TurnTerms& turn);

}  // namespace fokus::search
