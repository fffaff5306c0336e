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
    // The same for positions counted with each CRLF as one character, as some
    // writers count them; empty when the original has no CRLF.
    std::vector<std::int64_t> positions_crlf_as_one;
    // The original positions (CRLF counted as two) that fall between a CR and its LF.
    std::vector<std::int64_t> inside_crlf;

    bool has_crlf() const { return !inside_crlf.empty(); }
    const std::vector<std::int64_t>& counted(bool crlf_as_one) const {
        return crlf_as_one && has_crlf() ? positions_crlf_as_one : positions;
    }
    std::int64_t original_length(bool crlf_as_one = false) const {
        return static_cast<std::int64_t>(counted(crlf_as_one).size()) - 1;
    }
    std::int64_t map(std::int64_t original, bool crlf_as_one = false) const {
        return counted(crlf_as_one).at(static_cast<std::size_t>(original));
    }
};

// InputError naming `what` when the bytes are not UTF-8.
MappedText map_text(std::string_view utf8, std::string_view what);

}  // namespace fokus::importers
