// Running a query: candidate turns from Xapian, hits from each turn's word
// positions, the text around each hit from the project, and the counts.
#include <algorithm>
#include <map>

#include "coding/sqlite.h"
#include "coding/text.h"
#include "search/index_state.h"
#include "search/query_plan.h"
#include "search/terms.h"
#include "search/turn_record.h"

namespace fokus::search {
namespace {

// Turns asked of Xapian at a time when only some are wanted: candidates that
// turn out to hold no hit (a phrase checked per turn, inside/outside) are
// made up for by the next batch.
constexpr Xapian::doccount smallest_batch = 50;

// Terms of one kind are alternatives; kinds must all hold.
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
    // Inside a code's codings needs a turn that touches one.
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
    Span span;
};

// What the hits of one document need, read once per search.
struct DocumentInfo {
    std::string name;
    std::string municipality;
    std::vector<CodedSpan> codings;
};

class HitBuilder {
public:
    HitBuilder(Project& project, const SearchOptions& options)
        : project_(project),
          options_(options),
          text_(project.db().prepare("SELECT substr(text, ?, ?) FROM documents WHERE id = ?")) {
        auto codes = project.db().prepare("SELECT id, name FROM codes");
        while (codes.step()) code_names_[codes.int64(0)] = codes.text(1);
    }

    // The hits of one matching turn; none when the inside/outside filter drops them all.
    std::vector<Hit> hits_of(const TurnRecord& record, const std::vector<PositionRange>& ranges, SearchResult& result) {
        const auto& document = info(record.document);
        std::vector<Span> spans;
        for (const auto& range : ranges) {
            const auto span = record.span_of(range.first, range.last);
            if (options_.filter.inside && !inside(span, *options_.filter.inside, document)) continue;
            if (options_.filter.outside && touches(span, *options_.filter.outside, document)) continue;
            spans.push_back(span);
        }
        if (spans.empty()) return {};
        // One read of the text for all hits of the turn, context included.
        const std::int64_t context = std::max(0, options_.context);
        const std::int64_t from = std::max<std::int64_t>(0, spans.front().start - context);
        std::int64_t to = from;
        for (const auto& span : spans) to = std::max(to, span.end + context);
        text_.reset();
        text_.bind_all(from + 1, to - from, record.document);
        const std::string piece = text_.step() ? text_.text(0) : std::string();
        const text::OffsetMap offsets(piece);
        auto slice = [&](std::int64_t start, std::int64_t end) {
            const auto begin = offsets.byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, start - from)));
            const auto stop = offsets.byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, end - from)));
            return piece.substr(begin, stop - begin);
        };
        std::vector<Hit> hits;
        for (const auto& span : spans) {
            hits.push_back(Hit{record.document, document.name, record.turn, record.speaker, span,
                               slice(span.start - context, span.start), slice(span.start, span.end),
                               slice(span.end, span.end + context)});
            ++result.per_document[document.name];
            if (!document.municipality.empty()) ++result.per_municipality[document.municipality];
            std::vector<Id> counted;
            for (const auto& coding : document.codings) {
                if (coding.span.start < span.end && span.start < coding.span.end &&
                    std::find(counted.begin(), counted.end(), coding.code) == counted.end()) {
                    counted.push_back(coding.code);
                    ++result.per_code[code_names_[coding.code]];
                }
            }
        }
        return hits;
    }

private:
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
        auto codings = project_.db().prepare("SELECT code_id, start, end FROM codings WHERE document_id = ?");
        codings.bind_all(id);
        while (codings.step()) document.codings.push_back({codings.int64(0), Span{codings.int64(1), codings.int64(2)}});
        return documents_.emplace(id, std::move(document)).first->second;
    }

    static bool of_item(const CodedSpan& coding, const CodeItem& item) {
        return std::find(item.codes.begin(), item.codes.end(), coding.code) != item.codes.end();
    }
    static bool inside(const Span& span, const CodeItem& item, const DocumentInfo& document) {
        return std::any_of(document.codings.begin(), document.codings.end(), [&](const CodedSpan& coding) {
            return of_item(coding, item) && coding.span.start <= span.start && span.end <= coding.span.end;
        });
    }
    static bool touches(const Span& span, const CodeItem& item, const DocumentInfo& document) {
        return std::any_of(document.codings.begin(), document.codings.end(), [&](const CodedSpan& coding) {
            return of_item(coding, item) && coding.span.start < span.end && span.start < coding.span.end;
        });
    }

    Project& project_;
    const SearchOptions& options_;
    sql::Statement text_;
    std::map<Id, std::string> code_names_;
    std::map<Id, DocumentInfo> documents_;
};

}  // namespace

SearchResult Index::search(const std::string& query_text, const SearchOptions& options) {
    const auto parsed = parse_query(query_text, options.exact);  // InputError before touching the index
    update();
    auto& s = *state_;
    SearchResult result;
    HitBuilder builder(s.project, options);
    with_index(s.path, "search", [&] {
        const auto plan = plan_query(*parsed);
        Xapian::Enquire enquire(s.reader);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, plan.query, filter_query(options.filter)));
        if (options.document_order) enquire.set_sort_by_value(document_order_slot, false);
        const bool all = options.max_turns == 0;
        const Xapian::doccount batch =
            all ? std::max<Xapian::doccount>(1, s.reader.get_doccount())
                : std::max(smallest_batch, static_cast<Xapian::doccount>(options.max_turns));
        std::size_t turns = 0;
        for (Xapian::doccount offset = 0;; offset += batch) {
            const auto matches = enquire.get_mset(offset, batch);
            if (offset == 0 && !all) result.matching_turns = matches.get_matches_estimated();
            for (auto match = matches.begin(); match != matches.end(); ++match) {
                if (!all && turns == options.max_turns) {
                    result.complete = false;
                    return;
                }
                const auto ranges = match_turn(*parsed, TurnTerms(s.reader, *match));
                if (!ranges) continue;
                const auto record = TurnRecord::decode(match.get_document().get_data());
                auto hits = builder.hits_of(record, *ranges, result);
                if (hits.empty()) continue;
                ++turns;
                result.hits.insert(result.hits.end(), std::make_move_iterator(hits.begin()), std::make_move_iterator(hits.end()));
            }
            if (matches.size() < batch) break;
        }
        if (all || result.complete) result.matching_turns = turns;
    });
    return result;
}

}  // namespace fokus::search
