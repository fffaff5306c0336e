// Counting the words of a selection from the index (search/word_counts.h).
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/text.h"
#include "search/danish.h"
#include "search/index_state.h"
#include "search/selection.h"
#include "search/terms.h"

namespace fokus::search {
namespace {

bool overlap(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

// The counts being gathered, document after document in ascending order of
// the project's ids, so that each word's documents come in order.
class Tally {
public:
    explicit Tally(bool speakers) : speakers_(speakers) {}

    void start_document(Id document) {
        document_ = document;
        counted_any_ = false;
    }
    // The number of the speaker of a turn of the current document; none for a passage nobody is named in.
    std::optional<std::uint32_t> speaker(const std::string& label) {
        if (!speakers_ || label.empty()) return std::nullopt;
        const auto key = std::make_pair(document_, label);
        const auto found = speaker_numbers_.find(key);
        if (found != speaker_numbers_.end()) return found->second;
        const auto number = static_cast<std::uint32_t>(counts_.speakers.size());
        counts_.speakers.push_back(key);
        speaker_numbers_.emplace(key, number);
        return number;
    }
    // The place of a word's counts, made on its first occurrence.
    std::size_t slot(std::string_view word) {
        key_.assign(word);
        auto found = numbers_.find(key_);
        if (found == numbers_.end()) {
            found = numbers_.emplace(key_, counts_.words.size()).first;
            counts_.words.push_back(WordCount{key_, 0, {}, {}});
        }
        return found->second;
    }
    void add(std::size_t slot, std::int64_t occurrences, std::optional<std::uint32_t> speaker) {
        if (occurrences == 0) return;
        auto& entry = counts_.words[slot];
        entry.count += occurrences;
        if (entry.documents.empty() || entry.documents.back() != document_) entry.documents.push_back(document_);
        if (speaker && (entry.speakers.empty() || entry.speakers.back() != *speaker)) entry.speakers.push_back(*speaker);
        counted_any_ = true;
    }
    void add(std::string_view word, std::int64_t occurrences, std::optional<std::uint32_t> speaker) {
        add(slot(word), occurrences, speaker);
    }
    void end_document(std::int64_t words) {
        counts_.total += words;
        if (counted_any_) ++counts_.documents;
    }

    WordCounts finish() {
        std::erase_if(counts_.words, [](const WordCount& word) { return word.count == 0; });
        for (auto& word : counts_.words) {
            std::sort(word.speakers.begin(), word.speakers.end());
            word.speakers.erase(std::unique(word.speakers.begin(), word.speakers.end()), word.speakers.end());
        }
        std::sort(counts_.words.begin(), counts_.words.end(), [](const WordCount& a, const WordCount& b) { return a.word < b.word; });
        return std::move(counts_);
    }
    WordCounts& counts() { return counts_; }

private:
    bool speakers_;
    WordCounts counts_;
    std::unordered_map<std::string, std::size_t> numbers_;
    std::map<std::pair<Id, std::string>, std::uint32_t> speaker_numbers_;
    std::string key_;  // reused for looking words up
    Id document_ = 0;
    bool counted_any_ = false;
};

// The words of the admitted turns of one document, split again from its text,
// kept when the inside/outside filter lets them through.
void count_text(Project& project, const DocumentRecord& record, const std::vector<const IndexedTurn*>& admitted,
                const std::vector<CodedSpan>& codings, const SearchFilter& filter, WordBreaker& breaker, Tally& tally) {
    const std::string text = DocumentStore(project).text(record.document);
    const text::OffsetMap offsets(text);
    auto of_item = [](const CodedSpan& coding, const CodeItem& item) { return item.holds(coding.code); };
    std::int64_t words = 0;
    for (const auto* turn : admitted) {
        const auto speaker = tally.speaker(turn->speaker);
        const auto from = offsets.byte_of(static_cast<std::size_t>(turn->body.start));
        const auto to = offsets.byte_of(static_cast<std::size_t>(turn->body.end));
        breaker.each_word(std::string_view(text).substr(from, to - from), [&](const Token& token) {
            const Span span{turn->body.start + token.span.start, turn->body.start + token.span.end};
            if (filter.inside && std::none_of(codings.begin(), codings.end(), [&](const CodedSpan& coding) {
                    return of_item(coding, *filter.inside) && coding.span.start <= span.start && span.end <= coding.span.end;
                })) {
                return true;
            }
            if (filter.outside && std::any_of(codings.begin(), codings.end(), [&](const CodedSpan& coding) {
                    return of_item(coding, *filter.outside) && overlap(coding.span, span);
                })) {
                return true;
            }
            ++words;
            tally.add(token.lower, 1, speaker);
            return true;
        });
    }
    tally.end_document(words);
}

WordCounts count_words(Index::State& s, const SearchFilter& filter, const SpeakersOf& speakers) {
    const auto& db = s.reader;
    Xapian::Enquire enquire(db);
    enquire.set_query(filter_query(filter));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Documents in ascending order of the project's ids, which the index's
    // document order value holds big-endian.
    enquire.set_sort_by_value(document_order_slot, false);
    const auto matches = enquire.get_mset(0, std::max<Xapian::doccount>(1, db.get_doccount()));

    const bool per_turn = selects_turns(filter);
    const bool by_text = filter.inside.has_value() || filter.outside.has_value();
    const bool need_codings = by_text || !filter.codes.empty() || !filter.coders.empty();
    TurnFilter turn_filter(s.project, filter);
    const CodingStore coding_store(s.project);
    WordBreaker breaker;
    Tally tally(speakers.every || !speakers.words.empty());
    const bool only_some = !speakers.every && !speakers.words.empty();
    tally.counts().retokenised = by_text;
    const std::string word_prefix(1, terms::exact);
    for (auto match = matches.begin(); match != matches.end(); ++match) {
        const auto entry = match.get_document();
        const auto record = DocumentRecord::decode(entry.get_data());
        const auto codings = need_codings ? coding_store.spans_in(record.document) : std::vector<CodedSpan>{};
        std::vector<const IndexedTurn*> admitted;
        for (const auto& turn : record.turns) {
            if (!per_turn || turn_filter.admits(turn, codings)) admitted.push_back(&turn);
        }
        if (admitted.empty()) continue;
        tally.start_document(record.document);
        if (by_text) {
            count_text(s.project, record, admitted, codings, filter, breaker, tally);
            continue;
        }
        std::int64_t words = 0;
        for (const auto* turn : admitted) words += turn->words;
        const bool whole = admitted.size() == record.turns.size();
        // Speaker numbers of the turns, and which turns count, by their place in the record.
        std::vector<std::optional<std::uint32_t>> speaker_of(record.turns.size());
        std::vector<char> counts(record.turns.size(), 0);
        for (const auto* turn : admitted) {
            const auto at = static_cast<std::size_t>(turn - record.turns.data());
            counts[at] = 1;
            speaker_of[at] = tally.speaker(turn->speaker);
        }
        // Positions, turn by turn: each run of positions in one turn at once.
        auto count_positions = [&](std::size_t slot, Xapian::PositionIterator position, const Xapian::PositionIterator& end) {
            std::size_t at = 0;  // the turn of the last position; positions only grow
            std::int64_t in_turn = 0;
            bool started = false;
            for (; position != end; ++position) {
                const auto place = *position;
                if (!started || !record.turns[at].holds(place)) {
                    if (started && in_turn > 0) tally.add(slot, in_turn, speaker_of[at]);
                    in_turn = 0;
                    // The next turn mostly, else a search of those after.
                    if (started && at + 1 < record.turns.size() && record.turns[at + 1].holds(place)) {
                        ++at;
                    } else {
                        const auto* turn = record.turn_at(place);
                        if (turn == nullptr) {
                            throw DamagedIndexError("the search index holds a word between turns; rebuild the index (fokus-cli reindex)");
                        }
                        at = static_cast<std::size_t>(turn - record.turns.data());
                    }
                    started = true;
                }
                if (counts[at]) ++in_turn;
            }
            if (started && in_turn > 0) tally.add(slot, in_turn, speaker_of[at]);
        };
        if (only_some) {
            // The chosen words alone, each from its positions in the document.
            std::string term_name;
            for (const auto& word : speakers.words) {
                terms::word_into(term_name, word);
                count_positions(tally.slot(word), db.positionlist_begin(*match, term_name), db.positionlist_end(*match, term_name));
            }
            tally.end_document(words);
            continue;
        }
        auto term = entry.termlist_begin();
        term.skip_to(word_prefix);
        for (; term != entry.termlist_end(); ++term) {
            const std::string& name = *term;
            if (name.empty() || name[0] != terms::exact) break;
            const std::string_view word = std::string_view(name).substr(1);
            if (whole && !speakers.every) {
                // The term statistics alone: the word's frequency in the document.
                tally.add(word, term.get_wdf(), std::nullopt);
                continue;
            }
            count_positions(tally.slot(word), term.positionlist_begin(), term.positionlist_end());
        }
        tally.end_document(words);
    }
    return tally.finish();
}

}  // namespace

WordCounts Index::word_counts(const SearchFilter& filter, const SpeakersOf& speakers) {
    auto& s = *state_;
    return with_index(s.path, "count the words in", [&] {
        return s.repairing([&] {
            s.catch_up();
            return count_words(s, filter, speakers);
        });
    });
}

}  // namespace fokus::search
