#pragma once
// The index's term scheme, shared by indexing and querying (internal to search/).
//
// Each word of a document is indexed once, with its position:
//   E<word>          the word case-folded, as written
// Positions run through the document turn by turn, one unused position
// between turns, so that Xapian proposes no phrase across turns. (NEAR it may
// propose across turns; search checks each turn on its own in any case. A
// wider gap would make Xapian's position lists markedly larger.)
//
// How a word may be looked for is kept in the lexicon (Xapian's synonym
// table), written once per distinct word rather than once per occurrence:
//   Z<stem>          → E<word>   its Snowball Danish stem         ordinary search
// and, only when its skeleton differs from the word (it holds æ, ø, å, ä, ö,
// aa, ae or oe):
//   Y<stem>          → E<word>   the stem of its skeleton         "radgiver", "raadgiver" → "rådgiver"
//   F<skeleton>      → E<word>   the skeleton unstemmed           prefixes typed without æ, ø, å
// The skeleton maps æ, ä, å and aa, ae to "a", and ø, ö and oe to "o", so that
// "rådgiver", "raadgiver" and OCR's "radgiver" share one. A query word stands
// for the words under its own stem (full weight) and those under the stem of
// its skeleton as Y or Z (half weight), which makes the lookup symmetric;
// as Z only when its stem is long enough and has no æ (ocr_spellings.h).
//
// Boolean terms on each document, for filters (speaker, participant and
// coding terms say that some turn has them; search checks the turn itself):
//   D<document id>   S<speaker label>
//   A<name>=<value>  document attribute          P<name>=<value>  participant attribute
//   C<code id>       K<coder id>                 B<code id>/<coder id>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "coding/types.h"

namespace fokus::search::terms {

constexpr char exact = 'E';
constexpr char stem = 'Z';
constexpr char skeleton_stem = 'Y';
constexpr char skeleton = 'F';

// Unused positions between two turns.
constexpr std::uint32_t turn_gap = 1;

// Xapian refuses terms longer than 245 bytes; longer ones are cut at a
// character boundary, the same way when indexing and querying.
std::string bounded(std::string term);

std::string skeleton_of(const std::string& lower);
std::string stem_of(const std::string& lower);

// The positional term of a word.
std::string word(const std::string& lower);
// The same, written into `term`, whose storage is reused word after word.
void word_into(std::string& term, const std::string& lower);

// The lexicon entries of a word: (key, the word's term).
std::vector<std::pair<std::string, std::string>> lexicon_entries(const std::string& lower);

// The lexicon keys a query word is looked up under (none when exact: then
// the word's own term is all there is).
struct WordKeys {
    std::vector<std::string> own;    // full weight
    std::vector<std::string> alike;  // half weight
};
WordKeys keys_of(const std::string& lower);

// What words starting with `lower` are found under: prefixes of their own
// terms, and prefixes of lexicon keys (none when exact).
struct PrefixKeys {
    std::vector<std::string> terms;
    std::vector<std::string> keys;
};
PrefixKeys prefix_keys(const std::string& lower, bool exact);

std::string document(Id id);
std::string speaker(const std::string& label);
std::string document_attribute(const std::string& name, const std::string& value);
std::string participant_attribute(const std::string& name, const std::string& value);
std::string code(Id id);
std::string coder(Id id);
std::string code_by_coder(Id code, Id coder);
// Whether a term is one of the filter terms above that follow codings and attributes.
bool is_filter_term(const std::string& term);

}  // namespace fokus::search::terms
