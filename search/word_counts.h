#pragma once
// How often each word occurs in a selection of the transcripts, read from the
// search index: its term statistics (each word's frequency within each
// document) where the selection is whole documents, its word positions where
// the selection is some turns (speakers, participants' attributes, leaving
// out interviewers, turns with codings), and the text split into words again
// only where the selection is the words inside or outside a code's codings.
// Words are counted as the index holds them: case-folded, NFC.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "coding/types.h"

namespace fokus::search {

struct WordCount {
    std::string word;                     // case-folded
    std::int64_t count = 0;               // occurrences in the selection
    std::vector<Id> documents;            // the documents it occurs in, ascending
    std::vector<std::uint32_t> speakers;  // numbers into WordCounts::speakers, ascending; empty unless asked
};

struct WordCounts {
    std::vector<WordCount> words;  // in byte order of the word
    // A speaker is a label in one document: (document, label).
    std::vector<std::pair<Id, std::string>> speakers;
    std::int64_t total = 0;      // words in the selection
    std::int64_t documents = 0;  // documents with words in the selection
    // Whether the text was split into words again (a selection inside or
    // outside a code's codings) rather than read from the index alone.
    bool retokenised = false;
};

// Whose speakers to count: every word's (which reads every word's positions),
// or only these words' (case-folded, ascending), when the counts hold only
// them; or, with neither, no one's.
struct SpeakersOf {
    bool every = false;
    std::vector<std::string> words;
};

}  // namespace fokus::search
