#include "search/terms.h"

#include <xapian.h>

#include <algorithm>

namespace fokus::search::terms {
namespace {

constexpr std::size_t longest_term = 240;

const Xapian::Stem& danish_stemmer() {
    thread_local const Xapian::Stem stemmer("danish");
    return stemmer;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

void add_unique(std::vector<std::string>& terms, std::string term) {
    if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
}

}  // namespace

std::string bounded(std::string term) {
    if (term.size() <= longest_term) return term;
    std::size_t cut = longest_term;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    term.resize(cut);
    return term;
}

std::string skeleton_of(const std::string& lower) {
    std::string result = lower;
    for (const auto* letter : {"æ", "ä", "å"}) replace_all(result, letter, "a");
    for (const auto* letter : {"ø", "ö"}) replace_all(result, letter, "o");
    // After the letters, so that "åa" and "aa" both end as "a".
    replace_all(result, "aa", "a");
    replace_all(result, "ae", "a");
    replace_all(result, "oe", "o");
    return result;
}

std::string stem_of(const std::string& lower) { return danish_stemmer()(lower); }

std::vector<std::string> of_word(const std::string& lower) {
    std::vector<std::string> result = {bounded(exact + lower), bounded(stem + stem_of(lower))};
    const auto folded = skeleton_of(lower);
    if (folded != lower) {
        result.push_back(bounded(skeleton_stem + stem_of(folded)));
        result.push_back(bounded(skeleton + folded));
    }
    return result;
}

std::vector<std::string> WordLookup::all() const {
    std::vector<std::string> result = {own};
    result.insert(result.end(), alike.begin(), alike.end());
    return result;
}

WordLookup lookup(const std::string& lower, bool exact_only) {
    if (exact_only) return WordLookup{bounded(exact + lower), {}};
    WordLookup result{bounded(stem + stem_of(lower)), {}};
    const auto folded_stem = stem_of(skeleton_of(lower));
    for (auto term : {bounded(skeleton_stem + folded_stem), bounded(stem + folded_stem)}) {
        if (term != result.own) add_unique(result.alike, std::move(term));
    }
    return result;
}

std::vector<std::string> prefix_patterns(const std::string& lower, bool exact_only) {
    std::vector<std::string> result = {bounded(exact + lower)};
    if (exact_only) return result;
    const auto folded = skeleton_of(lower);
    add_unique(result, bounded(exact + folded));
    add_unique(result, bounded(skeleton + folded));
    return result;
}

std::string document(Id id) { return "D" + std::to_string(id); }
std::string turn(Id document, Id turn) { return "Q" + std::to_string(document) + "-" + std::to_string(turn); }
std::string speaker(const std::string& label) { return bounded("S" + label); }
std::string document_attribute(const std::string& name, const std::string& value) { return bounded("A" + name + "=" + value); }
std::string participant_attribute(const std::string& name, const std::string& value) {
    return bounded("P" + name + "=" + value);
}
std::string code(Id id) { return "C" + std::to_string(id); }
std::string coder(Id id) { return "K" + std::to_string(id); }
std::string code_by_coder(Id code, Id coder) { return "B" + std::to_string(code) + "/" + std::to_string(coder); }

}  // namespace fokus::search::terms
