#include "analysis/concordance.h"

#include <algorithm>

#include "coding/collation.h"
#include "coding/error.h"
#include "coding/text.h"
#include "search/danish.h"

namespace fokus {
namespace {

// The words of a context, case-folded: those after the hit in order, those
// before it from the nearest outwards.
std::vector<std::string> context_words(const std::string& context, bool from_the_end) {
    std::vector<std::string> words;
    for (auto& token : search::tokenize(context)) words.push_back(std::move(token.lower));
    if (from_the_end) std::reverse(words.begin(), words.end());
    return words;
}

}  // namespace

ConcordanceOrder parse_concordance_order(const std::string& name) {
    if (name == "text") return ConcordanceOrder::Text;
    if (name == "left") return ConcordanceOrder::Left;
    if (name == "right") return ConcordanceOrder::Right;
    throw InputError(text::quote(name) + " is no order of a concordance; give text, left or right");
}

std::vector<search::Hit> concordance(search::Index& index, const std::string& word, const ConcordanceOptions& options) {
    const auto tokens = search::tokenize(word);
    if (tokens.size() != 1 || tokens.front().span.start != 0 || tokens.front().span.end != static_cast<std::int64_t>(text::count_code_points(word))) {
        throw InputError("a concordance is of one word; " + text::quote(word) + " is not one");
    }
    search::SearchOptions search;
    search.filter = options.filter;
    search.exact = !options.stem;
    search.ocr_spellings = false;
    search.document_order = true;
    search.context = options.context;
    search.limit = 0;
    // The word folded, so that it is never read as an operator (OG, IKKE ...).
    auto hits = index.search(tokens.front().lower, search).hits;
    // Under the stem: the word's own stem only, not the stems of other spellings.
    if (options.stem) std::erase_if(hits, [](const search::Hit& hit) { return !hit.other_spellings.empty(); });
    if (options.order == ConcordanceOrder::Text) return hits;
    struct Keyed {
        std::vector<std::string> words;
        search::Hit hit;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(hits.size());
    const bool left = options.order == ConcordanceOrder::Left;
    for (auto& hit : hits) keyed.push_back({context_words(left ? hit.before : hit.after, left), std::move(hit)});
    const text::Collator danish;
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        return std::lexicographical_compare(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(),
                                            [&](const std::string& x, const std::string& y) { return danish.less(x, y); });
    });
    hits.clear();
    for (auto& one : keyed) hits.push_back(std::move(one.hit));
    return hits;
}

}  // namespace fokus
