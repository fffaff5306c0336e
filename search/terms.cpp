#include "search/terms.h"

#include <xapian.h>

#include <algorithm>
#include <string_view>

#include "search/ocr_spellings.h"

namespace fokus::search::terms {
namespace {

constexpr std::size_t longest_term = 240;

const Xapian::Stem& danish_stemmer() {
    thread_local const Xapian::Stem stemmer("danish");
    return stemmer;
}

// Each `from`, left to right and not overlapping, replaced by `to`, in one
// pass: replacing in place would move the rest of the text at every match.
std::string replaced(const std::string& text, std::string_view from, std::string_view to) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        if (text.compare(at, from.size(), from) == 0) {
            result += to;
            at += from.size();
        } else {
            result += text[at++];
        }
    }
    return result;
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
    for (const auto* letter : {"æ", "ä", "å"}) result = replaced(result, letter, "a");
    for (const auto* letter : {"ø", "ö"}) result = replaced(result, letter, "o");
    // After the letters, so that "åa" and "aa" both end as "a".
    result = replaced(result, "aa", "a");
    result = replaced(result, "ae", "a");
    return replaced(result, "oe", "o");
}

std::string stem_of(const std::string& lower) { return danish_stemmer()(lower); }

std::string word(const std::string& lower) {
    std::string term;
    word_into(term, lower);
    return term;
}

void word_into(std::string& term, const std::string& lower) {
    term.assign(1, exact).append(lower);
    if (term.size() > longest_term) term = bounded(std::move(term));
}

std::vector<std::pair<std::string, std::string>> lexicon_entries(const std::string& lower) {
    const auto own = word(lower);
    std::vector<std::pair<std::string, std::string>> entries = {{bounded(stem + stem_of(lower)), own}};
    const auto folded = skeleton_of(lower);
    if (folded != lower) {
        entries.emplace_back(bounded(skeleton_stem + stem_of(folded)), own);
        entries.emplace_back(bounded(skeleton + folded), own);
    }
    return entries;
}

WordKeys keys_of(const std::string& lower) {
    WordKeys keys{{bounded(stem + stem_of(lower))}, {}};
    const auto folded_stem = stem_of(skeleton_of(lower));
    std::vector<std::string> alike = {bounded(skeleton_stem + folded_stem)};
    // Words written without æ, ø, å and without aa, ae, oe ("radgiver" for
    // rådgiver), but not for æ, which the skeleton makes "a": "vare" is not
    // "være", nor "lang" "længe". (Search leaves out the short ones: "for" is
    // not "før".)
    if (!ocr::has_ae(lower)) alike.push_back(bounded(stem + folded_stem));
    for (auto& key : alike) {
        if (key != keys.own.front()) add_unique(keys.alike, std::move(key));
    }
    return keys;
}

PrefixKeys prefix_keys(const std::string& lower, bool exact_only) {
    PrefixKeys result{{word(lower)}, {}};
    if (exact_only) return result;
    const auto folded = skeleton_of(lower);
    // Words starting so written plainly, when that is not likely a prefix
    // of other words: "møde*" is not "mode*", nor "svær*" "svar*".
    if (!ocr::has_ae(lower) && ocr::letters_in(lower) >= ocr::shortest_ambiguous_prefix) add_unique(result.terms, word(folded));
    result.keys.push_back(bounded(skeleton + folded));
    return result;
}

std::string document(Id id) { return "D" + std::to_string(id); }
std::string speaker(const std::string& label) { return bounded("S" + label); }
std::string document_attribute(const std::string& name, const std::string& value) { return bounded("A" + name + "=" + value); }
std::string participant_attribute(const std::string& name, const std::string& value) {
    return bounded("P" + name + "=" + value);
}
std::string code(Id id) { return "C" + std::to_string(id); }
std::string coder(Id id) { return "K" + std::to_string(id); }
std::string code_by_coder(Id code, Id coder) { return "B" + std::to_string(code) + "/" + std::to_string(coder); }

bool is_filter_term(const std::string& term) {
    return !term.empty() && std::string_view("ASPCKB").find(term.front()) != std::string_view::npos;
}

}  // namespace fokus::search::terms
