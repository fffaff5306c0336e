#pragma once
// What each index document carries as its data (internal to search/): the
// document's turns, who speaks in each, and where each turn's words sit among
// the index's positions. The words' own spans are not kept: a matching turn
// is split into words again when its hits are shown, as it was when indexed,
// which keeps the index small and quick to write. Encoded as variable-length
// integers.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/error.h"
#include "coding/types.h"

namespace fokus::search {

// What the index holds contradicts itself or the project: a record that
// cannot be read, a word position past the words of its turn.
class DamagedIndexError : public Error {
public:
    using Error::Error;
};

struct IndexedTurn {
    Id turn = 0;  // 0 for a document without turns, indexed whole
    Span body;    // the speech, without the speaker's label
    std::string speaker;
    Id participant = 0;  // 0 when the speaker is no known participant
    // Word i of the speech (from 0) is at position first_position + i.
    std::uint32_t first_position = 0;
    std::uint32_t words = 0;

    std::uint32_t last_position() const { return first_position + words - 1; }
    bool holds(std::uint32_t position) const { return position >= first_position && position - first_position < words; }
};

struct DocumentRecord {
    Id document = 0;
    std::vector<IndexedTurn> turns;  // in document order, and so in position order

    // The turn whose words hold `position`, or nullptr for a gap.
    const IndexedTurn* turn_at(std::uint32_t position) const;
    std::size_t word_count() const;

    std::string encode() const;
    static DocumentRecord decode(std::string_view data);
};

}  // namespace fokus::search
