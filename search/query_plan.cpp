#include "search/query_plan.h"

#include <algorithm>

#include "search/terms.h"

namespace fokus::search {
namespace {

// More combinations than this and a phrase or NEAR is checked per turn instead.
constexpr std::size_t most_positional_combinations = 64;
// Spellings of a word found by its skeleton rank below the word itself.
constexpr double alike_weight = 0.5;

Xapian::Query any_of(const std::vector<Xapian::Query>& queries, Xapian::Query::op op = Xapian::Query::OP_OR) {
    if (queries.size() == 1) return queries.front();
    return Xapian::Query(op, queries.begin(), queries.end());
}

Xapian::Query terms_query(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> queries(terms.begin(), terms.end());
    return any_of(queries, Xapian::Query::OP_SYNONYM);
}

Xapian::Query word_query(const std::string& word, bool exact) {
    const auto lookup = terms::lookup(word, exact);
    if (lookup.alike.empty()) return Xapian::Query(lookup.own);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(lookup.own),
                         Xapian::Query(alike_weight, terms_query(lookup.alike)));
}

Xapian::Query prefix_query(const std::string& word, bool exact) {
    std::vector<Xapian::Query> wildcards;
    for (const auto& pattern : terms::prefix_patterns(word, exact)) wildcards.emplace_back(Xapian::Query::OP_WILDCARD, pattern);
    return any_of(wildcards);
}

// One positional query per combination of the words' spellings; nullopt when
// there would be too many.
std::optional<Xapian::Query> positional(Xapian::Query::op op, const std::vector<std::vector<std::string>>& alternatives,
                                        Xapian::termcount window) {
    std::size_t combinations = 1;
    for (const auto& terms : alternatives) {
        combinations *= terms.size();
        if (combinations > most_positional_combinations) return std::nullopt;
    }
    std::vector<Xapian::Query> queries;
    std::vector<std::size_t> choice(alternatives.size(), 0);
    while (true) {
        std::vector<Xapian::Query> leaves;
        for (std::size_t i = 0; i < alternatives.size(); ++i) leaves.emplace_back(alternatives[i][choice[i]]);
        queries.emplace_back(op, leaves.begin(), leaves.end(), window);
        std::size_t i = 0;
        while (i < choice.size() && ++choice[i] == alternatives[i].size()) choice[i++] = 0;
        if (i == choice.size()) break;
    }
    return any_of(queries);
}

std::vector<Xapian::termpos> merged(std::vector<Xapian::termpos> positions) {
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    return positions;
}

std::vector<PositionRange> single_positions(const std::vector<Xapian::termpos>& positions) {
    std::vector<PositionRange> ranges;
    for (const auto position : positions) ranges.push_back({position, position});
    return ranges;
}

std::vector<PositionRange> phrase_ranges(const QueryNode& node, const TurnTerms& turn) {
    std::vector<std::vector<Xapian::termpos>> at;
    for (const auto& word : node.words) {
        at.push_back(turn.positions_of(terms::lookup(word, node.exact).all()));
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

std::vector<PositionRange> near_ranges(const QueryNode& node, const TurnTerms& turn) {
    std::vector<std::vector<PositionRange>> children;
    for (const auto& child : node.children) {
        auto ranges = match_turn(*child, turn);
        if (!ranges || ranges->empty()) return {};
        children.push_back(std::move(*ranges));
    }
    // Each stretch of the first operand, with the nearest stretch of every
    // other operand within reach, makes one hit from the first word to the last.
    std::vector<PositionRange> result;
    for (const auto& anchor : children.front()) {
        PositionRange hit = anchor;
        bool reached = true;
        for (std::size_t i = 1; i < children.size() && reached; ++i) {
            long nearest = -1;
            const PositionRange* best = nullptr;
            for (const auto& other : children[i]) {
                const long gap = words_between(anchor, other);
                if (gap >= 0 && (best == nullptr || gap < nearest)) {
                    nearest = gap;
                    best = &other;
                }
            }
            reached = best != nullptr && nearest <= node.distance;
            if (reached) hit = {std::min(hit.first, best->first), std::max(hit.last, best->last)};
        }
        if (reached) result.push_back(hit);
    }
    return result;
}

}  // namespace

QueryPlan plan_query(const QueryNode& node) {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
        case Kind::Word: return {word_query(node.words.front(), node.exact), true};
        case Kind::Prefix: return {prefix_query(node.words.front(), node.exact), true};
        case Kind::Phrase: {
            std::vector<std::vector<std::string>> alternatives;
            for (const auto& word : node.words) alternatives.push_back(terms::lookup(word, node.exact).all());
            if (auto query = positional(Xapian::Query::OP_PHRASE, alternatives, static_cast<Xapian::termcount>(node.words.size()))) {
                return {*query, true};
            }
            std::vector<Xapian::Query> all;
            for (const auto& word : node.words) all.push_back(word_query(word, node.exact));
            return {any_of(all, Xapian::Query::OP_AND), false};
        }
        case Kind::Near: {
            const bool words_only = std::all_of(node.children.begin(), node.children.end(),
                                                [](const auto& child) { return child->kind == Kind::Word; });
            if (words_only) {
                std::vector<std::vector<std::string>> alternatives;
                for (const auto& child : node.children) alternatives.push_back(terms::lookup(child->words.front(), child->exact).all());
                // Wide enough for every operand within reach of the first:
                // the words themselves and the gaps on either side.
                const auto count = static_cast<Xapian::termcount>(node.children.size());
                const Xapian::termcount window = count + (count - 1) * static_cast<Xapian::termcount>(node.distance);
                if (auto query = positional(Xapian::Query::OP_NEAR, alternatives, window)) return {*query, count == 2};
            }
            std::vector<Xapian::Query> all;
            for (const auto& child : node.children) all.push_back(plan_query(*child).query);
            return {any_of(all, Xapian::Query::OP_AND), false};
        }
        case Kind::And:
        case Kind::Or: {
            const auto left = plan_query(*node.children[0]);
            const auto right = plan_query(*node.children[1]);
            const auto op = node.kind == Kind::And ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
            return {Xapian::Query(op, left.query, right.query), left.precise && right.precise};
        }
        case Kind::AndNot: {
            const auto left = plan_query(*node.children[0]);
            const auto right = plan_query(*node.children[1]);
            // Leaving out turns that only might match the right side would
            // lose hits; those are left to match_turn.
            if (!right.precise) return {left.query, false};
            return {Xapian::Query(Xapian::Query::OP_AND_NOT, left.query, right.query), left.precise};
        }
    }
    return {};
}

std::vector<Xapian::termpos> TurnTerms::positions_of(const std::vector<std::string>& terms) const {
    std::vector<Xapian::termpos> positions;
    for (const auto& term : terms) {
        positions.insert(positions.end(), db_.positionlist_begin(id_, term), db_.positionlist_end(id_, term));
    }
    return terms.size() == 1 ? positions : merged(std::move(positions));
}

std::vector<Xapian::termpos> TurnTerms::positions_with_prefix(const std::vector<std::string>& prefixes) const {
    std::vector<std::string> found;
    for (const auto& prefix : prefixes) {
        auto term = db_.termlist_begin(id_);
        term.skip_to(prefix);
        for (; term != db_.termlist_end(id_) && std::string_view(*term).starts_with(prefix); ++term) found.push_back(*term);
    }
    return merged(positions_of(found));
}

std::optional<std::vector<PositionRange>> match_turn(const QueryNode& node, const TurnTerms& turn) {
    using Kind = QueryNode::Kind;
    std::vector<PositionRange> ranges;
    switch (node.kind) {
        case Kind::Word: ranges = single_positions(turn.positions_of(terms::lookup(node.words.front(), node.exact).all())); break;
        case Kind::Prefix:
            ranges = single_positions(turn.positions_with_prefix(terms::prefix_patterns(node.words.front(), node.exact)));
            break;
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

}  // namespace fokus::search
