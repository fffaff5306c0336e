#include "analysis/cooccurrence.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "coding/error.h"

namespace fokus {
namespace {

// One segment in the role of one item (a coding can stand for a code and a theme).
struct Entry {
    std::size_t item;
    const Segment* segment;
};

bool related(const Segment& earlier, const Segment& later, const CooccurrenceOptions& options) {
    switch (options.relation) {
        case Relation::Overlap: return earlier.span.end > later.span.start;
        case Relation::Inside:
            return earlier.span.end > later.span.start &&
                   (later.span.end <= earlier.span.end ||
                    (earlier.span.start == later.span.start && earlier.span.end <= later.span.end));
        case Relation::Near: return earlier.span.end + options.distance >= later.span.start;
        case Relation::SameTurn: break;
    }
    return false;
}

// Still able to relate to a segment starting at `start` or later?
bool still_active(const Segment& segment, std::int64_t start, const CooccurrenceOptions& options) {
    return options.relation == Relation::Near ? segment.span.end + options.distance >= start : segment.span.end > start;
}

// The items each code stands in, indexed densely by code id.
struct Indexes {
    std::vector<std::vector<std::size_t>> items_of_code;
    const std::vector<std::size_t>& items_of(Id code) const {
        static const std::vector<std::size_t> none;
        return code >= 0 && static_cast<std::size_t>(code) < items_of_code.size() ? items_of_code[static_cast<std::size_t>(code)] : none;
    }
};

Indexes index_items(const std::vector<CodeItem>& items) {
    Indexes indexes;
    for (std::size_t item = 0; item < items.size(); ++item) {
        for (const Id code : items[item].codes) {
            if (code < 0) continue;
            if (static_cast<std::size_t>(code) >= indexes.items_of_code.size()) indexes.items_of_code.resize(static_cast<std::size_t>(code) + 1);
            indexes.items_of_code[static_cast<std::size_t>(code)].push_back(item);
        }
    }
    return indexes;
}

// Calls `pair` for each related pair of entries of different items and
// different codings, document by document; `document_done` after each.
template <class OnPair, class OnDocument>
void sweep(const std::vector<Segment>& segments, const Indexes& indexes, const CooccurrenceOptions& options,
           OnPair&& pair, OnDocument&& document_done) {
    std::vector<Entry> entries;
    std::vector<Entry> active;
    std::size_t at = 0;
    while (at < segments.size()) {
        const Id document = segments[at].document;
        entries.clear();
        for (; at < segments.size() && segments[at].document == document; ++at) {
            for (const auto item : indexes.items_of(segments[at].code)) entries.push_back(Entry{item, &segments[at]});
        }
        if (options.relation == Relation::SameTurn) {
            std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
                return a.segment->turn.value_or(-1) < b.segment->turn.value_or(-1);
            });
            for (std::size_t begin = 0; begin < entries.size();) {
                std::size_t end = begin;
                while (end < entries.size() && entries[end].segment->turn == entries[begin].segment->turn) ++end;
                if (entries[begin].segment->turn) {
                    for (std::size_t a = begin; a < end; ++a) {
                        for (std::size_t b = a + 1; b < end; ++b) {
                            if (entries[a].item != entries[b].item && entries[a].segment != entries[b].segment) {
                                pair(entries[a], entries[b]);
                            }
                        }
                    }
                }
                begin = end;
            }
        } else {
            active.clear();
            for (const auto& entry : entries) {
                const auto start = entry.segment->span.start;
                std::erase_if(active, [&](const Entry& old) { return !still_active(*old.segment, start, options); });
                for (const auto& old : active) {
                    if (old.item != entry.item && old.segment != entry.segment &&
                        related(*old.segment, *entry.segment, options)) {
                        pair(old, entry);
                    }
                }
                active.push_back(entry);
            }
        }
        document_done(entries);
    }
}

}  // namespace

const char* relation_name(Relation relation) {
    switch (relation) {
        case Relation::Overlap: return "overlap";
        case Relation::Inside: return "inside";
        case Relation::SameTurn: return "turn";
        case Relation::Near: return "near";
    }
    return "overlap";
}

Relation parse_relation(const std::string& name) {
    for (const auto relation : {Relation::Overlap, Relation::Inside, Relation::SameTurn, Relation::Near}) {
        if (name == relation_name(relation)) return relation;
    }
    throw InputError("\"" + name + "\" is not a relation; use overlap, inside, turn or near");
}

CooccurrenceMatrix cooccurrence(const std::vector<Segment>& segments, const std::vector<CodeItem>& items,
                                const CooccurrenceOptions& options) {
    const std::size_t n = items.size();
    CooccurrenceMatrix matrix{items, std::vector<std::int64_t>(n), std::vector<std::int64_t>(n),
                              std::vector<CooccurrenceCell>(n * n)};
    const auto indexes = index_items(items);
    // Per document: the cells that occurred, and each segment's part in them,
    // collected in vectors and made unique at the document's end.
    std::vector<std::size_t> cells_in_document;
    std::vector<std::tuple<const Segment*, std::size_t, std::size_t>> segment_roles;
    std::vector<std::pair<std::size_t, std::size_t>> turn_pairs;
    std::optional<Id> current_turn;
    auto count_pair = [&](const Entry& a, const Entry& b) {
        const auto ab = a.item * n + b.item;
        const auto ba = b.item * n + a.item;
        if (options.relation == Relation::SameTurn) {
            // Once per turn: the turn is the unit of co-occurrence.
            if (a.segment->turn != current_turn) {
                current_turn = a.segment->turn;
                turn_pairs.clear();
            }
            const std::pair<std::size_t, std::size_t> key{std::min(a.item, b.item), std::max(a.item, b.item)};
            if (std::find(turn_pairs.begin(), turn_pairs.end(), key) == turn_pairs.end()) {
                turn_pairs.push_back(key);
                ++matrix.cells[ab].pairs;
                ++matrix.cells[ba].pairs;
            }
        } else {
            ++matrix.cells[ab].pairs;
            ++matrix.cells[ba].pairs;
        }
        segment_roles.emplace_back(a.segment, a.item, b.item);
        segment_roles.emplace_back(b.segment, b.item, a.item);
        cells_in_document.push_back(ab);
        cells_in_document.push_back(ba);
    };
    // Which document last counted each item, so each is counted once per document.
    std::vector<std::size_t> last_document_of_item(n, 0);
    std::size_t document_number = 0;
    auto finish_document = [&](const std::vector<Entry>& entries) {
        auto make_unique = [](auto& values) {
            std::sort(values.begin(), values.end());
            values.erase(std::unique(values.begin(), values.end()), values.end());
        };
        make_unique(cells_in_document);
        make_unique(segment_roles);
        for (const auto cell : cells_in_document) ++matrix.cells[cell].documents;
        for (const auto& [segment, item, partner] : segment_roles) {
            ++matrix.cells[item * n + partner].segments;
            ++matrix.cells[partner * n + item].segments;
        }
        ++document_number;
        for (const auto& entry : entries) {
            ++matrix.segment_counts[entry.item];
            if (last_document_of_item[entry.item] != document_number) {
                last_document_of_item[entry.item] = document_number;
                ++matrix.document_counts[entry.item];
            }
        }
        cells_in_document.clear();
        segment_roles.clear();
        current_turn.reset();
    };
    sweep(segments, indexes, options, count_pair, finish_document);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            auto& cell = matrix.cells[i * n + j];
            if (i == j) {
                cell = CooccurrenceCell{matrix.segment_counts[i], matrix.segment_counts[i], matrix.document_counts[i],
                                        matrix.segment_counts[i] > 0 ? 1.0 : 0.0, matrix.segment_counts[i] > 0 ? 1.0 : 0.0};
                continue;
            }
            const auto both = matrix.segment_counts[i] + matrix.segment_counts[j];
            const auto union_count = both - cell.pairs;
            cell.c = cell.pairs == 0 ? 0.0 : union_count <= cell.pairs ? 1.0 : static_cast<double>(cell.pairs) / static_cast<double>(union_count);
            cell.jaccard = both == 0 ? 0.0 : static_cast<double>(cell.segments) / static_cast<double>(both);
        }
    }
    return matrix;
}

std::vector<CooccurrencePair> cooccurring_pairs(const std::vector<Segment>& segments, const CodeItem& row,
                                                const CodeItem& column, const CooccurrenceOptions& options) {
    const std::vector<CodeItem> items = {row, column};
    const auto indexes = index_items(items);
    std::vector<CooccurrencePair> pairs;
    sweep(
        segments, indexes, options,
        [&](const Entry& a, const Entry& b) {
            const auto& first = a.item == 0 ? a : b;
            const auto& second = a.item == 0 ? b : a;
            pairs.push_back({*first.segment, *second.segment});
        },
        [](const std::vector<Entry>&) {});
    return pairs;
}

}  // namespace fokus
