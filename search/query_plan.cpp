#include "search/query_plan.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "search/ocr_spellings.h"
#include "search/terms.h"

namespace fokus::search {
namespace {

// Spellings of a word found by its skeleton rank below the word itself.
constexpr double alike_weight = 0.5;
// Spellings OCR makes of it rank lower still: "radgiver" is how Danish is
// often typed without æ, ø, å; "rddgiver" is only ever a misreading.
constexpr double damaged_weight = 0.35;
// A word of more index terms than this is found in a document by reading the
// document's term list once rather than asking for each term's positions.
constexpr std::size_t most_terms_looked_up = 32;
// BM25's usual constants.
constexpr double k1 = 1.2, b = 0.75;

Xapian::Query any_of(const std::vector<std::string>& terms, Xapian::Query::op op = Xapian::Query::OP_SYNONYM) {
    return Xapian::Query(op, terms.begin(), terms.end());
}

std::vector<std::string> sorted_unique(std::vector<std::string> terms) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::vector<std::string>& keys) {
    std::vector<std::string> terms;
    for (const auto& key : keys) terms.insert(terms.end(), db.synonyms_begin(key), db.synonyms_end(key));
    return sorted_unique(std::move(terms));
}

bool holds(const std::vector<std::string>& sorted, const std::string& term) {
    return std::binary_search(sorted.begin(), sorted.end(), term);
}

// The index's words that start with one of `spellings`, and of those the
// ones where the part after it fits (`rest_fits(spelling, rest)`), unless
// already among `known` (sorted).
// An ambiguous spelling finds no word shorter than ocr::shortest_ambiguous_word.
template <class RestFits>
std::vector<std::string> words_spelt(const Xapian::Database& db, const std::vector<ocr::Spelling>& spellings,
                                     const std::vector<const std::vector<std::string>*>& known, RestFits&& rest_fits) {
    std::vector<std::string> found;
    for (const auto& spelling : spellings) {
        const auto prefix = terms::word(spelling.text);
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
            const std::string& word_term = *term;
            if (!rest_fits(spelling, std::string_view(word_term).substr(prefix.size()))) continue;
            if (spelling.ambiguous && ocr::letters_in(std::string_view(word_term).substr(1)) < ocr::shortest_ambiguous_word) continue;
            if (std::none_of(known.begin(), known.end(), [&](const auto* terms) { return holds(*terms, word_term); })) {
                found.push_back(word_term);
            }
        }
    }
    return sorted_unique(std::move(found));
}

// Whether an index term is a word written plainly, without æ, ø, å, aa, ae, oe.
bool plain(const std::string& term) {
    const auto word = term.substr(1);
    return terms::skeleton_of(word) == word;
}

WordTerms word_terms(const Xapian::Database& db, const std::string& word, bool exact, bool ocr_spellings) {
    if (exact) return WordTerms{{terms::word(word)}, {}, {}, 0};
    const auto keys = terms::keys_of(word);
    WordTerms result{synonyms_of(db, keys.own), {}, {}, 0};
    for (const auto& term : synonyms_of(db, keys.alike)) {
        // A short word written plainly is likely a word of its own: "for", not "før".
        if (plain(term) && ocr::letters_in(std::string_view(term).substr(1)) < ocr::shortest_ambiguous_word) continue;
        if (!holds(result.own, term)) result.alike.push_back(term);
    }
    if (ocr_spellings) {
        // The stem misread, with whatever makes it a form of the word read
        // right: "sygefraveeret" for sygefraværet, since "sygefravær" + "et"
        // has the stem of sygefravær.
        const auto stem = terms::stem_of(word);
        result.damaged = words_spelt(db, ocr::damaged_spellings(stem, true), {&result.own, &result.alike},
                                     [&](const ocr::Spelling&, std::string_view rest) { return terms::stem_of(stem + std::string(rest)) == stem; });
    }
    return result;
}

WordTerms prefix_terms(const Xapian::Database& db, const std::string& word, bool exact, bool ocr_spellings) {
    const auto keys = terms::prefix_keys(word, exact);
    std::vector<std::string> found;
    for (const auto& prefix : keys.terms) found.insert(found.end(), db.allterms_begin(prefix), db.allterms_end(prefix));
    for (const auto& prefix : keys.keys) {
        for (auto key = db.synonym_keys_begin(prefix); key != db.synonym_keys_end(prefix); ++key) {
            found.insert(found.end(), db.synonyms_begin(*key), db.synonyms_end(*key));
        }
    }
    WordTerms result{sorted_unique(std::move(found)), {}, {}, 0};
    if (ocr_spellings && !exact) {
        // Any word starting with a misreading, compounds too; but a short
        // prefix misread as common letters finds only forms of the word
        // ("ogsa" for også*, not "moderator" for møde*).
        const bool long_prefix = ocr::letters_in(word) >= ocr::shortest_ambiguous_prefix;
        const auto stem = terms::stem_of(word);
        result.damaged = words_spelt(db, ocr::damaged_spellings(word, true), {&result.own}, [&](const ocr::Spelling& spelling, std::string_view rest) {
            return !spelling.ambiguous || long_prefix || terms::stem_of(word + std::string(rest)) == stem;
        });
    }
    return result;
}

double idf_of(const Xapian::Database& db, const WordTerms& terms) {
    const double documents = std::max<double>(1, db.get_doccount());
    double holding = 0;
    for (const auto* list : {&terms.own, &terms.alike, &terms.damaged}) {
        for (const auto& term : *list) holding += db.get_termfreq(term);
    }
    holding = std::min(holding, documents);
    return std::log(1.0 + (documents - holding + 0.5) / (holding + 0.5));
}

std::vector<std::string> every_term(const WordTerms& terms) {
    auto all = terms.own;
    all.insert(all.end(), terms.alike.begin(), terms.alike.end());
    all.insert(all.end(), terms.damaged.begin(), terms.damaged.end());
    return all;
}

std::vector<Xapian::termpos> merged(std::vector<Xapian::termpos> positions) {
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    return positions;
}

void positive_words(const QueryNode& node, std::vector<std::pair<const QueryNode*, std::size_t>>& out) {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
        case Kind::Word:
        case Kind::Prefix: out.emplace_back(&node, 0); break;
        case Kind::Phrase:
            for (std::size_t i = 0; i < node.words.size(); ++i) out.emplace_back(&node, i);
            break;
        case Kind::AndNot: positive_words(*node.children[0], out); break;
        default:
            for (const auto& child : node.children) positive_words(*child, out);
    }
}

std::vector<PositionRange> single_positions(const std::vector<Xapian::termpos>& positions) {
    std::vector<PositionRange> ranges;
    for (const auto position : positions) ranges.push_back({position, position});
    return ranges;
}

std::vector<PositionRange> phrase_ranges(const QueryNode& node, const TurnPositions& turn) {
    std::vector<std::vector<Xapian::termpos>> at;
    for (std::size_t i = 0; i < node.words.size(); ++i) {
        at.push_back(turn.of(node, i));
        if (at.back().empty()) return {};
    }
    std::vector<PositionRange> ranges;
    for (const auto start : at.front()) {
        bool whole = true;
        for (std::size_t i = 1; i < at.size() && whole; ++i) {
            whole = std::binary_search(at[i].begin(), at[i].end(), start + static_cast<Xapian::termpos>(i));
        }
        if (whole) ranges.push_back({start, start + static_cast<Xapian::termpos>(at.size() - 1)});
    }
    return ranges;
}

// Words strictly between two stretches; -1 when they overlap.
long words_between(const PositionRange& a, const PositionRange& b) {
    if (a.last < b.first) return static_cast<long>(b.first - a.last) - 1;
    if (b.last < a.first) return static_cast<long>(a.first - b.last) - 1;
    return -1;
}

// The stretch of `others` (sorted by first word, then last) nearest to
// `anchor` without overlapping it, and the words between them; on a tie the
// earlier one. `by_last` holds the same stretches sorted by last word, then first.
std::optional<std::pair<PositionRange, long>> nearest_apart(const PositionRange& anchor, const std::vector<PositionRange>& others,
                                                            const std::vector<PositionRange>& by_last) {
    std::optional<std::pair<PositionRange, long>> best;
    // Before the anchor: the one ending last, and of those the one starting first.
    const auto ends_before = std::lower_bound(by_last.begin(), by_last.end(), anchor.first,
                                              [](const PositionRange& range, Xapian::termpos first) { return range.last < first; });
    if (ends_before != by_last.begin()) {
        const auto last = std::prev(ends_before)->last;
        const auto first_of_them = std::lower_bound(by_last.begin(), ends_before, last,
                                                    [](const PositionRange& range, Xapian::termpos end) { return range.last < end; });
        best.emplace(*first_of_them, words_between(anchor, *first_of_them));
    }
    // After it: the one starting first, and of those the one ending first.
    const auto starts_after = std::upper_bound(others.begin(), others.end(), anchor.last,
                                               [](Xapian::termpos last, const PositionRange& range) { return last < range.first; });
    if (starts_after != others.end()) {
        const long gap = words_between(anchor, *starts_after);
        if (!best || gap < best->second) best.emplace(*starts_after, gap);
    }
    return best;
}

std::vector<PositionRange> near_ranges(const QueryNode& node, const TurnPositions& turn) {
    std::vector<std::vector<PositionRange>> children, by_last;
    for (const auto& child : node.children) {
        auto ranges = match_turn(*child, turn);
        if (!ranges || ranges->empty()) return {};
        auto sorted = *ranges;
        std::sort(sorted.begin(), sorted.end(), [](const PositionRange& a, const PositionRange& b) {
            return a.last != b.last ? a.last < b.last : a.first < b.first;
        });
        children.push_back(std::move(*ranges));
        by_last.push_back(std::move(sorted));
    }
    // Each stretch of the first operand, with the nearest stretch of every
    // other operand within reach, makes one hit from the first word to the last.
    std::vector<PositionRange> result;
    for (const auto& anchor : children.front()) {
        PositionRange hit = anchor;
        bool reached = true;
        for (std::size_t i = 1; i < children.size() && reached; ++i) {
            const auto nearest = nearest_apart(anchor, children[i], by_last[i]);
            reached = nearest && nearest->second <= node.distance;
            if (reached) hit = {std::min(hit.first, nearest->first.first), std::max(hit.last, nearest->first.last)};
        }
        if (reached) result.push_back(hit);
    }
    return result;
}

}  // namespace

ResolvedQuery::ResolvedQuery(const QueryNode& root, const Xapian::Database& db, bool ocr_spellings) : root_(root) {
    resolve(root, db, ocr_spellings);
    positive_words(root, positive_);
}

void ResolvedQuery::resolve(const QueryNode& node, const Xapian::Database& db, bool ocr_spellings) {
    using Kind = QueryNode::Kind;
    auto add = [&](std::size_t index, WordTerms terms) {
        terms.idf = idf_of(db, terms);
        words_[{&node, index}] = std::move(terms);
    };
    switch (node.kind) {
        case Kind::Word: add(0, word_terms(db, node.words.front(), node.exact, ocr_spellings)); break;
        case Kind::Prefix: add(0, prefix_terms(db, node.words.front(), node.exact, ocr_spellings)); break;
        case Kind::Phrase:
            for (std::size_t i = 0; i < node.words.size(); ++i) add(i, word_terms(db, node.words[i], node.exact, ocr_spellings));
            break;
        default:
            for (const auto& child : node.children) resolve(*child, db, ocr_spellings);
    }
}

Xapian::Query ResolvedQuery::candidates() const { return candidates(root_); }

Xapian::Query ResolvedQuery::candidates(const QueryNode& node) const {
    using Kind = QueryNode::Kind;
    // Positional operators take terms, or terms joined by OR.
    auto positional = [&](Xapian::Query::op op, const std::vector<const WordTerms*>& words, Xapian::termcount window) {
        std::vector<Xapian::Query> groups;
        for (const auto* word : words) {
            const auto all = every_term(*word);
            if (all.empty()) return Xapian::Query(Xapian::Query::MatchNothing);
            groups.push_back(any_of(all, Xapian::Query::OP_OR));
        }
        return Xapian::Query(op, groups.begin(), groups.end(), window);
    };
    switch (node.kind) {
        case Kind::Word:
        case Kind::Prefix: {
            const auto& terms = terms_of(node);
            auto query = any_of(terms.own);
            if (!terms.alike.empty()) query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(alike_weight, any_of(terms.alike)));
            if (!terms.damaged.empty()) query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(damaged_weight, any_of(terms.damaged)));
            return query;
        }
        case Kind::Phrase: {
            std::vector<const WordTerms*> words;
            for (std::size_t i = 0; i < node.words.size(); ++i) words.push_back(&terms_of(node, i));
            return positional(Xapian::Query::OP_PHRASE, words, static_cast<Xapian::termcount>(words.size()));
        }
        case Kind::Near: {
            const bool words_only = std::all_of(node.children.begin(), node.children.end(),
                                                [](const auto& child) { return child->kind == Kind::Word; });
            if (words_only) {
                std::vector<const WordTerms*> words;
                for (const auto& child : node.children) words.push_back(&terms_of(*child));
                // Wide enough for every operand within reach of the first:
                // the words themselves and the gaps on either side.
                const auto count = static_cast<Xapian::termcount>(words.size());
                const Xapian::termcount window = count + (count - 1) * static_cast<Xapian::termcount>(node.distance);
                return positional(Xapian::Query::OP_NEAR, words, window);
            }
            std::vector<Xapian::Query> all;
            for (const auto& child : node.children) all.push_back(candidates(*child));
            return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
        }
        case Kind::And:
            return Xapian::Query(Xapian::Query::OP_AND, candidates(*node.children[0]), candidates(*node.children[1]));
        case Kind::Or:
            return Xapian::Query(Xapian::Query::OP_OR, candidates(*node.children[0]), candidates(*node.children[1]));
        case Kind::AndNot:
            // A document holding the right side may still have turns without
            // it, so only the left side narrows the candidates.
            return candidates(*node.children[0]);
    }
    return Xapian::Query(Xapian::Query::MatchNothing);
}

DocumentPositions::DocumentPositions(const Xapian::Database& db, Xapian::docid id, const ResolvedQuery& query)
    : db_(db), id_(id), query_(query) {}

std::vector<Xapian::termpos> DocumentPositions::positions_of(const std::vector<std::string>& terms) const {
    std::vector<Xapian::termpos> positions;
    if (terms.size() <= most_terms_looked_up) {
        for (const auto& term : terms) {
            positions.insert(positions.end(), db_.positionlist_begin(id_, term), db_.positionlist_end(id_, term));
        }
    } else {
        const std::unordered_set<std::string> wanted(terms.begin(), terms.end());
        const std::string words(1, terms::exact);
        auto term = db_.termlist_begin(id_);
        for (term.skip_to(words); term != db_.termlist_end(id_) && std::string_view(*term).starts_with(words); ++term) {
            if (wanted.count(*term) != 0) positions.insert(positions.end(), term.positionlist_begin(), term.positionlist_end());
        }
    }
    return terms.size() == 1 ? positions : merged(std::move(positions));
}

const DocumentPositions::Found& DocumentPositions::of(const QueryNode& node, std::size_t index) const {
    const auto key = std::make_pair(&node, index);
    if (const auto known = found_.find(key); known != found_.end()) return known->second;
    const auto& terms = query_.terms_of(node, index);
    Found found;
    found.all = positions_of(terms.own);
    // The positions of `other` spellings not already found, added to all.
    auto add_other = [&](const std::vector<std::string>& other, std::vector<Xapian::termpos>& only_other) {
        if (other.empty()) return;
        const auto positions = positions_of(other);
        std::set_difference(positions.begin(), positions.end(), found.all.begin(), found.all.end(), std::back_inserter(only_other));
        auto all = std::move(found.all);
        found.all.clear();
        std::merge(all.begin(), all.end(), only_other.begin(), only_other.end(), std::back_inserter(found.all));
    };
    add_other(terms.alike, found.alike);
    add_other(terms.damaged, found.damaged);
    return found_.emplace(key, std::move(found)).first->second;
}

std::span<const Xapian::termpos> TurnPositions::within(const std::vector<Xapian::termpos>& positions) const {
    if (turn_.words == 0) return {};
    const auto from = std::lower_bound(positions.begin(), positions.end(), turn_.first_position);
    const auto to = std::upper_bound(from, positions.end(), turn_.last_position());
    return {from, to};
}

std::vector<Xapian::termpos> TurnPositions::of(const QueryNode& node, std::size_t index) const {
    const auto found = within(document_.of(node, index).all);
    return {found.begin(), found.end()};
}

double TurnPositions::weighted_count(const QueryNode& node, std::size_t index) const {
    const auto& found = document_.of(node, index);
    const auto alike = static_cast<double>(within(found.alike).size());
    const auto damaged = static_cast<double>(within(found.damaged).size());
    return static_cast<double>(within(found.all).size()) - alike - damaged + alike_weight * alike + damaged_weight * damaged;
}

std::optional<std::vector<PositionRange>> match_turn(const QueryNode& node, const TurnPositions& turn) {
    using Kind = QueryNode::Kind;
    std::vector<PositionRange> ranges;
    switch (node.kind) {
        case Kind::Word:
        case Kind::Prefix: ranges = single_positions(turn.of(node)); break;
        case Kind::Phrase: ranges = phrase_ranges(node, turn); break;
        case Kind::Near: ranges = near_ranges(node, turn); break;
        case Kind::And: {
            auto left = match_turn(*node.children[0], turn);
            if (!left) return std::nullopt;
            auto right = match_turn(*node.children[1], turn);
            if (!right) return std::nullopt;
            ranges = std::move(*left);
            ranges.insert(ranges.end(), right->begin(), right->end());
            break;
        }
        case Kind::Or: {
            auto left = match_turn(*node.children[0], turn);
            auto right = match_turn(*node.children[1], turn);
            if (!left && !right) return std::nullopt;
            if (left) ranges = std::move(*left);
            if (right) ranges.insert(ranges.end(), right->begin(), right->end());
            break;
        }
        case Kind::AndNot: {
            auto left = match_turn(*node.children[0], turn);
            if (!left || match_turn(*node.children[1], turn)) return std::nullopt;
            ranges = std::move(*left);
            break;
        }
    }
    if (ranges.empty()) return std::nullopt;
    std::sort(ranges.begin(), ranges.end(), [](const PositionRange& a, const PositionRange& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    });
    ranges.erase(std::unique(ranges.begin(), ranges.end()), ranges.end());
    return ranges;
}

double turn_score(const TurnPositions& turn, double mean_turn_words) {
    const double length_ratio = mean_turn_words > 0 ? static_cast<double>(turn.turn().words) / mean_turn_words : 1.0;
    double score = 0;
    for (const auto& [node, index] : turn.query().words()) {
        const double count = turn.weighted_count(*node, index);
        if (count == 0) continue;
        score += turn.query().terms_of(*node, index).idf * count * (k1 + 1) / (count + k1 * (1 - b + b * length_ratio));
    }
    return score;
}

}  // namespace fokus::search
