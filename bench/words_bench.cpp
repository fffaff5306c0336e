// Word frequencies from the search index's term statistics, over every
// document and over half of them (picked by municipality), with and without
// counting speakers, beside the baseline of splitting every turn into words
// again (Fokus's ICU word breaking, one hash table of counts), on the same
// project in the same run. The two must give the same counts.
//   fokus-bench-words [WORDS] [PROJECT]
// WORDS defaults to 10 million; an existing PROJECT is reused.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "analysis/word_frequencies.h"
#include "bench/synthetic_corpus.h"
#include "bench/timing.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/stop_words.h"
#include "coding/text.h"
#include "search/danish.h"
#include "search/index.h"

using namespace fokus;

namespace {

struct Baseline {
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> words;  // count, documents
    std::int64_t total = 0;
};

// Every turn of the chosen documents split into words again.
Baseline retokenise(Project& project, const std::vector<Id>& documents) {
    DocumentStore store(project);
    search::WordBreaker breaker;
    Baseline baseline;
    for (const Id id : documents) {
        const auto text = store.text(id);
        const text::OffsetMap offsets(text);
        std::set<std::string> seen;
        for (const auto& turn : store.turns(id)) {
            const auto from = offsets.byte_of(static_cast<std::size_t>(turn.body_start));
            const auto to = offsets.byte_of(static_cast<std::size_t>(turn.span.end));
            breaker.each_word(std::string_view(text).substr(from, to - from), [&](const search::Token& token) {
                auto& entry = baseline.words[token.lower];
                ++entry.first;
                if (seen.insert(token.lower).second) ++entry.second;
                ++baseline.total;
                return true;
            });
        }
    }
    return baseline;
}

bool same(const WordFrequencyTable& table, const Baseline& baseline) {
    if (table.total_words != baseline.total || table.rows.size() != baseline.words.size()) return false;
    return std::all_of(table.rows.begin(), table.rows.end(), [&](const WordFrequency& row) {
        const auto found = baseline.words.find(row.word);
        return found != baseline.words.end() && found->second == std::make_pair(row.count, row.documents);
    });
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t words = argc > 1 ? std::atoll(argv[1]) : 10'000'000;
    try {
        const auto path = bench::corpus_project(words, argc > 2 ? std::optional<std::filesystem::path>(argv[2]) : std::nullopt);
        auto project = Project::open(path, Project::Access::ReadOnly);
        double open_ms = 0;
        std::optional<search::Index> index;
        open_ms = bench::milliseconds_of([&] { index.emplace(search::Index::open_for(project)); });

        // Half the documents: municipalities, in order, until half are taken.
        DocumentStore store(project);
        std::map<std::string, std::vector<Id>> by_municipality;
        std::vector<Id> all;
        for (const auto& [id, attributes] : store.all_attributes()) {
            const auto found = attributes.find("municipality");
            by_municipality[found == attributes.end() ? "" : found->second].push_back(id);
        }
        for (const auto& document : store.all()) all.push_back(document.id);
        AttributeCondition half_condition{AttributeCondition::Of::Document, "municipality", {}};
        std::vector<Id> half;
        for (const auto& [value, ids] : by_municipality) {
            if (half.size() * 2 >= all.size()) break;
            half_condition.values.push_back(value);
            half.insert(half.end(), ids.begin(), ids.end());
        }
        std::sort(half.begin(), half.end());

        WordFrequencyOptions options;  // every word: the baseline keeps every word too
        options.speaker_rows = 0;
        WordFrequencyOptions half_options = options;
        half_options.selection.attributes.push_back(half_condition);
        WordFrequencyOptions speaker_options = options;
        speaker_options.speaker_rows = std::numeric_limits<std::size_t>::max();
        WordFrequencyOptions top_options = options;
        top_options.speaker_rows = 50;
        WordFrequencyOptions stop_options = options;
        stop_options.stop_words = default_stop_words();
        stop_options.stems = true;

        WordFrequencyTable every, halved, with_speakers, top_speakers, stems;
        const double every_ms = bench::median_milliseconds(5, [&] { every = word_frequencies(*index, options); });
        const double half_ms = bench::median_milliseconds(5, [&] { halved = word_frequencies(*index, half_options); });
        const double speakers_ms = bench::median_milliseconds(3, [&] { with_speakers = word_frequencies(*index, speaker_options); });
        const double top_ms = bench::median_milliseconds(5, [&] { top_speakers = word_frequencies(*index, top_options); });
        const double stems_ms = bench::median_milliseconds(5, [&] { stems = word_frequencies(*index, stop_options); });
        Baseline every_baseline, half_baseline;
        const double baseline_ms = bench::milliseconds_of([&] { every_baseline = retokenise(project, all); });
        const double half_baseline_ms = bench::milliseconds_of([&] { half_baseline = retokenise(project, half); });
        bool agree = same(every, every_baseline) && same(halved, half_baseline);
        for (std::size_t row = 0; row < 50 && row < top_speakers.rows.size(); ++row) {
            agree = agree && top_speakers.rows[row].speakers == with_speakers.rows[row].speakers;
        }

        std::cout << std::fixed << std::setprecision(1) << "corpus: " << every.total_words << " words, " << all.size() << " documents, "
                  << every.rows.size() << " different words; half: " << halved.documents << " documents, " << halved.total_words
                  << " words (municipality " << half_condition.values.size() << " values)\n"
                  << "open the index:                          " << open_ms << " ms\n"
                  << "words, every document (index):           " << every_ms << " ms (median of 5)\n"
                  << "words, half the documents (index):       " << half_ms << " ms (median of 5)\n"
                  << "words with speakers, every document:     " << speakers_ms << " ms (median of 3; reads positions)\n"
                  << "words, speakers of the top 50:           " << top_ms << " ms (median of 5)\n"
                  << "stems without stop words, every document: " << stems_ms << " ms (median of 5)\n"
                  << "baseline, every document split again:    " << baseline_ms << " ms\n"
                  << "baseline, half the documents:            " << half_baseline_ms << " ms\n"
                  << "speed-up, every document:                " << baseline_ms / every_ms << " x\n"
                  << "speed-up, half:                          " << half_baseline_ms / half_ms << " x\n"
                  << "counts of the index and the baseline:    " << (agree ? "the same" : "DIFFERENT") << '\n';
        return agree ? 0 : 1;
    } catch (const Error& error) {
        std::cerr << "fokus-bench-words: " << error.what() << '\n';
        return 1;
    }
}
