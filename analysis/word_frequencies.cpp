#include "analysis/word_frequencies.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "coding/collation.h"
#include "coding/text.h"
#include "search/danish.h"

namespace fokus {
namespace {

// Union of two ascending lists, into the first.
template <class T>
void merge_into(std::vector<T>& into, const std::vector<T>& more) {
    std::vector<T> merged;
    merged.reserve(into.size() + more.size());
    std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(merged));
    into = std::move(merged);
}

}  // namespace

GatheredWords gather_words(const search::WordCounts& counts, const WordFrequencyOptions& options) {
    const std::unordered_set<std::string> stop(options.stop_words.begin(), options.stop_words.end());
    GatheredWords gathered;
    struct Gathering {
        WordFrequency row;
        std::vector<Id> documents;
        std::vector<std::uint32_t> speakers;
        std::vector<std::pair<std::int64_t, std::string>> forms;  // (count, word)
    };
    std::vector<Gathering> rows;
    std::unordered_map<std::string, std::size_t> row_of;
    for (const auto& word : counts.words) {
        if (stop.count(word.word)) {
            gathered.stop_words_left_out += word.count;
            continue;
        }
        if (static_cast<std::int64_t>(text::count_code_points(word.word)) < options.min_length) continue;
        const auto key = options.stems ? search::danish_stem(word.word) : word.word;
        auto found = row_of.find(key);
        if (found == row_of.end()) {
            found = row_of.emplace(key, rows.size()).first;
            rows.push_back(Gathering{});
            rows.back().row.word = key;
        }
        auto& row = rows[found->second];
        row.row.count += word.count;
        merge_into(row.documents, word.documents);
        merge_into(row.speakers, word.speakers);
        row.forms.emplace_back(word.count, word.word);
    }
    gathered.rows.reserve(rows.size());
    const text::Collator danish;
    for (auto& row : rows) {
        row.row.documents = static_cast<std::int64_t>(row.documents.size());
        row.row.speakers = static_cast<std::int64_t>(row.speakers.size());
        row.row.share = counts.total == 0 ? 0.0 : static_cast<double>(row.row.count) / static_cast<double>(counts.total);
        std::sort(row.forms.begin(), row.forms.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : danish.less(a.second, b.second);
        });
        for (auto& [count, form] : row.forms) row.row.forms.push_back(std::move(form));
        gathered.rows.push_back(std::move(row.row));
    }
    return gathered;
}

void sort_by_count(std::vector<WordFrequency>& rows) {
    const text::Collator danish;
    std::sort(rows.begin(), rows.end(), [&](const WordFrequency& a, const WordFrequency& b) {
        return a.count != b.count ? a.count > b.count : danish.less(a.word, b.word);
    });
}

WordFrequencyTable word_frequencies(search::Index& index, const WordFrequencyOptions& options) {
    const bool every_speaker = options.speaker_rows == std::numeric_limits<std::size_t>::max();
    const auto counts = index.word_counts(options.selection, search::SpeakersOf{every_speaker, {}});
    auto gathered = gather_words(counts, options);
    WordFrequencyTable table;
    table.total_words = counts.total;
    table.documents = counts.documents;
    table.stop_words_left_out = gathered.stop_words_left_out;
    table.retokenised = counts.retokenised;
    for (auto& row : gathered.rows) {
        if (row.count >= options.min_count) table.rows.push_back(std::move(row));
    }
    sort_by_count(table.rows);
    if (every_speaker || options.speaker_rows == 0 || table.rows.empty()) return table;
    // The speakers of the rows wanted, from their words' positions alone.
    const std::size_t rows = std::min(options.speaker_rows, table.rows.size());
    search::SpeakersOf wanted;
    for (std::size_t row = 0; row < rows; ++row) {
        for (const auto& form : table.rows[row].forms) wanted.words.push_back(form);
    }
    std::sort(wanted.words.begin(), wanted.words.end());
    wanted.words.erase(std::unique(wanted.words.begin(), wanted.words.end()), wanted.words.end());
    const auto positions = index.word_counts(options.selection, wanted);
    std::unordered_map<std::string, const std::vector<std::uint32_t>*> speakers_of;
    for (const auto& word : positions.words) speakers_of.emplace(word.word, &word.speakers);
    for (std::size_t row = 0; row < rows; ++row) {
        std::vector<std::uint32_t> speakers;
        for (const auto& form : table.rows[row].forms) {
            if (const auto found = speakers_of.find(form); found != speakers_of.end()) merge_into(speakers, *found->second);
        }
        table.rows[row].speakers = static_cast<std::int64_t>(speakers.size());
    }
    return table;
}

}  // namespace fokus
