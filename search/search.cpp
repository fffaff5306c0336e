// Running a query: candidate documents from Xapian, the matching turns of
// each from its word positions, the text around each hit from the project,
// and the counts.
#include <algorithm>
#include <cmath>
#include <map>
#include <exception>
#include <optional>
#include <thread>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/interviewers.h"
#include "coding/participants.h"
#include "coding/text.h"
#include "search/danish.h"
#include "search/document_record.h"
#include "search/index_state.h"
#include "search/query_plan.h"
#include "search/selection.h"
#include "search/terms.h"

namespace fokus::search {
namespace {

// Documents asked of Xapian at a time when only some turns are wanted.
constexpr Xapian::doccount documents_per_batch = 16;

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

class HitBuilder {
public:
    HitBuilder(Project& project, const SearchOptions& options)
        : options_(options), store_(project), codings_(project), code_names_(CodeStore(project).names()) {}

    const DocumentInfo& info(Id id) {
        if (const auto found = documents_.find(id); found != documents_.end()) return found->second;
        DocumentInfo document;
        if (const auto found = store_.find(id)) {
            document.name = found->name;
            document.municipality = store_.attribute(id, "municipality").value_or("");
        }
        document.codings = codings_.spans_in(id);
        return documents_.emplace(id, std::move(document)).first->second;
    }

    // The hits of one matching turn; none when the inside/outside filter
    // drops them all. `respelt`: positions (sorted) of words found under another spelling.
    std::vector<Hit> hits_of(Id id, const IndexedTurn& turn, const std::vector<PositionRange>& ranges,
                             const std::vector<Xapian::termpos>& respelt = {}) {
        std::vector<std::size_t> kept;
        const auto spans = spans_of(id, turn, ranges, &kept);
        if (spans.empty()) return {};
        const auto& document = info(id);
        const auto& text = text_of(id);
        const std::int64_t context = std::max(0, options_.context);
        auto slice = [&](std::int64_t start, std::int64_t end) {
            const auto begin = offsets_->byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, start)));
            const auto stop = offsets_->byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, end)));
            return text.substr(begin, stop - begin);
        };
        // The words of each hit that were found under another spelling, as the text writes them.
        std::vector<std::uint32_t> wanted;
        for (const auto position : respelt) {
            if (turn.holds(position)) wanted.push_back(position - turn.first_position);
        }
        const auto respelt_words = wanted.empty() ? std::vector<Span>{} : word_spans(text, turn, wanted);
        std::vector<Hit> hits;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const auto& span = spans[i];
            hits.push_back(Hit{id, document.name, turn.turn, turn.speaker, span, slice(span.start - context, span.start),
                               slice(span.start, span.end), slice(span.end, span.end + context), {}});
            const auto& range = ranges[kept[i]];
            for (std::size_t w = 0; w < wanted.size() && w < respelt_words.size(); ++w) {
                const auto position = wanted[w] + turn.first_position;
                if (range.first <= position && position <= range.last) {
                    hits.back().other_spellings.emplace_back(slice(respelt_words[w].start, respelt_words[w].end));
                }
            }
        }
        return hits;
    }

    // How many hits a matching turn has, without their text or spans when
    // neither the inside/outside filter nor a coding of the turn needs them.
    std::size_t hits_in(Id id, const IndexedTurn& turn, const std::vector<PositionRange>& ranges) {
        if (!options_.filter.inside && !options_.filter.outside) return ranges.size();
        return spans_of(id, turn, ranges).size();
    }

    // Counts the hits of a matching turn as count() counts each hit, putting
    // none in context; returns how many there are.
    std::size_t count_turn(Id id, const IndexedTurn& turn, const std::vector<PositionRange>& ranges, SearchResult& result) {
        const auto& document = info(id);
        // Codings over the whole of the turn's speech hold every hit; only
        // those that cover part of it need the hits' spans.
        std::vector<Id> whole;
        std::vector<CodedSpan> partial;
        for (const auto& coding : document.codings) {
            if (!overlap(coding.span, turn.body)) continue;
            if (coding.span.start <= turn.body.start && turn.body.end <= coding.span.end) {
                if (!holds(whole, coding.code)) whole.push_back(coding.code);
            } else {
                partial.push_back(coding);
            }
        }
        const bool need_spans = !partial.empty() || options_.filter.inside || options_.filter.outside;
        const auto spans = need_spans ? spans_of(id, turn, ranges) : std::vector<Span>{};
        const std::size_t hits = need_spans ? spans.size() : ranges.size();
        if (hits == 0) return 0;
        result.total += hits;
        ++result.matching_turns;
        result.per_document[document.name] += static_cast<int>(hits);
        if (!document.municipality.empty()) result.per_municipality[document.municipality] += static_cast<int>(hits);
        for (const Id code : whole) result.per_code[code_names_[code]] += static_cast<int>(hits);
        std::vector<Id> counted;
        for (const auto& span : spans) {
            counted = whole;
            for (const auto& coding : partial) {
                if (overlap(coding.span, span) && !holds(counted, coding.code)) {
                    counted.push_back(coding.code);
                    ++result.per_code[code_names_[coding.code]];
                }
            }
        }
        return hits;
    }

    // The spans of a matching turn's hits that the inside/outside filter lets
    // through; `kept`, when given, receives the index in `ranges` of each.
    std::vector<Span> spans_of(Id id, const IndexedTurn& turn, const std::vector<PositionRange>& ranges,
                               std::vector<std::size_t>* kept = nullptr) {
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
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        const auto words = word_spans(text, turn, wanted);
        if (words.size() != wanted.size()) throw disagrees();
        auto span_of = [&](Xapian::termpos position) -> const Span& {
            const auto word = std::lower_bound(wanted.begin(), wanted.end(), position - turn.first_position);
            return words[static_cast<std::size_t>(word - wanted.begin())];
        };
        std::vector<Span> spans;
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            const auto& range = ranges[i];
            const Span span{span_of(range.first).start, span_of(range.last).end};
            if (options_.filter.inside && !inside(span, *options_.filter.inside, document)) continue;
            if (options_.filter.outside && touches(span, *options_.filter.outside, document)) continue;
            spans.push_back(span);
            if (kept) kept->push_back(i);
        }
        return spans;
    }

    // Counts the hits of one turn, all given together.
    void count(const std::vector<Hit>& hits, SearchResult& result) {
        if (hits.empty()) return;
        const auto& document = info(hits.front().document);
        result.total += hits.size();
        ++result.matching_turns;
        result.per_document[document.name] += static_cast<int>(hits.size());
        if (!document.municipality.empty()) result.per_municipality[document.municipality] += static_cast<int>(hits.size());
        for (const auto& hit : hits) count_codes(hit.span, document, result);
    }

private:
    void count_codes(const Span& span, const DocumentInfo& document, SearchResult& result) {
        std::vector<Id> counted;
        for (const auto& coding : document.codings) {
            if (overlap(coding.span, span) && !holds(counted, coding.code)) {
                counted.push_back(coding.code);
                ++result.per_code[code_names_[coding.code]];
            }
        }
    }

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
            text_cache_ = store_.text(id);  // checked against its checksum
            text_document_ = id;
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

    const SearchOptions& options_;
    DocumentStore store_;
    CodingStore codings_;
    Id text_document_ = 0;
    std::string text_cache_;
    std::optional<text::OffsetMap> offsets_;
    WordBreaker words_;
    std::map<Id, std::string> code_names_;
    std::map<Id, DocumentInfo> documents_;
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

// A turn that the query matches, before its hits are put in context.
struct MatchedTurn {
    std::size_t turn = 0;  // in the document's record
    double score = 0;
    std::vector<PositionRange> ranges;
    std::vector<Xapian::termpos> respelt;  // positions of words found under another spelling, sorted
};

// Positions in the turn of words found under another spelling than the query's.
std::vector<Xapian::termpos> respelt_in(const DocumentPositions& positions, const IndexedTurn& turn) {
    std::vector<Xapian::termpos> found;
    for (const auto& [node, index] : positions.query().words()) {
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

// The matching turns of one candidate document, in the list's order.
struct DocumentMatches {
    DocumentRecord record;
    std::vector<MatchedTurn> turns;
};

// `spellings`: whether hits will be put in context, which names the words found under another spelling.
DocumentMatches match_document(const Xapian::Database& db, const ResolvedQuery& query, const Xapian::Document& entry,
                               Xapian::docid id, HitBuilder& builder, TurnFilter& filter, const SearchOptions& options,
                               bool spellings) {
    DocumentMatches matches{DocumentRecord::decode(entry.get_data()), {}};
    const auto& record = matches.record;
    const auto& document = builder.info(record.document);
    const DocumentPositions positions(db, id, query);
    const double mean_turn_words =
        static_cast<double>(record.word_count()) / static_cast<double>(std::max<std::size_t>(1, record.turns.size()));
    for (const auto* turn : turns_with_words(record, positions)) {
        if (!filter.admits(*turn, document.codings)) continue;
        const TurnPositions view(positions, *turn);
        auto ranges = match_turn(query.root(), view);
        if (ranges) {
            matches.turns.push_back({static_cast<std::size_t>(turn - record.turns.data()), turn_score(view, mean_turn_words),
                                     std::move(*ranges), spellings ? respelt_in(positions, *turn) : std::vector<Xapian::termpos>{}});
        }
    }
    if (!options.document_order) {
        std::stable_sort(matches.turns.begin(), matches.turns.end(),
                         [](const MatchedTurn& a, const MatchedTurn& b) { return a.score > b.score; });
    }
    return matches;
}

// Adds the counts of `part` (of other documents) to `whole`.
void add_counts(SearchResult& whole, const SearchResult& part) {
    whole.total += part.total;
    whole.matching_turns += part.matching_turns;
    for (const auto& [name, count] : part.per_document) whole.per_document[name] += count;
    for (const auto& [name, count] : part.per_municipality) whole.per_municipality[name] += count;
    for (const auto& [name, count] : part.per_code) whole.per_code[name] += count;
}

// Counts every hit of the candidate documents numbered in `documents`,
// putting none in context, with a connection to the project and a reader of
// the index of its own: so that two of these can count at once.
SearchResult count_documents(Project& project, const Xapian::Database& db, const QueryNode& parsed, const SearchOptions& options,
                             const std::vector<Xapian::docid>& documents) {
    SearchResult counted;
    HitBuilder builder(project, options);
    TurnFilter turn_filter(project, options.filter);
    const ResolvedQuery query(parsed, db, options.ocr_spellings);
    for (const auto id : documents) {
        const auto matches = match_document(db, query, db.get_document(id), id, builder, turn_filter, options, false);
        for (const auto& matched : matches.turns) {
            builder.count_turn(matches.record.document, matches.record.turns[matched.turn], matched.ranges, counted);
        }
    }
    return counted;
}

// The counts over every hit, the candidate documents shared between this
// thread and one more when the machine has a second core.
SearchResult count_all(Index::State& s, const QueryNode& parsed, const SearchOptions& options) {
    Xapian::Enquire enquire(s.reader);
    const ResolvedQuery query(parsed, s.reader, options.ocr_spellings);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query.candidates(), filter_query(options.filter)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> documents;
    const auto candidates = enquire.get_mset(0, std::max<Xapian::doccount>(1, s.reader.get_doccount()));
    for (auto candidate = candidates.begin(); candidate != candidates.end(); ++candidate) documents.push_back(*candidate);
    // Inside an action the project's changes are not yet visible to another connection.
    if (std::thread::hardware_concurrency() < 2 || documents.size() < 64 || s.project.acting()) {
        return count_documents(s.project, s.reader, parsed, options, documents);
    }
    const std::vector<Xapian::docid> second_half(documents.begin() + static_cast<std::ptrdiff_t>(documents.size() / 2), documents.end());
    documents.resize(documents.size() / 2);
    SearchResult second;
    std::exception_ptr failure;
    std::thread helper([&] {
        try {
            auto project = Project::open(s.project.path(), Project::Access::ReadOnly);
            const Xapian::Database reader(s.path.string());
            second = count_documents(project, reader, parsed, options, second_half);
        } catch (...) {
            failure = std::current_exception();
        }
    });
    SearchResult first;
    try {
        first = count_documents(s.project, s.reader, parsed, options, documents);
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failure) std::rethrow_exception(failure);
    add_counts(first, second);
    return first;
}

// The query run on an index brought up to date: the hits of the page in
// context, to `each` or into the result, and the counts.
SearchResult run(Index::State& s, const QueryNode& parsed, const SearchOptions& options, const HitSink& each) {
    if (options.count_all && options.limit != 0) {
        // The page first, as soon as it is found; then every hit counted.
        auto page_only = options;
        page_only.count_all = false;
        auto result = run(s, parsed, page_only, each);
        auto counted = count_all(s, parsed, options);
        counted.hits = std::move(result.hits);
        counted.complete = result.complete;
        return counted;
    }
    SearchResult result;
    HitBuilder builder(s.project, options);
    TurnFilter turn_filter(s.project, options.filter);
    const ResolvedQuery query(parsed, s.reader, options.ocr_spellings);
    Xapian::Enquire enquire(s.reader);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query.candidates(), filter_query(options.filter)));
    if (options.document_order) {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(document_order_slot, false);
    } else {
        // Ties in relevance go by document, so that every page sees one order.
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    }
    const bool limited = options.limit != 0;
    std::size_t skipped = 0;    // hits before the page
    std::size_t delivered = 0;  // hits of the page
    auto deliver = [&](Hit&& hit) {
        ++delivered;
        if (each) {
            each(std::move(hit));
        } else {
            result.hits.push_back(std::move(hit));
        }
    };
    // Documents asked of Xapian at a time: few while only a page is wanted.
    const Xapian::doccount batch = options.count_all ? std::max<Xapian::doccount>(1, s.reader.get_doccount()) : documents_per_batch;
    for (Xapian::doccount first = 0;; first += batch) {
        const auto candidates = enquire.get_mset(first, batch);
        for (auto candidate = candidates.begin(); candidate != candidates.end(); ++candidate) {
            const auto matches = match_document(s.reader, query, candidate.get_document(), *candidate, builder, turn_filter, options, true);
            const Id document = matches.record.document;
            for (const auto& matched : matches.turns) {
                const auto& turn = matches.record.turns[matched.turn];
                const bool page_done = limited && delivered == options.limit;
                if (page_done) {
                    if (options.count_all) {
                        if (builder.count_turn(document, turn, matched.ranges, result) > 0) result.complete = false;
                        continue;
                    }
                    if (builder.hits_in(document, turn, matched.ranges) > 0) {
                        result.complete = false;
                        return result;
                    }
                    continue;
                }
                if (skipped < options.offset) {
                    // Before the page: counted, when counting all, but not put in context.
                    const auto hits = options.count_all ? builder.count_turn(document, turn, matched.ranges, result)
                                                        : builder.hits_in(document, turn, matched.ranges);
                    if (skipped + hits <= options.offset) {
                        skipped += hits;
                        continue;
                    }
                    auto in_context = builder.hits_of(document, turn, matched.ranges, matched.respelt);
                    std::vector<Hit> on_page;
                    for (auto& hit : in_context) {
                        if (skipped < options.offset) {
                            ++skipped;
                        } else if (!limited || delivered + on_page.size() < options.limit) {
                            on_page.push_back(std::move(hit));
                        } else {
                            result.complete = false;
                        }
                    }
                    if (!options.count_all) builder.count(on_page, result);
                    for (auto& hit : on_page) deliver(std::move(hit));
                    if (!result.complete && !options.count_all) return result;
                    continue;
                }
                auto in_context = builder.hits_of(document, turn, matched.ranges, matched.respelt);
                if (options.count_all) {
                    builder.count(in_context, result);
                } else {
                    // Only the page is counted: the hits of this turn on it.
                    std::vector<Hit> on_page(in_context.begin(),
                                             in_context.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                 in_context.size(), limited ? options.limit - delivered : in_context.size())));
                    builder.count(on_page, result);
                }
                for (auto& hit : in_context) {
                    if (!limited || delivered < options.limit) {
                        deliver(std::move(hit));
                    } else {
                        result.complete = false;
                        if (!options.count_all) return result;
                    }
                }
            }
        }
        if (candidates.size() < batch) break;
    }
    return result;
}

}  // namespace

SearchResult Index::search(const std::string& query_text, const SearchOptions& options) {
    return search(query_text, options, {});
}

SearchResult Index::search(const std::string& query_text, const SearchOptions& options, const HitSink& each) {
    const auto parsed = parse_query(query_text, options.exact);  // InputError before touching the index
    auto& s = *state_;
    return with_index(s.path, "search", [&] {
        return s.repairing([&] {
            s.catch_up();
            return run(s, *parsed, options, each);
        });
    });
}

}  // namespace fokus::search
