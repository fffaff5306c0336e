// Running a query: candidate documents from Xapian, the matching turns of
// each from its word positions, the text around each hit from the project,
// and the counts.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "coding/documents.h"
#include "coding/sqlite.h"
#include "coding/error.h"
#include "coding/text.h"
#include "search/danish.h"
#include "search/document_record.h"
#include "search/index_state.h"
#include "search/query_plan.h"
#include "search/terms.h"

namespace fokus::search {
namespace {

// Documents asked of Xapian at a time when only some turns are wanted.
constexpr Xapian::doccount documents_per_batch = 16;

// The document-level part of the filter: terms of one kind are alternatives;
// kinds must all hold. Speaker, participant and coding terms say only that
// some turn of the document qualifies; TurnFilter checks each turn.
Xapian::Query filter_query(const SearchFilter& filter) {
    std::vector<Xapian::Query> groups;
    auto group = [&](const std::vector<std::string>& terms) {
        if (terms.empty()) return;
        std::vector<Xapian::Query> alternatives(terms.begin(), terms.end());
        groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    std::vector<std::string> terms;
    for (const Id id : filter.documents) terms.push_back(terms::document(id));
    group(terms);
    for (const auto& condition : filter.attributes) {
        terms.clear();
        for (const auto& value : condition.values) {
            terms.push_back(condition.of == AttributeCondition::Of::Document ? terms::document_attribute(condition.name, value)
                                                                             : terms::participant_attribute(condition.name, value));
        }
        group(terms);
    }
    terms.clear();
    for (const auto& speaker : filter.speakers) terms.push_back(terms::speaker(speaker));
    group(terms);
    // Codes and coders together mean codings of those codes by those coders.
    terms.clear();
    for (const auto& item : filter.codes) {
        for (const Id code : item.codes) {
            if (filter.coders.empty()) terms.push_back(terms::code(code));
            for (const Id coder : filter.coders) terms.push_back(terms::code_by_coder(code, coder));
        }
    }
    if (filter.codes.empty()) {
        for (const Id coder : filter.coders) terms.push_back(terms::coder(coder));
    }
    if (!filter.codes.empty() && terms.empty()) terms.push_back("C0");  // a theme without codes: nothing
    group(terms);
    // Inside a code's codings needs a document that has one.
    terms.clear();
    if (filter.inside) {
        for (const Id code : filter.inside->codes) terms.push_back(terms::code(code));
        if (terms.empty()) terms.push_back("C0");
    }
    group(terms);
    if (groups.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

struct CodedSpan {
    Id code = 0;
    Id coder = 0;
    Span span;
};

// What the hits of one document need, read once per search.
struct DocumentInfo {
    std::string name;
    std::string municipality;
    std::vector<CodedSpan> codings;
};

bool overlap(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }
template <class List, class Item>
bool holds(const List& list, const Item& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// The parts of the filter that hold per turn: the speaker, the participant's
// attributes, and codings touching the turn's speech.
class TurnFilter {
public:
    TurnFilter(Project& project, const SearchFilter& filter)
        : filter_(filter),
          attributes_(project.db().prepare("SELECT name, value FROM participant_attributes WHERE participant_id = ?")) {}

    bool admits(const IndexedTurn& turn, const DocumentInfo& document) {
        if (!filter_.speakers.empty() && !holds(filter_.speakers, turn.speaker)) return false;
        for (const auto& condition : filter_.attributes) {
            if (condition.of != AttributeCondition::Of::Participant) continue;
            if (turn.participant == 0) return false;
            const auto& known = participant(turn.participant);
            if (std::none_of(known.begin(), known.end(), [&](const auto& attribute) {
                    return attribute.first == condition.name && holds(condition.values, attribute.second);
                })) {
                return false;
            }
        }
        if (filter_.codes.empty() && filter_.coders.empty()) return true;
        return std::any_of(document.codings.begin(), document.codings.end(), [&](const CodedSpan& coding) {
            if (!overlap(coding.span, turn.body)) return false;
            if (!filter_.coders.empty() && !holds(filter_.coders, coding.coder)) return false;
            return filter_.codes.empty() || std::any_of(filter_.codes.begin(), filter_.codes.end(),
                                                        [&](const CodeItem& item) { return holds(item.codes, coding.code); });
        });
    }

private:
    const std::vector<std::pair<std::string, std::string>>& participant(Id id) {
        if (const auto found = participants_.find(id); found != participants_.end()) return found->second;
        auto& attributes = participants_[id];
        attributes_.reset();
        attributes_.bind_all(id);
        while (attributes_.step()) attributes.emplace_back(attributes_.text(0), attributes_.text(1));
        return attributes;
    }

    const SearchFilter& filter_;
    sql::Statement attributes_;
    std::map<Id, std::vector<std::pair<std::string, std::string>>> participants_;
};

class HitBuilder {
public:
    HitBuilder(Project& project, const SearchOptions& options)
        : project_(project), options_(options), text_(project.db().prepare("SELECT text, text_checksum, name FROM documents WHERE id = ?")) {
        auto codes = project.db().prepare("SELECT id, name FROM codes");
        while (codes.step()) code_names_[codes.int64(0)] = codes.text(1);
    }

    const DocumentInfo& info(Id id) {
        if (const auto found = documents_.find(id); found != documents_.end()) return found->second;
        DocumentInfo document;
        auto row = project_.db().prepare(
            "SELECT name, (SELECT value FROM document_attributes WHERE document_id = documents.id AND name = 'municipality') "
            "FROM documents WHERE id = ?");
        row.bind_all(id);
        if (row.step()) {
            document.name = row.text(0);
            document.municipality = row.optional_text(1).value_or("");
        }
        auto codings = project_.db().prepare("SELECT code_id, coder_id, start, end FROM codings WHERE document_id = ?");
        codings.bind_all(id);
        while (codings.step()) {
            document.codings.push_back({codings.int64(0), codings.int64(1), Span{codings.int64(2), codings.int64(3)}});
        }
        return documents_.emplace(id, std::move(document)).first->second;
    }

    // The hits of one matching turn; none when the inside/outside filter
    // drops them all. `respelt`: positions (sorted) of words found under another spelling.
    std::vector<Hit> hits_of(Id id, const IndexedTurn& turn, const std::vector<PositionRange>& ranges,
                             const std::vector<Xapian::termpos>& respelt = {}) {
        const auto& document = info(id);
        const auto& text = text_of(id);
        auto disagrees = [&] {
            return DamagedIndexError("the search index disagrees with the text of " + text::quote(document.name) +
                                     "; rebuild the index (fokus-cli reindex)");
        };
        // Only the first and last word of each stretch need their spans.
        std::vector<std::uint32_t> wanted;
        for (const auto& range : ranges) {
            if (!turn.holds(range.first) || !turn.holds(range.last)) throw disagrees();
            wanted.push_back(range.first - turn.first_position);
            wanted.push_back(range.last - turn.first_position);
        }
        for (const auto position : respelt) {
            if (turn.holds(position)) wanted.push_back(position - turn.first_position);
        }
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        const auto words = word_spans(text, turn, wanted);
        if (words.size() != wanted.size()) throw disagrees();
        auto span_of = [&](Xapian::termpos position) -> const Span& {
            const auto word = std::lower_bound(wanted.begin(), wanted.end(), position - turn.first_position);
            return words[static_cast<std::size_t>(word - wanted.begin())];
        };
        std::vector<Span> spans;
        std::vector<std::vector<Span>> respelt_spans;
        for (const auto& range : ranges) {
            const Span span{span_of(range.first).start, span_of(range.last).end};
            if (options_.filter.inside && !inside(span, *options_.filter.inside, document)) continue;
            if (options_.filter.outside && touches(span, *options_.filter.outside, document)) continue;
            spans.push_back(span);
            auto& inner = respelt_spans.emplace_back();
            for (auto at = std::lower_bound(respelt.begin(), respelt.end(), range.first); at != respelt.end() && *at <= range.last; ++at) {
                inner.push_back(span_of(*at));
            }
        }
        if (spans.empty()) return {};
        const std::int64_t context = std::max(0, options_.context);
        auto slice = [&](std::int64_t start, std::int64_t end) {
            const auto begin = offsets_->byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, start)));
            const auto stop = offsets_->byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, end)));
            return text.substr(begin, stop - begin);
        };
        std::vector<Hit> hits;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const auto& span = spans[i];
            hits.push_back(Hit{id, document.name, turn.turn, turn.speaker, span, slice(span.start - context, span.start),
                               slice(span.start, span.end), slice(span.end, span.end + context), {}});
            for (const auto& word : respelt_spans[i]) hits.back().other_spellings.emplace_back(slice(word.start, word.end));
        }
        return hits;
    }

    void count(const Hit& hit, SearchResult& result) {
        const auto& document = info(hit.document);
        ++result.per_document[document.name];
        if (!document.municipality.empty()) ++result.per_municipality[document.municipality];
        std::vector<Id> counted;
        for (const auto& coding : document.codings) {
            if (overlap(coding.span, hit.span) && !holds(counted, coding.code)) {
                counted.push_back(coding.code);
                ++result.per_code[code_names_[coding.code]];
            }
        }
    }

private:
    // The spans of the turn's words numbered in `wanted` (sorted, from 0), in
    // the document, split as when indexed: one pass over the turn, which
    // stops at the last word wanted and keeps no other.
    std::vector<Span> word_spans(const std::string& text, const IndexedTurn& turn, const std::vector<std::uint32_t>& wanted) {
        std::vector<Span> spans;
        if (wanted.empty()) return spans;
        spans.reserve(wanted.size());
        const auto from = offsets_->byte_of(static_cast<std::size_t>(turn.body.start));
        const auto to = offsets_->byte_of(static_cast<std::size_t>(turn.body.end));
        std::uint32_t word = 0;
        words_.each_span(std::string_view(text).substr(from, to - from), [&](const Span& span) {
            if (word++ == wanted[spans.size()]) spans.push_back(Span{turn.body.start + span.start, turn.body.start + span.end});
            return spans.size() < wanted.size();
        });
        return spans;
    }

    // One document's text at a time: its turns are taken one after another.
    const std::string& text_of(Id id) {
        if (id != text_document_) {
            text_.reset();
            text_.bind_all(id);
            text_document_ = id;
            text_cache_.clear();
            if (text_.step()) {
                text_cache_ = text_.text(0);
                verify_text(project_, text_.text(2), text_cache_, text_.text(1));
            }
            offsets_.emplace(text_cache_);
        }
        return text_cache_;
    }

    static bool of_item(const CodedSpan& coding, const CodeItem& item) { return holds(item.codes, coding.code); }
    static bool inside(const Span& span, const CodeItem& item, const DocumentInfo& document) {
        return std::any_of(document.codings.begin(), document.codings.end(), [&](const CodedSpan& coding) {
            return of_item(coding, item) && coding.span.start <= span.start && span.end <= coding.span.end;
        });
    }
    static bool touches(const Span& span, const CodeItem& item, const DocumentInfo& document) {
        return std::any_of(document.codings.begin(), document.codings.end(),
                           [&](const CodedSpan& coding) { return of_item(coding, item) && overlap(coding.span, span); });
    }

    Project& project_;
    const SearchOptions& options_;
    sql::Statement text_;
    Id text_document_ = 0;
    std::string text_cache_;
    std::optional<text::OffsetMap> offsets_;
    WordBreaker words_;
    std::map<Id, std::string> code_names_;
    std::map<Id, DocumentInfo> documents_;
};

struct MatchedTurn {
    double score = 0;
    std::vector<Hit> hits;
};

// The turns of a document holding any word of the query's positive parts, in order.
std::vector<const IndexedTurn*> turns_with_words(const DocumentRecord& record, const DocumentPositions& positions) {
    std::vector<const IndexedTurn*> turns;
    for (const auto& [node, index] : positions.query().words()) {
        for (const auto position : positions.of(*node, index).all) {
            if (const auto* turn = record.turn_at(position)) turns.push_back(turn);
        }
    }
    std::sort(turns.begin(), turns.end());  // the record's turns are in position order, so addresses are too
    turns.erase(std::unique(turns.begin(), turns.end()), turns.end());
    return turns;
}

// The matching turns of one candidate document, with their hits in context.
class DocumentMatcher {
public:
    DocumentMatcher(const Xapian::Database& db, const ResolvedQuery& query, HitBuilder& builder, TurnFilter& filter,
                    const SearchOptions& options)
        : db_(db), query_(query), builder_(builder), filter_(filter), options_(options) {}

    // All of them; with a limit, no more than one past it, the best (or the
    // first in document order): only those can be among the best of all.
    std::vector<MatchedTurn> turns_of(const Xapian::Document& entry, Xapian::docid id) {
        const auto record = DocumentRecord::decode(entry.get_data());
        const auto& document = builder_.info(record.document);
        const DocumentPositions positions(db_, id, query_);
        const double mean_turn_words =
            static_cast<double>(record.word_count()) / static_cast<double>(std::max<std::size_t>(1, record.turns.size()));
        struct Candidate {
            double score;
            const IndexedTurn* turn;
            std::vector<PositionRange> ranges;
        };
        std::vector<Candidate> candidates;
        for (const auto* turn : turns_with_words(record, positions)) {
            if (!filter_.admits(*turn, document)) continue;
            const TurnPositions view(positions, *turn);
            auto ranges = match_turn(query_.root(), view);
            if (ranges) candidates.push_back({turn_score(view, mean_turn_words), turn, std::move(*ranges)});
        }
        ++documents_seen_;
        turns_seen_ += candidates.size();
        const bool limited = options_.max_turns != 0;
        if (limited && !options_.document_order) {
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        }
        std::vector<MatchedTurn> matched;
        for (const auto& candidate : candidates) {
            if (limited && matched.size() > options_.max_turns) break;
            auto hits = builder_.hits_of(record.document, *candidate.turn, candidate.ranges, respelt(positions, *candidate.turn));
            if (!hits.empty()) matched.push_back({candidate.score, std::move(hits)});
        }
        return matched;
    }

    // Matching turns in the documents looked into, on average (before the
    // inside and outside filters, which work on hits).
    double turns_per_document() const {
        return static_cast<double>(turns_seen_) / static_cast<double>(std::max<std::size_t>(1, documents_seen_));
    }

private:
    // Positions in the turn of words found under another spelling than the query's.
    std::vector<Xapian::termpos> respelt(const DocumentPositions& positions, const IndexedTurn& turn) const {
        std::vector<Xapian::termpos> found;
        for (const auto& [node, index] : query_.words()) {
            const auto& of = positions.of(*node, index);
            for (const auto* list : {&of.alike, &of.damaged}) {
                const auto from = std::lower_bound(list->begin(), list->end(), turn.first_position);
                found.insert(found.end(), from, std::upper_bound(from, list->end(), turn.last_position()));
            }
        }
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }

    std::size_t documents_seen_ = 0;
    std::size_t turns_seen_ = 0;
    const Xapian::Database& db_;
    const ResolvedQuery& query_;
    HitBuilder& builder_;
    TurnFilter& filter_;
    const SearchOptions& options_;
};

// The query run on an index brought up to date.
SearchResult run(Index::State& s, const QueryNode& parsed, const SearchOptions& options) {
    SearchResult result;
    HitBuilder builder(s.project, options);
    TurnFilter turn_filter(s.project, options.filter);
    std::vector<MatchedTurn> turns;
    const bool limited = options.max_turns != 0;
    Xapian::doccount documents_estimated = 0;
    double turns_per_document = 0;
    // Returns as soon as enough turns are found.
    [&] {
        const ResolvedQuery query(parsed, s.reader, options.ocr_spellings);
        DocumentMatcher matcher(s.reader, query, builder, turn_filter, options);
        Xapian::Enquire enquire(s.reader);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query.candidates(), filter_query(options.filter)));
        if (options.document_order) {
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_sort_by_value(document_order_slot, false);
        }
        const Xapian::doccount batch = limited ? documents_per_batch : std::max<Xapian::doccount>(1, s.reader.get_doccount());
        for (Xapian::doccount offset = 0;; offset += batch) {
            const auto matches = enquire.get_mset(offset, batch);
            if (offset == 0) documents_estimated = matches.get_matches_estimated();
            for (auto match = matches.begin(); match != matches.end(); ++match) {
                // Enough turns: in document order the next one found shows
                // there are more; by relevance a whole document's turns compete.
                if (limited && turns.size() > options.max_turns) return;
                auto found = matcher.turns_of(match.get_document(), *match);
                turns_per_document = matcher.turns_per_document();
                for (auto& turn : found) {
                    turns.push_back(std::move(turn));
                    if (limited && options.document_order && turns.size() > options.max_turns) return;
                }
            }
            if (matches.size() < batch) break;
        }
    }();
    if (!options.document_order) {
        std::stable_sort(turns.begin(), turns.end(), [](const MatchedTurn& a, const MatchedTurn& b) { return a.score > b.score; });
    }
    result.complete = !limited || turns.size() <= options.max_turns;
    if (result.complete) {
        result.matching_turns = turns.size();
    } else {
        // Turns per document looked into, over the documents Xapian expects.
        const auto estimate = static_cast<std::size_t>(std::lround(turns_per_document * documents_estimated));
        result.matching_turns = std::max(turns.size(), estimate);
        turns.resize(options.max_turns);
    }
    for (auto& turn : turns) {
        for (auto& hit : turn.hits) {
            builder.count(hit, result);
            result.hits.push_back(std::move(hit));
        }
    }
    return result;
}

}  // namespace

SearchResult Index::search(const std::string& query_text, const SearchOptions& options) {
    const auto parsed = parse_query(query_text, options.exact);  // InputError before touching the index
    auto& s = *state_;
    return with_index(s.path, "search", [&] {
        return s.repairing([&] {
            s.catch_up();
            return run(s, *parsed, options);
        });
    });
}

}  // namespace fokus::search
