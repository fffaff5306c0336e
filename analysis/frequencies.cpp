#include "analysis/frequencies.h"

#include <algorithm>
#include <map>
#include <set>

#include "coding/documents.h"
#include "coding/text_breaks.h"

namespace fokus {
namespace {

// Words of `words` (sorted) that overlap the union of `spans` (sorted by start).
std::int64_t words_covered(const std::vector<Span>& words, std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    std::int64_t covered = 0;
    std::size_t word = 0;
    std::size_t at = 0;
    while (at < spans.size()) {
        Span merged = spans[at++];
        while (at < spans.size() && spans[at].start <= merged.end) merged.end = std::max(merged.end, spans[at++].end);
        while (word < words.size() && words[word].end <= merged.start) ++word;
        while (word < words.size() && words[word].start < merged.end) {
            ++covered;
            ++word;
        }
    }
    return covered;
}

struct TurnOwner {
    Span span;
    std::optional<Id> participant;
};

// The document's turns in order, each with the participant who speaks it.
std::vector<TurnOwner> turn_owners(const DocumentStore& documents, Id document) {
    std::map<Id, std::optional<Id>> participant_of_speaker;
    for (const auto& speaker : documents.speakers(document)) participant_of_speaker.emplace(speaker.id, speaker.participant);
    std::vector<TurnOwner> owners;
    for (const auto& turn : documents.turns(document)) {
        const auto speaker = turn.speaker ? participant_of_speaker.find(*turn.speaker) : participant_of_speaker.end();
        owners.push_back({turn.span, speaker == participant_of_speaker.end() ? std::nullopt : speaker->second});
    }
    return owners;
}

}  // namespace

FrequencyTable frequencies(Project& project, const std::vector<CodeItem>& items, const SegmentFilter& filter,
                           const std::optional<AttributeCondition>& breakdown) {
    FrequencyTable table;
    table.breakdown = breakdown;
    const auto segments = load_segments(project, filter);
    std::optional<AttributeLookup> grouping;
    if (breakdown) {
        grouping.emplace(project, breakdown->of, breakdown->name);
        table.values = attribute_values(project, *breakdown);
    }
    auto value_index = [&](const std::string& value) -> std::optional<std::size_t> {
        const auto found = std::find(table.values.begin(), table.values.end(), value);
        if (found == table.values.end()) return std::nullopt;
        return static_cast<std::size_t>(found - table.values.begin());
    };
    for (const auto& item : items) table.rows.push_back(FrequencyRow{item, {}, std::vector<Frequency>(table.values.size())});

    // The documents in scope: those the filter's documents and document attributes allow.
    std::vector<AttributeLookup> document_conditions;
    std::vector<AttributeLookup> participant_conditions;
    std::vector<const AttributeCondition*> participant_allowed;
    std::vector<const AttributeCondition*> document_allowed;
    for (const auto& condition : filter.attributes) {
        if (condition.of == AttributeCondition::Of::Document) {
            document_conditions.emplace_back(project, condition.of, condition.name);
            document_allowed.push_back(&condition);
        } else {
            participant_conditions.emplace_back(project, condition.of, condition.name);
            participant_allowed.push_back(&condition);
        }
    }
    auto allows = [](const std::vector<AttributeLookup>& lookups, const std::vector<const AttributeCondition*>& allowed,
                     const Segment& probe) {
        for (std::size_t i = 0; i < lookups.size(); ++i) {
            const auto value = lookups[i].value_of(probe);
            if (std::find(allowed[i]->values.begin(), allowed[i]->values.end(), value) == allowed[i]->values.end()) return false;
        }
        return true;
    };

    DocumentStore documents(project);
    text::DanishBreaks word_breaks(text::BreakUnit::Word);
    std::map<Id, std::pair<std::size_t, std::size_t>> segments_of;  // document -> [begin, end)
    for (std::size_t s = 0; s < segments.size(); ++s) {
        auto range = segments_of.try_emplace(segments[s].document, s, s).first;
        range->second.second = s + 1;
    }
    for (const auto& document : documents.all()) {
        if (!filter.documents.empty() &&
            std::find(filter.documents.begin(), filter.documents.end(), document.id) == filter.documents.end()) {
            continue;
        }
        Segment probe;
        probe.document = document.id;
        if (!allows(document_conditions, document_allowed, probe)) continue;
        const auto turns = turn_owners(documents, document.id);
        // Each word belongs to the group (attribute value) of its document or of its speaker.
        const auto all_words = word_breaks.words(documents.text(document.id));
        std::vector<std::vector<Span>> words_by_value(table.values.size());
        std::vector<Span> words_in_scope;
        std::size_t turn = 0;
        for (const auto& word : all_words) {
            while (turn < turns.size() && turns[turn].span.end <= word.start) ++turn;
            probe.participant = turn < turns.size() && turns[turn].span.start <= word.start ? turns[turn].participant : std::nullopt;
            if (!allows(participant_conditions, participant_allowed, probe)) continue;
            words_in_scope.push_back(word);
            if (grouping) {
                if (const auto index = value_index(grouping->value_of(probe))) words_by_value[*index].push_back(word);
            }
        }
        const auto range = segments_of.find(document.id);
        const std::size_t first_segment = range == segments_of.end() ? 0 : range->second.first;
        const std::size_t end_segment = range == segments_of.end() ? 0 : range->second.second;
        for (auto& row : table.rows) {
            row.overall.words += static_cast<std::int64_t>(words_in_scope.size());
            for (std::size_t v = 0; v < table.values.size(); ++v) row.by_value[v].words += static_cast<std::int64_t>(words_by_value[v].size());
            std::vector<Span> spans;
            std::vector<std::vector<Span>> spans_by_value(table.values.size());
            for (std::size_t s = first_segment; s < end_segment; ++s) {
                const auto& segment = segments[s];
                if (!row.item.holds(segment.code)) continue;
                spans.push_back(segment.span);
                if (grouping) {
                    if (const auto index = value_index(grouping->value_of(segment))) spans_by_value[*index].push_back(segment.span);
                }
            }
            row.overall.words_coded += words_covered(words_in_scope, spans);
            for (std::size_t v = 0; v < table.values.size(); ++v) {
                row.by_value[v].words_coded += words_covered(words_by_value[v], spans_by_value[v]);
            }
        }
    }

    // Counts of codings, documents, speakers and participants.
    for (auto& row : table.rows) {
        struct Distinct {
            std::set<Id> documents;
            std::set<std::pair<Id, std::string>> speakers;
            std::set<Id> participants;
        };
        Distinct overall;
        std::vector<Distinct> by_value(table.values.size());
        auto count = [](Frequency& frequency, Distinct& distinct, const Segment& segment) {
            ++frequency.codings;
            distinct.documents.insert(segment.document);
            if (!segment.speaker.empty()) distinct.speakers.insert({segment.document, segment.speaker});
            if (segment.participant) distinct.participants.insert(*segment.participant);
        };
        for (const auto& segment : segments) {
            if (!row.item.holds(segment.code)) continue;
            count(row.overall, overall, segment);
            if (grouping) {
                if (const auto index = value_index(grouping->value_of(segment))) count(row.by_value[*index], by_value[*index], segment);
            }
        }
        auto settle = [](Frequency& frequency, const Distinct& distinct) {
            frequency.documents = static_cast<std::int64_t>(distinct.documents.size());
            frequency.speakers = static_cast<std::int64_t>(distinct.speakers.size());
            frequency.participants = static_cast<std::int64_t>(distinct.participants.size());
        };
        settle(row.overall, overall);
        for (std::size_t v = 0; v < table.values.size(); ++v) settle(row.by_value[v], by_value[v]);
    }
    return table;
}

}  // namespace fokus
