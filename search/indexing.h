#pragma once
// Turning a project document into one index document (internal to search/):
// its words as positional terms turn after turn, its filter terms, its record,
// and the lexicon entries of words not seen before.
#include <xapian.h>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "coding/project.h"
#include "search/danish.h"

namespace fokus::search {

struct PreparedDocument {
    Id document = 0;
    bool present = false;  // false when the project no longer has it
    Xapian::Document entry;
    std::vector<std::pair<std::string, std::string>> lexicon;
    std::size_t words = 0;
};

// Prepares documents one after another, remembering the words it has met so
// that each word's lexicon entries are made once.
class DocumentIndexer {
public:
    PreparedDocument prepare(Project& project, Id document);

private:
    WordBreaker words_;
    std::unordered_set<std::string> seen_;
};

// Writes a prepared document over whatever the index held for it.
// `fresh`: the index is being built and holds nothing of it yet.
void store(Xapian::WritableDatabase& db, const PreparedDocument& prepared, bool fresh);

// Recomputes only the filter terms (attributes, speakers, codes, coders) of a
// document, for changes that leave its text and turns alone. False when the
// index does not hold the document, which then needs indexing whole.
bool refresh_filter_terms(Xapian::WritableDatabase& db, Project& project, Id document);

}  // namespace fokus::search
