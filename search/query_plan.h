#pragma once
// From a parsed query to Xapian, and back from a matching document to the
// word positions of each turn that match (internal to search/).
//
// Each word of the query stands for the index terms of the words it finds,
// looked up once in the lexicon (stems, spellings without æ, ø, å, prefixes)
// and the index's words (the spellings OCR makes of it, ocr_spellings.h).
// Xapian then finds the candidate documents: every document that could hold
// a matching turn, ranked. Each candidate's turns are checked by match_turn(),
// which works on the turn's own positions and is the single definition of
// what a hit is: all words of AND, the phrase, the NEAR and the NOT within
// one speaker's turn.
#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "search/document_record.h"
#include "search/query.h"

namespace fokus::search {

// The index terms one word of the query finds.
struct WordTerms {
    std::vector<std::string> own;      // its own forms: full weight
    std::vector<std::string> alike;    // spellings found by the skeleton: half weight
    std::vector<std::string> damaged;  // spellings OCR makes (search/ocr_spellings.h): lower still
    double idf = 0;                    // how rare, for ranking turns
};

class ResolvedQuery {
public:
    // With `ocr_spellings`, words not taken exactly also find the spellings
    // OCR makes of them.
    ResolvedQuery(const QueryNode& root, const Xapian::Database& db, bool ocr_spellings = true);

    const QueryNode& root() const { return root_; }
    // The word `index` of a Word, Prefix (0) or Phrase node.
    const WordTerms& terms_of(const QueryNode& node, std::size_t index = 0) const { return words_.at({&node, index}); }
    // Every (node, word) of the query's positive parts (not what NOT leaves out).
    const std::vector<std::pair<const QueryNode*, std::size_t>>& words() const { return positive_; }
    // The documents that may hold a matching turn.
    Xapian::Query candidates() const;

private:
    Xapian::Query candidates(const QueryNode& node) const;
    void resolve(const QueryNode& node, const Xapian::Database& db, bool ocr_spellings);

    const QueryNode& root_;
    std::map<std::pair<const QueryNode*, std::size_t>, WordTerms> words_;
    std::vector<std::pair<const QueryNode*, std::size_t>> positive_;
};

// Word positions (from 1) of a stretch of matching words.
struct PositionRange {
    Xapian::termpos first = 0;
    Xapian::termpos last = 0;
    friend bool operator==(const PositionRange&, const PositionRange&) = default;
};

// Where the query's words are in one index document, read once each.
class DocumentPositions {
public:
    DocumentPositions(const Xapian::Database& db, Xapian::docid id, const ResolvedQuery& query);

    struct Found {
        std::vector<Xapian::termpos> all;    // sorted, without repeats
        std::vector<Xapian::termpos> alike;  // those only of spellings found by the skeleton
        std::vector<Xapian::termpos> damaged;  // those only of spellings OCR makes
    };
    const Found& of(const QueryNode& node, std::size_t index = 0) const;
    const ResolvedQuery& query() const { return query_; }

private:
    std::vector<Xapian::termpos> positions_of(const std::vector<std::string>& terms) const;

    const Xapian::Database& db_;
    Xapian::docid id_;
    const ResolvedQuery& query_;
    mutable std::map<std::pair<const QueryNode*, std::size_t>, Found> found_;
};

// One turn of a document, seen through the document's positions.
class TurnPositions {
public:
    TurnPositions(const DocumentPositions& document, const IndexedTurn& turn) : document_(document), turn_(turn) {}
    // Sorted positions of the word within the turn.
    std::vector<Xapian::termpos> of(const QueryNode& node, std::size_t index = 0) const;
    // Occurrences of every word of the query, other spellings weighing less.
    double weighted_count(const QueryNode& node, std::size_t index) const;
    const IndexedTurn& turn() const { return turn_; }
    const ResolvedQuery& query() const { return document_.query(); }

private:
    // The part of a document's sorted positions that lies in the turn.
    std::span<const Xapian::termpos> within(const std::vector<Xapian::termpos>& positions) const;

    const DocumentPositions& document_;
    const IndexedTurn& turn_;
};

// The stretches of the turn that the query's positive parts match, in order;
// nullopt when the turn does not match the query at all.
std::optional<std::vector<PositionRange>> match_turn(const QueryNode& node, const TurnPositions& turn);

// BM25 over the turn: its length against the document's mean turn length.
double turn_score(const TurnPositions& turn, double mean_turn_words);

}  // namespace fokus::search
