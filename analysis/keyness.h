#pragma once
// Which words distinguish one part of the transcripts from another (leaders
// from caseworkers, Kommune B from Kommune D, BIKVA stage 1 from stage 2, one
// code's segments from the rest): for each word, the log-likelihood G² of its
// counts in the two parts against the same rate in both, its p-value (χ² with
// one degree of freedom), and the log ratio of its relative frequencies
// (log2; a count of 0 taken as 0.5) as the size of the difference.
//   a, b: the word's counts on the left and right; c, d: the words there in all.
//   E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)).
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/word_frequencies.h"

namespace fokus {

struct KeynessOptions {
    search::SearchFilter left, right;
    // Stems, stop words and minimum length as for word frequencies (its selection is not used).
    WordFrequencyOptions words;
    // Occurrences a word needs on the side where it is relatively more
    // frequent to be listed as that side's key word.
    std::int64_t min_count = 5;
    double max_p = 1.0;  // only words whose p-value is at most this
};

struct KeyWord {
    std::string word;  // or stem
    std::vector<std::string> forms;
    std::int64_t left = 0, right = 0;  // occurrences
    double g2 = 0;
    double p = 1;
    double log_ratio = 0;  // log2 of left's relative frequency over right's: > 0 for left's words
};

struct KeynessTable {
    std::vector<KeyWord> left;   // words relatively more frequent on the left, largest G² first
    std::vector<KeyWord> right;  // the same for the right
    std::int64_t left_words = 0, right_words = 0;  // all words on each side, stop words included
};

KeynessTable keyness(search::Index& index, const KeynessOptions& options);

// G², its p-value and the log ratio for counts a of c words and b of d words.
KeyWord log_likelihood(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d);

}  // namespace fokus
