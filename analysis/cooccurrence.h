#pragma once
// Which codes go together: a code x code matrix over the segments, for the
// relation the researcher chooses. Computed by one sweep over each
// document's segments sorted by start, never by comparing all pairs.
#include <cstdint>
#include <string>
#include <vector>

#include "coding/segments.h"

namespace fokus {

enum class Relation {
    Overlap,   // the spans share at least one character; spans that only touch do not
    Inside,    // one span lies within the other (and so also overlaps)
    SameTurn,  // both start in the same speaker turn; counted once per turn
    Near,      // at most `distance` characters apart; touching and overlapping included
};

const char* relation_name(Relation relation);
// "overlap", "inside", "turn", "near"; InputError otherwise.
Relation parse_relation(const std::string& name);

struct CooccurrenceOptions {
    Relation relation = Relation::Overlap;
    std::int64_t distance = 0;  // for Near
};

// On the diagonal, each count is the item's own: its segments and documents.
//   pairs      co-occurring pairs of segments (for SameTurn: turns holding both)
//   segments   segments of either item that take part in a co-occurrence
//   documents  documents where the two co-occur
//   c          ATLAS.ti's c-coefficient pairs / (n_i + n_j - pairs), capped at 1
//              (a pair count can exceed the segment counts when one segment
//              overlaps several of the other item's)
//   jaccard    segments / (n_i + n_j): of the two items' segments, the share
//              that co-occur
struct CooccurrenceCell {
    std::int64_t pairs = 0;
    std::int64_t segments = 0;
    std::int64_t documents = 0;
    double c = 0;
    double jaccard = 0;
};

struct CooccurrenceMatrix {
    std::vector<CodeItem> items;
    std::vector<std::int64_t> segment_counts;   // n_i
    std::vector<std::int64_t> document_counts;
    std::vector<CooccurrenceCell> cells;        // row-major, items x items
    const CooccurrenceCell& at(std::size_t row, std::size_t column) const { return cells[row * items.size() + column]; }
};

CooccurrenceMatrix cooccurrence(const std::vector<Segment>& segments, const std::vector<CodeItem>& items,
                                const CooccurrenceOptions& options);

// The pairs behind one cell, in document order: the segments that made it.
struct CooccurrencePair {
    Segment first;   // of the row item
    Segment second;  // of the column item
};
std::vector<CooccurrencePair> cooccurring_pairs(const std::vector<Segment>& segments, const CodeItem& row,
                                                const CodeItem& column, const CooccurrenceOptions& options);

}  // namespace fokus
