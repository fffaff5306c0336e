// Coding search hits: the span each hit stands for at the chosen level, and
// all of them applied as one action. Each document's turns and each turn's
// speech are read once however many hits they hold, and sentences are found
// in one pass over the speech, so coding many hits in one long turn takes
// time in proportion to the turn and the hits.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/text_breaks.h"
#include "search/index.h"

namespace fokus::search {
namespace {

// The speech of each turn, read once per document.
class Speeches {
public:
    explicit Speeches(Project& project) : project_(project) {}

    // The turn's speech holding the hit; the whole document when it has no turns.
    Span around(const Hit& hit) {
        auto known = documents_.find(hit.document);
        if (known == documents_.end()) known = documents_.emplace(hit.document, read(hit.document)).first;
        const auto& document = known->second;
        if (hit.turn != 0) {
            if (const auto turn = document.turns.find(hit.turn); turn != document.turns.end()) return turn->second;
        }
        return Span{0, document.length};
    }

private:
    struct Document {
        std::int64_t length = 0;
        std::map<Id, Span> turns;
    };

    Document read(Id id) {
        const DocumentStore store(project_);
        Document document;
        document.length = store.get(id).length;  // NotFoundError when there is no such document
        for (const auto& turn : store.turns(id)) document.turns.emplace(turn.id, turn.body());
        return document;
    }

    Project& project_;
    std::map<Id, Document> documents_;
};

using text::TextPlace;

// The sentence breaks of one speech, walked forward from its start.
class SentenceWalk {
public:
    SentenceWalk(text::DanishBreaks& sentences, std::string_view speech) : pieces_(sentences.walk(speech)) { next_ = advance(); }

    // The last break at or before `code_point`; calls must not go backwards.
    TextPlace last_at_or_before(std::int64_t code_point) {
        while (next_ && next_->code_point <= code_point) {
            current_ = *next_;
            next_ = advance();
        }
        return current_;
    }
    // The first break at or after `code_point` (the end of the speech past
    // the last); calls must not go backwards.
    TextPlace first_at_or_after(std::int64_t code_point) {
        while (current_.code_point < code_point && next_) {
            current_ = *next_;
            next_ = advance();
        }
        return current_;
    }

private:
    std::optional<TextPlace> advance() {
        const auto piece = pieces_.next();
        if (!piece) return std::nullopt;
        return TextPlace{piece->byte + piece->utf8.size(), piece->span.end};
    }

    text::DanishBreaks::Walk pieces_;
    TextPlace current_;
    std::optional<TextPlace> next_;
};

// The sentences around the hits of one speech (`which` index into `hits`),
// within it and without the spaces and line breaks that end them: a sentence
// starts at or before a hit's first character and ends at or after its last
// (a phrase may run over a sentence break).
void sentences_around(text::DanishBreaks& sentences, std::string_view speech, Span speech_span, const std::vector<Hit>& hits,
                      std::vector<std::size_t> which, std::vector<Span>& spans) {
    std::sort(which.begin(), which.end(), [&](std::size_t a, std::size_t b) { return hits[a].span.start < hits[b].span.start; });
    {
        SentenceWalk walk(sentences, speech);
        for (const auto i : which) spans[i].start = walk.last_at_or_before(hits[i].span.start - speech_span.start).code_point;
    }
    std::sort(which.begin(), which.end(), [&](std::size_t a, std::size_t b) { return hits[a].span.end < hits[b].span.end; });
    SentenceWalk walk(sentences, speech);
    for (const auto i : which) {
        const auto end = walk.first_at_or_after(hits[i].span.end - speech_span.start);
        spans[i].end = text::before_trailing_space(speech, end, spans[i].start).code_point;
    }
    for (const auto i : which) spans[i] = Span{speech_span.start + spans[i].start, speech_span.start + spans[i].end};
}

std::string speech_text(Project& project, Id document, Span speech) {
    return speech.length() > 0 ? DocumentStore(project).excerpt(document, speech) : std::string();
}

std::vector<Span> sentence_spans(Project& project, const std::vector<Hit>& hits, Speeches& speeches) {
    // The hits of each speech together, so that each is read and broken once.
    std::map<std::tuple<Id, std::int64_t, std::int64_t>, std::vector<std::size_t>> by_speech;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const auto speech = speeches.around(hits[i]);
        by_speech[{hits[i].document, speech.start, speech.end}].push_back(i);
    }
    text::DanishBreaks sentences(text::BreakUnit::Sentence);
    std::vector<Span> spans(hits.size());
    for (auto& [key, which] : by_speech) {
        const auto& [document, start, end] = key;
        const Span speech{start, end};
        const auto text = speech_text(project, document, speech);
        sentences_around(sentences, text, speech, hits, std::move(which), spans);
    }
    return spans;
}

std::vector<Span> coding_spans(Project& project, const std::vector<Hit>& hits, HitLevel level) {
    std::vector<Span> spans;
    if (level == HitLevel::Word) {
        for (const auto& hit : hits) spans.push_back(hit.span);
        return spans;
    }
    Speeches speeches(project);
    if (level == HitLevel::Sentence) return sentence_spans(project, hits, speeches);
    for (const auto& hit : hits) spans.push_back(speeches.around(hit));
    return spans;
}

}  // namespace

HitLevel parse_level(const std::string& name) {
    if (name == "word") return HitLevel::Word;
    if (name == "sentence") return HitLevel::Sentence;
    if (name == "turn") return HitLevel::Turn;
    throw InputError("\"" + name + "\" is not a level of coding; use word, sentence or turn");
}

Span coding_span(Project& project, const Hit& hit, HitLevel level) { return coding_spans(project, {hit}, level).front(); }

std::vector<Id> code_hits(Project& project, const std::vector<Hit>& hits, Id code, HitLevel level,
                          const std::vector<std::size_t>& chosen) {
    for (const auto number : chosen) {
        if (number == 0 || number > hits.size()) {
            throw InputError("there is no hit number " + std::to_string(number) + "; the search found " +
                             std::to_string(hits.size()) + " hits");
        }
    }
    std::vector<Hit> wanted;
    if (chosen.empty()) {
        wanted = hits;
    } else {
        for (const auto number : std::set<std::size_t>(chosen.begin(), chosen.end())) wanted.push_back(hits[number - 1]);
    }
    const auto spans = coding_spans(project, wanted, level);
    std::vector<CodingRequest> requests;
    // Several hits in one sentence or turn make one coding.
    std::set<std::tuple<Id, std::int64_t, std::int64_t>> requested;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (requested.emplace(wanted[i].document, spans[i].start, spans[i].end).second) {
            requests.push_back(CodingRequest{wanted[i].document, spans[i]});
        }
    }
    if (requests.empty()) throw InputError("there are no hits to code");
    const auto target = CodeStore(project).get(code);
    return CodingStore(project).add_all(code, requests,
                                        "code " + std::to_string(requests.size()) + " search hits with \"" + target.name + "\"");
}

}  // namespace fokus::search
