#pragma once
// A concordance (key word in context): every occurrence of one word, or of
// every word under its Danish stem, with the text either side, in the order
// of the documents or sorted by the words to its left or right, so that
// recurring phrasings stand together. The occurrences are search hits, found
// through the index, so that they can be coded as search's hits are
// (search::code_hits).
#include <string>
#include <vector>

#include "search/index.h"

namespace fokus {

enum class ConcordanceOrder { Text, Left, Right };

struct ConcordanceOptions {
    search::SearchFilter filter;
    bool stem = false;  // every word under the word's stem, not only the word as written (case aside)
    ConcordanceOrder order = ConcordanceOrder::Text;
    int context = 50;  // characters each side
};

// InputError unless `word` is one word.
std::vector<search::Hit> concordance(search::Index& index, const std::string& word, const ConcordanceOptions& options);

ConcordanceOrder parse_concordance_order(const std::string& name);

}  // namespace fokus
