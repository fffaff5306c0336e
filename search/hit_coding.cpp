// Coding search hits: the span each hit stands for at the chosen level, and
// all of them applied as one action.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "search/index.h"

namespace fokus::search {
namespace {

// The turn's speech holding the hit; the whole document when it has no turns.
Span speech_around(DocumentStore& documents, const Hit& hit) {
    if (hit.turn != 0) {
        for (const auto& turn : documents.turns(hit.document)) {
            if (turn.id == hit.turn) return Span{turn.body_start, turn.span.end};
        }
    }
    return Span{0, documents.get(hit.document).length};
}

// The ICU sentence around the hit within its speech, without the spaces and
// line breaks that end it.
Span sentence_around(DocumentStore& documents, const Hit& hit) {
    const Span speech = speech_around(documents, hit);
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(documents.excerpt(hit.document, speech));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
    if (U_FAILURE(status) || !sentences) throw Error(std::string("ICU sentence breaking for Danish is unavailable: ") + u_errorName(status));
    sentences->setText(text);
    const auto hit_start = text.moveIndex32(0, static_cast<std::int32_t>(hit.span.start - speech.start));
    const auto hit_end = text.moveIndex32(0, static_cast<std::int32_t>(hit.span.end - speech.start));
    // A sentence starts at or before the hit's first character...
    std::int32_t start = sentences->isBoundary(hit_start) ? hit_start : sentences->preceding(hit_start);
    if (start == icu::BreakIterator::DONE) start = 0;
    // ...and ends at or after its last (a phrase may run over a sentence break).
    std::int32_t end = sentences->isBoundary(hit_end) ? hit_end : sentences->following(hit_end);
    if (end == icu::BreakIterator::DONE) end = text.length();
    while (end > start && u_isUWhiteSpace(text.char32At(end - 1))) end = text.moveIndex32(end, -1);
    return Span{speech.start + text.countChar32(0, start), speech.start + text.countChar32(0, end)};
}

}  // namespace

HitLevel parse_level(const std::string& name) {
    if (name == "word") return HitLevel::Word;
    if (name == "sentence") return HitLevel::Sentence;
    if (name == "turn") return HitLevel::Turn;
    throw InputError("\"" + name + "\" is not a level of coding; use word, sentence or turn");
}

Span coding_span(Project& project, const Hit& hit, HitLevel level) {
    DocumentStore documents(project);
    switch (level) {
        case HitLevel::Word: return hit.span;
        case HitLevel::Sentence: return sentence_around(documents, hit);
        case HitLevel::Turn: return speech_around(documents, hit);
    }
    return hit.span;
}

std::vector<Id> code_hits(Project& project, const std::vector<Hit>& hits, Id code, HitLevel level,
                          const std::vector<std::size_t>& chosen) {
    for (const auto number : chosen) {
        if (number == 0 || number > hits.size()) {
            throw InputError("there is no hit number " + std::to_string(number) + "; the search found " +
                             std::to_string(hits.size()) + " hits");
        }
    }
    std::vector<CodingRequest> requests;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (!chosen.empty() && std::find(chosen.begin(), chosen.end(), i + 1) == chosen.end()) continue;
        const CodingRequest request{hits[i].document, coding_span(project, hits[i], level)};
        // Several hits in one sentence or turn make one coding.
        if (std::none_of(requests.begin(), requests.end(),
                         [&](const CodingRequest& r) { return r.document == request.document && r.span == request.span; })) {
            requests.push_back(request);
        }
    }
    if (requests.empty()) throw InputError("there are no hits to code");
    const auto target = CodeStore(project).get(code);
    return CodingStore(project).add_all(code, requests,
                                        "code " + std::to_string(requests.size()) + " search hits with \"" + target.name + "\"");
}

}  // namespace fokus::search
