#pragma once
// Text from another program made into Fokus text (no byte-order mark, "\n"
// line ends, NFC) while keeping track of where each of its code points went,
// so that positions counted in the original land on the same characters.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fokus::importers {

struct MappedText {
    std::string text;  // NFC, "\n" line ends
    // For each code point position 0..n of the original (without its
    // byte-order mark), the position in text. A position inside a character
    // that normalisation composes lands at the start of that character.
    std::vector<std::int64_t> positions;

    std::int64_t original_length() const { return static_cast<std::int64_t>(positions.size()) - 1; }
    std::int64_t map(std::int64_t original) const { return positions.at(static_cast<std::size_t>(original)); }
};

// InputError naming `what` when the bytes are not UTF-8.
MappedText map_text(std::string_view utf8, std::string_view what);

}  // namespace fokus::importers
