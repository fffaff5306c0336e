#pragma once
// Realistic synthetic Danish focus-group transcripts for benchmarks: speaker
// turns, municipality and BIKVA attributes, and about one coding per 60 words
// over the codes of the default codebook. Deterministic for a given seed.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

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

// A document with the codings to make on it, by code.
struct SyntheticDocument {
    NewDocument document;
    std::map<Id, std::vector<Span>> codings;
    std::int64_t words = 0;
};

// Makes the documents of a corpus and their codings over `project`'s codes, storing nothing.
class SyntheticCorpus {
public:
    SyntheticCorpus(Project& project, const CorpusSize& size);
    // The next document; nullopt when the corpus is complete.
    std::optional<SyntheticDocument> next();

private:
    CorpusSize size_;
    std::vector<Id> codes_;
    std::mt19937 random_;
    std::int64_t written_ = 0;
    std::int64_t index_ = 0;
};

// Imports one document (text, turns, attributes) as one action, as an
// import of a transcript file does; returns its id. Adds to `stats`.
Id import_document(Project& project, SyntheticDocument& document, CorpusStats& stats);
// Makes the document's codings as one action, as coders do later.
void code_document(Project& project, Id document, const SyntheticDocument& codings, CorpusStats& stats);

// Fills `project` with documents and codings; `progress` is told the words written so far.
CorpusStats fill_project(Project& project, const CorpusSize& size,
                         const std::function<void(std::int64_t)>& progress = {});

// The project of the benchmarks' synthetic corpus at `path`, or of `words`
// words in the temporary folder; written first when it is not there yet.
std::filesystem::path corpus_project(std::int64_t words, std::optional<std::filesystem::path> path);

}  // namespace fokus::bench
