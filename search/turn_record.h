#pragma once
// What each index document carries as its data (internal to search/): where
// the turn is, who speaks, and for every word position the code-point span of
// the word, so that hits map back to exact spans without reading or
// re-tokenising the text at query time. Encoded as variable-length integers.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/types.h"

namespace fokus::search {

struct TurnRecord {
    Id document = 0;
    Id turn = 0;  // 0 for a document without turns, indexed whole
    Span body;    // the speech, without the speaker's label
    std::string speaker;
    // Word i (position i + 1) spans [body.start + start, ... + length).
    struct Word {
        std::uint32_t start = 0;
        std::uint32_t length = 0;
    };
    std::vector<Word> words;

    Span span_of(std::uint32_t first_position, std::uint32_t last_position) const;

    std::string encode() const;
    // Everything but the words, for when only the turn is wanted.
    static TurnRecord decode(std::string_view data, bool with_words = true);
};

}  // namespace fokus::search
