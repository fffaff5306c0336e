#include "search/ocr_spellings.h"

#include <algorithm>
#include <array>

namespace fokus::search::ocr {
namespace {

struct Readings {
    std::string_view letter;
    std::vector<std::string_view> distinct;   // readings no Danish word is made of by chance
    std::vector<std::string_view> ambiguous;  // readings that are common letters themselves
};

const std::array<Readings, 4>& readings() {
    static const std::array<Readings, 4> all = {{
        {"æ", {"ae", "ee", "ze", "eae", "aee", "eze"}, {"e"}},
        {"ø", {"oe", "g", "0"}, {"o", "e"}},
        {"å", {"aa", "d", "dd"}, {"a"}},
        {"l", {"1"}, {"i"}},
    }};
    return all;
}

bool continues_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

std::size_t letters_in(std::string_view word) {
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char byte) { return !continues_character(byte); }));
}

bool has_ae(std::string_view lower) { return lower.find("æ") != std::string_view::npos || lower.find("ä") != std::string_view::npos; }

std::vector<Spelling> damaged_spellings(const std::string& lower, bool ambiguous) {
    // Each spelling made so far, extended character by character.
    std::vector<Spelling> spellings = {Spelling{}};
    for (std::size_t at = 0; at < lower.size();) {
        std::size_t end = at + 1;
        while (end < lower.size() && continues_character(lower[end])) ++end;
        const std::string_view character(lower.data() + at, end - at);
        // The letter as written first, so that a cut keeps the spellings nearest the word.
        std::vector<std::pair<std::string_view, bool>> choices = {{character, false}};
        for (const auto& reading : readings()) {
            if (reading.letter != character) continue;
            for (const auto choice : reading.distinct) choices.emplace_back(choice, false);
            if (ambiguous) {
                for (const auto choice : reading.ambiguous) choices.emplace_back(choice, true);
            }
        }
        std::vector<Spelling> extended;
        for (const auto& spelling : spellings) {
            for (const auto& [choice, is_ambiguous] : choices) {
                if (extended.size() == most_spellings) break;
                extended.push_back(Spelling{spelling.text + std::string(choice), spelling.ambiguous || is_ambiguous});
            }
        }
        spellings = std::move(extended);
        at = end;
    }
    // The first is the word itself; no reading makes it again.
    spellings.erase(spellings.begin());
    return spellings;
}

}  // namespace fokus::search::ocr
