#pragma once
// Which words the participants use, and how often: over any part of the
// transcripts the search filter selects (documents, document or participant
// attributes, speakers, turns with codings, words inside a code's codings,
// interviewers left out), as words or as their Danish stems, leaving out
// stop words, words shorter than a minimum and words rarer than one. The
// counts come from the search index (search/word_counts.h).
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "search/index.h"

namespace fokus {

struct WordFrequencyOptions {
    search::SearchFilter selection;
    bool stems = false;                   // count Danish stems, each standing for the words under it
    std::vector<std::string> stop_words;  // case-folded words left out (coding/stop_words.h)
    std::int64_t min_length = 1;          // letters (code points) of a word, below which it is left out
    std::int64_t min_count = 1;           // occurrences, below which a word or stem is left out
    // Rows (the most frequent first) whose speakers are counted, which reads
    // their words' positions in the index: all of them by default, 0 for none.
    std::size_t speaker_rows = std::numeric_limits<std::size_t>::max();
};

struct WordFrequency {
    std::string word;                // the word (case-folded), or the stem
    std::vector<std::string> forms;  // under a stem: its words, most frequent first; else the word alone
    std::int64_t count = 0;
    std::int64_t documents = 0;
    std::int64_t speakers = 0;  // distinct speaker labels of documents; 0 when not counted
    double share = 0;           // of all the words in the selection, stop words included
};

struct WordFrequencyTable {
    std::vector<WordFrequency> rows;  // most frequent first; ties in Danish order
    std::int64_t total_words = 0;     // in the selection, stop words included
    std::int64_t documents = 0;       // documents with words in the selection
    std::int64_t stop_words_left_out = 0;  // occurrences
    bool retokenised = false;         // see search::WordCounts
};

WordFrequencyTable word_frequencies(search::Index& index, const WordFrequencyOptions& options);

// The words of `counts` gathered as `options` says (stems, stop words, minimum
// length; not the minimum count), unsorted: what word_frequencies and keyness share.
struct GatheredWords {
    std::vector<WordFrequency> rows;
    std::int64_t stop_words_left_out = 0;
};
GatheredWords gather_words(const search::WordCounts& counts, const WordFrequencyOptions& options);

// Most frequent first, ties in Danish order.
void sort_by_count(std::vector<WordFrequency>& rows);

}  // namespace fokus
