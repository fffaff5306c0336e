#include "attribution.h"

#include <algorithm>
#include <optional>

#include "documents.h"
#include "error.h"
#include "participants.h"
#include "project.h"
#include "text.h"

namespace fokus {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_view(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

void strip_trailing_space(std::string& text) {
    while (!text.empty() && is_space(text.back())) text.pop_back();
}

char closing_of(char open) { return open == '(' ? ')' : open == '[' ? ']' : '\0'; }

// Index of the bracket closing the one at `open`, skipping placeholders; npos when unclosed.
std::size_t matching_close(std::string_view text, std::size_t open) {
    const char opening = text[open];
    const char closing = closing_of(opening);
    int depth = 0;
    for (std::size_t at = open; at < text.size(); ++at) {
        if (text[at] == '{') {
            at = text.find('}', at);
            if (at == std::string_view::npos) return at;
        } else if (text[at] == opening) {
            ++depth;
        } else if (text[at] == closing && --depth == 0) {
            return at;
        }
    }
    return std::string_view::npos;
}

// The length of a separator mark starting at `at` (",", ";", "|", "·" always;
// dashes and "/" only with space on both sides), or 0.
std::size_t separator_mark(std::string_view text, std::size_t at) {
    const char c = text[at];
    if (c == ',' || c == ';' || c == '|') return 1;
    if (text.substr(at, 2) == "\u00B7") return 2;
    std::size_t length = 0;
    if (c == '-' || c == '/') length = 1;
    if (text.substr(at, 3) == "\u2013" || text.substr(at, 3) == "\u2014") length = 3;
    if (length == 0) return 0;
    const bool spaced_before = at > 0 && is_space(text[at - 1]);
    const bool spaced_after = at + length < text.size() && is_space(text[at + length]);
    return spaced_before && spaced_after ? length : 0;
}

class Renderer {
public:
    explicit Renderer(const AttributionTemplate::Lookup& value) : value_(value) {}

    // A part, perhaps wrapped whole in brackets: the brackets stay only around something.
    std::string part(std::string_view text) const {
        if (!text.empty() && closing_of(text.front()) != '\0' && matching_close(text, 0) == text.size() - 1) {
            const std::string inner = items(text.substr(1, text.size() - 2));
            return inner.empty() ? std::string() : text.front() + inner + text.back();
        }
        return items(text);
    }

private:
    // Splits at separators outside brackets and placeholders, and joins the
    // items that have all their values.
    std::string items(std::string_view text) const {
        std::vector<std::string_view> pieces;
        std::vector<std::string_view> separators;  // separators[i] follows pieces[i]
        std::size_t piece_start = 0;
        for (std::size_t at = 0; at < text.size();) {
            const char c = text[at];
            if (c == '{') {
                const auto close = text.find('}', at);
                at = close == std::string_view::npos ? text.size() : close + 1;
                continue;
            }
            if (closing_of(c) != '\0') {
                const auto close = matching_close(text, at);
                at = close == std::string_view::npos ? at + 1 : close + 1;
                continue;
            }
            if (const auto mark = separator_mark(text, at); mark > 0) {
                std::size_t before = at;
                while (before > piece_start && is_space(text[before - 1])) --before;
                std::size_t after = at + mark;
                while (after < text.size() && is_space(text[after])) ++after;
                pieces.push_back(text.substr(piece_start, before - piece_start));
                separators.push_back(text.substr(before, after - before));
                piece_start = after;
                at = after;
                continue;
            }
            ++at;
        }
        pieces.push_back(text.substr(piece_start));
        separators.emplace_back();

        std::string joined;
        std::optional<std::size_t> previous_kept;
        for (std::size_t index = 0; index < pieces.size(); ++index) {
            const auto rendered = item(pieces[index]);
            if (!rendered) continue;
            if (previous_kept) joined += separators[*previous_kept];
            joined += *rendered;
            previous_kept = index;
        }
        return joined;
    }

    // One item's text, or nothing when a value is missing or nothing is left.
    std::optional<std::string> item(std::string_view text) const {
        std::string out;
        bool drop_space = false;
        for (std::size_t at = 0; at < text.size();) {
            const char c = text[at];
            if (c == '{') {
                const auto close = text.find('}', at);
                const std::string name(trim_view(text.substr(at + 1, close - at - 1)));
                const std::string value = value_(name);
                if (value.empty()) return std::nullopt;
                out += value;
                at = close + 1;
                drop_space = false;
                continue;
            }
            if (closing_of(c) != '\0') {
                if (const auto close = matching_close(text, at); close != std::string_view::npos) {
                    const std::string group = part(text.substr(at, close - at + 1));
                    if (group.empty()) {
                        strip_trailing_space(out);
                        drop_space = true;
                    } else {
                        out += group;
                        drop_space = false;
                    }
                    at = close + 1;
                    continue;
                }
            }
            if (!(drop_space && is_space(c) && (out.empty() || is_space(out.back())))) out += c;
            if (!is_space(c)) drop_space = false;
            ++at;
        }
        if (trim_view(out).empty()) return std::nullopt;
        return out;
    }

    const AttributionTemplate::Lookup& value_;
};

}  // namespace

AttributionTemplate::AttributionTemplate(std::string_view pattern) : pattern_(text::to_nfc(pattern, "the attribution template")) {
    for (std::size_t at = 0; at < pattern_.size(); ++at) {
        if (pattern_[at] == '}') {
            throw InputError("the attribution template " + text::quote(pattern_) + " has a \"}\" without \"{\" at position " +
                             std::to_string(at + 1));
        }
        if (pattern_[at] != '{') continue;
        const auto close = pattern_.find_first_of("{}", at + 1);
        if (close == std::string::npos || pattern_[close] == '{') {
            throw InputError("the attribution template " + text::quote(pattern_) + " has a \"{\" that is never closed");
        }
        const std::string name(trim_view(std::string_view(pattern_).substr(at + 1, close - at - 1)));
        if (name.empty()) throw InputError("the attribution template " + text::quote(pattern_) + " has an empty \"{}\"");
        names_.push_back(name);
        at = close;
    }
}

std::string AttributionTemplate::render(const Lookup& value) const {
    return std::string(trim_view(Renderer(value).part(trim_view(pattern_))));
}

std::string AttributionTemplate::render(const std::map<std::string, std::string>& values) const {
    return render([&](const std::string& name) {
        const auto found = values.find(name);
        return found == values.end() ? std::string() : found->second;
    });
}

std::map<std::string, std::string> QuoteSource::values() const {
    std::map<std::string, std::string> result;
    for (const auto& [name, value] : document_attributes) {
        result[name] = value;
        result["document." + name] = value;
    }
    for (const auto& [name, value] : participant_attributes) {
        result[name] = value;
        result["participant." + name] = value;
    }
    result["speaker"] = speaker;
    result["participant"] = participant;
    result["document"] = document;
    return result;
}

namespace {

struct LoadedDocument {
    Document document;
    std::string text;
    std::unique_ptr<text::OffsetMap> offsets;
    std::vector<Turn> turns;
    std::map<Id, std::optional<Id>> participant_of_speaker;
    std::map<std::string, std::string> attributes;
};

}  // namespace

struct QuoteReader::Cache {
    using Loaded = LoadedDocument;
    explicit Cache(Project& project) : project(project) {}
    Project& project;
    std::map<Id, std::unique_ptr<Loaded>> documents;
    std::optional<std::map<Id, Participant>> participants;

    Loaded& load(Id id) {
        auto& slot = documents[id];
        if (slot) return *slot;
        DocumentStore store(project);
        auto loaded = std::make_unique<Loaded>();
        loaded->document = store.get(id);
        loaded->text = store.text(id);
        loaded->offsets = std::make_unique<text::OffsetMap>(loaded->text);
        loaded->turns = store.turns(id);
        std::sort(loaded->turns.begin(), loaded->turns.end(),
                  [](const Turn& a, const Turn& b) { return a.span.start < b.span.start; });
        for (const auto& speaker : store.speakers(id)) loaded->participant_of_speaker[speaker.id] = speaker.participant;
        loaded->attributes = store.attributes(id);
        slot = std::move(loaded);
        return *slot;
    }

    const std::map<Id, Participant>& all_participants() {
        if (!participants) {
            participants.emplace();
            for (auto& participant : ParticipantStore(project).all()) participants->emplace(participant.id, participant);
        }
        return *participants;
    }
};

namespace {

using Loaded = LoadedDocument;

const Turn* turn_at(const std::vector<Turn>& turns, std::int64_t position) {
    for (const auto& turn : turns) {
        if (turn.span.start <= position && position < turn.span.end) return &turn;
    }
    return nullptr;
}

std::string slice(const Loaded& loaded, std::int64_t start, std::int64_t end) {
    const auto from = loaded.offsets->byte_of(static_cast<std::size_t>(std::max<std::int64_t>(start, 0)));
    const auto to = loaded.offsets->byte_of(static_cast<std::size_t>(std::max<std::int64_t>(end, 0)));
    return to > from ? loaded.text.substr(from, to - from) : std::string();
}

bool has_words(std::string_view text) { return !trim_view(text).empty(); }

// Whether speech of the same turn (or, without turns, the same line) lies
// before the quote's start.
bool cut_at_start(const Loaded& loaded, Span span) {
    if (const Turn* turn = turn_at(loaded.turns, span.start)) {
        if (span.start <= turn->body_start) return false;
        return has_words(slice(loaded, turn->body_start, span.start));
    }
    const std::string before = slice(loaded, 0, span.start);
    const auto line_start = before.rfind('\n');
    return has_words(line_start == std::string::npos ? before : std::string_view(before).substr(line_start + 1));
}

bool cut_at_end(const Loaded& loaded, Span span) {
    if (const Turn* turn = turn_at(loaded.turns, span.end - 1)) {
        return has_words(slice(loaded, span.end, turn->span.end));
    }
    const std::string after = slice(loaded, span.end, loaded.document.length);
    const auto line_end = after.find('\n');
    return has_words(std::string_view(after).substr(0, line_end));
}

// Runs of white space become one space, or one line break when they hold one.
std::string tidy(std::string_view text) {
    std::string out;
    bool in_space = false;
    bool space_has_break = false;
    for (const char c : text) {
        if (is_space(c)) {
            in_space = true;
            space_has_break = space_has_break || c == '\n';
            continue;
        }
        if (in_space && !out.empty()) out += space_has_break ? '\n' : ' ';
        in_space = false;
        space_has_break = false;
        out += c;
    }
    return text::trim(out);
}

}  // namespace

QuoteReader::QuoteReader(Project& project) : cache_(std::make_unique<Cache>(project)) {}
QuoteReader::~QuoteReader() = default;

QuoteSource QuoteReader::read(Id document, Span span, const QuoteTextOptions& options) {
    auto& loaded = cache_->load(document);
    DocumentStore(cache_->project).check_span(loaded.document, span);

    std::string body;
    std::int64_t at = span.start;
    if (!options.keep_speakers) {
        for (const auto& turn : loaded.turns) {
            const std::int64_t label_start = std::max(turn.span.start, span.start);
            const std::int64_t label_end = std::min(turn.body_start, span.end);
            if (label_start >= label_end || label_end <= at) continue;
            body += slice(loaded, at, label_start);
            at = label_end;
        }
    }
    body += slice(loaded, at, span.end);

    QuoteSource source;
    source.text = options.tidy_whitespace ? tidy(body) : body;
    if (options.mark_cuts) {
        if (cut_at_start(loaded, span)) source.text = "(...) " + source.text;
        if (cut_at_end(loaded, span)) source.text += " (...)";
    }
    source.document = loaded.document.name;
    source.document_attributes = loaded.attributes;
    const Turn* turn = turn_at(loaded.turns, span.start);
    if (turn) {
        source.speaker = turn->speaker_label;
        if (turn->speaker) {
            const auto mapped = loaded.participant_of_speaker.find(*turn->speaker);
            if (mapped != loaded.participant_of_speaker.end() && mapped->second) {
                const auto& participants = cache_->all_participants();
                if (const auto found = participants.find(*mapped->second); found != participants.end()) {
                    source.participant = found->second.label;
                    source.participant_attributes = found->second.attributes;
                }
            }
        }
    }
    return source;
}

}  // namespace fokus
