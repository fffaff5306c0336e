#pragma once
// The spellings that OCR and conversion to ASCII make of Danish words
// (internal to search/). Read with an English model, a scanned report gives
// "sygefraveer" for sygefravær, "bgrn" for børn and "rddgiver" for rådgiver;
// a query word stands for these too, ranked below its own forms.
//
// Each æ may be read as ae, ee, ze (eae, aee, eze) or e; each ø as oe, g, 0,
// o or e; each å as aa, d, dd or a; each l as 1 or i (a capital I). The
// readings that are common letters themselves (æ as e, ø as o or e, å as a, l
// as i) are ambiguous: they make real words of short ones ("før" as "for",
// "hør" as "her", "dør" as "der", "måd" as "mad"), so a word they find must be
// at least `shortest_ambiguous_word` letters long, and a prefix shorter than
// `shortest_ambiguous_prefix` finds through them only forms of its word, no
// compounds ("møde*" would find "moderator"). The others ("fgr", "pd",
// "vaere") are tried everywhere. Æ read as a is left out: OCR seldom makes it,
// and it makes real words of many ("være" as "vare", "svær" as "svar",
// "længe" as "lange").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fokus::search::ocr {

constexpr std::size_t shortest_ambiguous_word = 4;
constexpr std::size_t shortest_ambiguous_prefix = 5;
// Spellings tried for one word at most: a word of many æ, ø, å and l would
// otherwise make thousands.
constexpr std::size_t most_spellings = 256;

struct Spelling {
    std::string text;
    bool ambiguous = false;  // made with a reading that is a common letter
};

// The damaged spellings of a case-folded word or stem, without the word
// itself; the ambiguous ones only when asked for.
std::vector<Spelling> damaged_spellings(const std::string& lower, bool ambiguous);

// Letters (code points) of a UTF-8 word.
std::size_t letters_in(std::string_view word);

// Whether a word with æ (or ä) is one that the skeleton of terms.h must not
// stand for written plainly: it would make "a" of the æ.
bool has_ae(std::string_view lower);

}  // namespace fokus::search::ocr
