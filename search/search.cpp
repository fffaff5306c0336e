// Running a query against the index: every hit, in context, with counts; and
// coding the hits.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "coding/text.h"
#include "search/danish.h"
#include "search/index.h"
#include "search/index_state.h"
#include "search/query.h"

namespace fokus::search {
namespace {

// Terms of one kind are alternatives; kinds must all hold.
Xapian::Query filter_query(const SearchFilter& filter) {
    std::vector<Xapian::Query> groups;
    auto group = [&](const std::vector<std::string>& terms) {
        if (terms.empty()) return;
        std::vector<Xapian::Query> alternatives(terms.begin(), terms.end());
        groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    std::vector<std::string> terms;
    for (const Id id : filter.documents) terms.push_back("D" + std::to_string(id));
    group(terms);
    for (const auto& condition : filter.attributes) {
        terms.clear();
        const char* prefix = condition.of == AttributeCondition::Of::Document ? "A" : "R";
        for (const auto& value : condition.values) terms.push_back(prefix + condition.name + "=" + value);
        group(terms);
    }
    terms.clear();
    for (const auto& speaker : filter.speakers) terms.push_back("S" + speaker);
    group(terms);
    terms.clear();
    for (const auto& item : filter.codes) {
        for (const Id code : item.codes) terms.push_back("C" + std::to_string(code));
    }
    group(terms);
    terms.clear();
    for (const Id coder : filter.coders) terms.push_back("K" + std::to_string(coder));
    group(terms);
    if (groups.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

std::vector<Span> coded_spans(Project& project, Id document, const CodeItem& item) {
    std::vector<Span> spans;
    auto query = project.db().prepare("SELECT code_id, start, end FROM codings WHERE document_id = ?");
    query.bind_all(document);
    while (query.step()) {
        if (std::find(item.codes.begin(), item.codes.end(), query.int64(0)) != item.codes.end()) {
            spans.push_back(Span{query.int64(1), query.int64(2)});
        }
    }
    return spans;
}

bool inside_any(const Span& span, const std::vector<Span>& spans) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.start <= span.start && span.end <= s.end; });
}
bool touches_any(const Span& span, const std::vector<Span>& spans) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.start < span.end && span.start < s.end; });
}

std::string slice(const std::string& text, const text::OffsetMap& offsets, std::int64_t from, std::int64_t to) {
    const auto begin = offsets.byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, from)));
    const auto end = offsets.byte_of(static_cast<std::size_t>(std::max<std::int64_t>(0, to)));
    std::string part = text.substr(begin, end - begin);
    std::replace(part.begin(), part.end(), '\n', ' ');
    return part;
}

}  // namespace

SearchResult Index::search(const std::string& text_query, const SearchOptions& options) {
    const auto parsed = parse_query(text_query, options.exact);
    update();
    auto& s = *state_;
    Xapian::Enquire enquire(s.db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, to_xapian(*parsed), filter_query(options.filter)));
    const auto matches = enquire.get_mset(0, options.max_turns > 0 ? static_cast<Xapian::doccount>(options.max_turns) : s.db.get_doccount());
    SearchResult result;
    DocumentStore documents(s.project);
    struct Loaded {
        std::string name, municipality, text;
        std::unique_ptr<text::OffsetMap> offsets;
        std::vector<Span> inside, outside;
    };
    std::map<Id, Loaded> loaded;
    auto codes_query = s.project.db().prepare(
        "SELECT DISTINCT k.name FROM codings c JOIN codes k ON k.id = c.code_id WHERE c.document_id = ? AND c.start < ? AND c.end > ?");
    for (auto match = matches.begin(); match != matches.end(); ++match) {
        std::istringstream data(match.get_document().get_data());
        Id document = 0, turn = 0;
        Span span;
        data >> document >> turn >> span.start >> span.end;
        std::string speaker;
        std::getline(data >> std::ws, speaker);
        auto found = loaded.find(document);
        if (found == loaded.end()) {
            Loaded entry;
            entry.name = documents.get(document).name;
            const auto attributes = documents.attributes(document);
            entry.municipality = attributes.count("municipality") ? attributes.at("municipality") : "";
            entry.text = documents.text(document);
            entry.offsets = std::make_unique<text::OffsetMap>(entry.text);
            if (options.filter.inside) entry.inside = coded_spans(s.project, document, *options.filter.inside);
            if (options.filter.outside) entry.outside = coded_spans(s.project, document, *options.filter.outside);
            found = loaded.emplace(document, std::move(entry)).first;
        }
        const auto& doc = found->second;
        for (auto hit_span : matching_spans(*parsed, tokenize(doc.text.substr(doc.offsets->byte_of(static_cast<std::size_t>(span.start)),
                                                                             doc.offsets->byte_of(static_cast<std::size_t>(span.end)) -
                                                                                 doc.offsets->byte_of(static_cast<std::size_t>(span.start)))))) {
            const Span absolute{span.start + hit_span.start, span.start + hit_span.end};
            if (options.filter.inside && !inside_any(absolute, doc.inside)) continue;
            if (options.filter.outside && touches_any(absolute, doc.outside)) continue;
            Hit hit{document, doc.name, turn, speaker, absolute,
                    slice(doc.text, *doc.offsets, absolute.start - options.context, absolute.start),
                    slice(doc.text, *doc.offsets, absolute.start, absolute.end),
                    slice(doc.text, *doc.offsets, absolute.end, absolute.end + options.context)};
            ++result.per_document[doc.name];
            if (!doc.municipality.empty()) ++result.per_municipality[doc.municipality];
            codes_query.reset();
            codes_query.bind_all(document, absolute.end, absolute.start);
            while (codes_query.step()) ++result.per_code[codes_query.text(0)];
            result.hits.push_back(std::move(hit));
        }
    }
    if (options.document_order) {
        std::stable_sort(result.hits.begin(), result.hits.end(), [](const Hit& a, const Hit& b) {
            return std::tie(a.document, a.span.start) < std::tie(b.document, b.span.start);
        });
    }
    return result;
}

HitLevel parse_level(const std::string& name) {
    if (name == "word") return HitLevel::Word;
    if (name == "sentence") return HitLevel::Sentence;
    if (name == "turn") return HitLevel::Turn;
    throw InputError("\"" + name + "\" is not a level; use word, sentence or turn");
}

std::vector<Id> code_hits(Project& project, const std::vector<Hit>& hits, Id code, HitLevel level,
                          const std::vector<std::size_t>& chosen) {
    DocumentStore documents(project);
    std::vector<CodingRequest> requests;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (!chosen.empty() && std::find(chosen.begin(), chosen.end(), i + 1) == chosen.end()) continue;
        const auto& hit = hits[i];
        Span span = hit.span;
        if (level != HitLevel::Word) {
            for (const auto& turn : documents.turns(hit.document)) {
                if (turn.id == hit.turn) span = Span{turn.body_start, turn.span.end};
            }
            if (hit.turn == 0) span = Span{0, documents.get(hit.document).length};
        }
        if (level == HitLevel::Sentence) {
            // The sentence around the hit, found by ICU within its turn.
            const auto turn_text = documents.excerpt(hit.document, span);
            const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(turn_text);
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
            sentences->setText(unicode);
            const auto relative = static_cast<std::int32_t>(hit.span.start - span.start);
            const std::int32_t unit = unicode.moveIndex32(0, relative);
            const std::int32_t end = sentences->following(unit);
            const std::int32_t start = sentences->preceding(unit + 1);
            const std::int64_t start_cp = span.start + unicode.countChar32(0, std::max(0, start));
            std::int64_t end_cp = span.start + unicode.countChar32(0, end == icu::BreakIterator::DONE ? unicode.length() : end);
            // The sentence without the space that follows it.
            while (end_cp > start_cp && documents.excerpt(hit.document, Span{end_cp - 1, end_cp}) == " ") --end_cp;
            span = Span{start_cp, end_cp};
        }
        if (std::none_of(requests.begin(), requests.end(),
                         [&](const CodingRequest& r) { return r.document == hit.document && r.span == span; })) {
            requests.push_back({hit.document, span});
        }
    }
    if (requests.empty()) throw InputError("there are no hits to code");
    const auto target = CodeStore(project).get(code);
    return CodingStore(project).add_all(code, requests,
                                        "code " + std::to_string(requests.size()) + " search hits with \"" + target.name + "\"");
}

}  // namespace fokus::search
