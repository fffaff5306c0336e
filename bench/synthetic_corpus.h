#pragma once
// Realistic synthetic Danish focus-group transcripts for benchmarks: speaker
// turns, municipality and BIKVA attributes, and about one coding per 60 words
// over the codes of the default codebook. Deterministic for a given seed.
#include <cstdint>
#include <functional>
#include <string>

#include "coding/documents.h"
#include "coding/project.h"

namespace fokus::bench {

struct CorpusSize {
    std::int64_t words = 1'000'000;
    std::int64_t words_per_document = 8'000;
    std::int64_t words_per_coding = 60;
    std::uint32_t seed = 2026;
};

struct CorpusStats {
    std::int64_t documents = 0;
    std::int64_t words = 0;
    std::int64_t bytes = 0;
    std::int64_t codings = 0;
};

// One document's text and turns, without storing anything.
NewDocument synthetic_document(std::int64_t index, std::int64_t words, std::uint32_t seed);

// Fills `project` with documents and codings; `progress` is told the words written so far.
CorpusStats fill_project(Project& project, const CorpusSize& size,
                         const std::function<void(std::int64_t)>& progress = {});

}  // namespace fokus::bench
