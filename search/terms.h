#pragma once
// The index's term scheme, shared by indexing and querying (internal to search/).
//
// Each word of a turn is indexed with its position (1, 2, ... within the turn) as:
//   E<word>          the word case-folded, as written        exact search, exact prefixes
//   Z<stem>          its Snowball Danish stem                 ordinary search
// and, only when its skeleton differs from the word (it holds æ, ø, å, ä, ö,
// aa, ae or oe), also with positions:
//   Y<stem>          the stem of its skeleton                 "radgiver", "raadgiver" → "rådgiver"
//   F<skeleton>      the skeleton unstemmed                   prefixes typed without æ, ø, å
// The skeleton maps æ, ä, å and aa, ae to "a", and ø, ö and oe to "o", so that
// "rådgiver", "raadgiver" and OCR's "radgiver" share one; the query side
// looks a word up by its own stem (full weight) and by the stem of its
// skeleton under both Y and Z (half weight), which makes the lookup symmetric.
//
// Boolean terms on each turn, for filters:
//   D<document id>   Q<document id>-<turn id>   S<speaker label>
//   A<name>=<value>  document attribute          P<name>=<value>  participant attribute
//   C<code id>       K<coder id>                 B<code id>/<coder id>
// (codes, coders and code-by-coder of the codings overlapping the turn).
#include <string>
#include <vector>

#include "coding/types.h"

namespace fokus::search::terms {

constexpr char exact = 'E';
constexpr char stem = 'Z';
constexpr char skeleton_stem = 'Y';
constexpr char skeleton = 'F';

// Xapian refuses terms longer than 245 bytes; longer ones are cut at a
// character boundary, the same way when indexing and querying.
std::string bounded(std::string term);

std::string skeleton_of(const std::string& lower);
std::string stem_of(const std::string& lower);

// The positional terms of one word.
std::vector<std::string> of_word(const std::string& lower);

// The terms under which a query word is looked up: the first is the word's own
// (exact or stem); the others are its skeleton forms (none when exact).
struct WordLookup {
    std::string own;
    std::vector<std::string> alike;
    std::vector<std::string> all() const;
};
WordLookup lookup(const std::string& lower, bool exact);

// Term prefixes that words starting with `lower` have: E (and F) terms.
std::vector<std::string> prefix_patterns(const std::string& lower, bool exact);

std::string document(Id id);
std::string turn(Id document, Id turn);
std::string speaker(const std::string& label);
std::string document_attribute(const std::string& name, const std::string& value);
std::string participant_attribute(const std::string& name, const std::string& value);
std::string code(Id id);
std::string coder(Id id);
std::string code_by_coder(Id code, Id coder);

}  // namespace fokus::search::terms
