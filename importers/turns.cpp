#include "importers/turns.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <set>

#include "coding/error.h"
#include "coding/text.h"

namespace fokus::importers {
namespace {

// A leading time: [00:12:34], (00:12), 00:12:34 or [12:34].
constexpr const char* timestamp_pattern =
    R"(^\s*(\[\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?\]|\(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?\)|\d{1,2}(?::\d{2}){1,2}(?=\s|$))\s*)";

// A label: one to four words that each start upper-case or are numbers
// ("Borger 2", "R1", "I", "Leder (Kommune C)"), then a colon. Running speech
// such as "Det er sådan: vi ..." has lower-case words and is not a label.
constexpr const char* label_pattern =
    R"(^(\p{Lu}[\p{L}\p{N}.\-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}.\-]*|\d{1,3})){0,3}(?:[ \t]*\([^()\n]{1,40}\))?)[ \t]*:(?:[ \t]+|$))";

// Single words that start a sentence or a header line with a colon but never
// name a speaker: "Altså: det er ...", "Dato: 3. maj".
const std::set<std::string>& not_speakers() {
    static const std::set<std::string> words = {
        "ja",   "nej",   "jo",        "nå",    "altså", "men",      "og",   "så",    "okay",  "ok",   "fx",
        "dato", "tid",   "tidspunkt", "sted",  "emne",  "tema",     "note", "noter", "bemærk", "kilde", "varighed",
        "deltagere", "fokusgruppe", "interview", "transskription", "transskriberet af", "optaget"};
    return words;
}

class Matcher {
public:
    explicit Matcher(const std::string& pattern) {
        UErrorCode status = U_ZERO_ERROR;
        matcher_ = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern), 0, status);
        if (U_FAILURE(status)) throw InputError("the speaker pattern \"" + pattern + "\" is not a valid regular expression");
    }
    // Whether it matches at the start of `text`; the end of the match and
    // group 1 (the whole match when there is no group), in UTF-16 units.
    bool match(const icu::UnicodeString& text, std::int32_t& whole, std::int32_t& group_start, std::int32_t& group_end) {
        UErrorCode status = U_ZERO_ERROR;
        matcher_->reset(text);
        if (!matcher_->lookingAt(status) || U_FAILURE(status)) return false;
        whole = matcher_->end(status);
        group_start = matcher_->groupCount() >= 1 ? matcher_->start(1, status) : 0;
        group_end = matcher_->groupCount() >= 1 ? matcher_->end(1, status) : whole;
        return U_SUCCESS(status) && group_start >= 0;
    }

private:
    std::unique_ptr<icu::RegexMatcher> matcher_;
};

std::optional<std::int64_t> milliseconds_of(const std::string& stamp) {
    std::vector<std::int64_t> parts{0};
    for (const char c : stamp) {
        if (c >= '0' && c <= '9') {
            parts.back() = parts.back() * 10 + (c - '0');
        } else if (c == ':') {
            parts.push_back(0);
        } else if (c == '.' || c == ',') {
            break;  // fractions of a second are below what a turn needs
        }
    }
    if (parts.size() == 2) return (parts[0] * 60 + parts[1]) * 1000;
    if (parts.size() == 3) return ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000;
    return std::nullopt;
}

std::string utf8_of(const icu::UnicodeString& text) {
    std::string utf8;
    text.toUTF8String(utf8);
    return utf8;
}

// The speaker labels of one import: the defaults and the user's patterns.
class LabelFinder {
public:
    explicit LabelFinder(const TurnPatterns& patterns) : max_length_(patterns.max_label_length) {
        if (!patterns.only_these) labels_.emplace_back(label_pattern);
        for (const auto& extra : patterns.extra_labels) labels_.emplace_back(extra);
    }

    // The label at the start of `text`, and where the speech after it starts (UTF-16 units).
    std::optional<std::pair<std::string, std::int32_t>> find(const icu::UnicodeString& text) {
        std::int32_t whole = 0, group_start = 0, group_end = 0;
        for (auto& label : labels_) {
            if (!label.match(text, whole, group_start, group_end)) continue;
            const std::string found = text::trim(utf8_of(text.tempSubStringBetween(group_start, group_end)));
            if (found.empty() || text::count_code_points(found) > max_length_) continue;
            if (not_speakers().count(text::fold_case(found))) continue;
            return std::make_pair(found, whole);
        }
        return std::nullopt;
    }

    std::size_t max_length() const { return max_length_; }

private:
    std::vector<Matcher> labels_;
    std::size_t max_length_;
};

std::int32_t skip_blanks(const icu::UnicodeString& text, std::int32_t at) {
    while (at < text.length() && (text[at] == ' ' || text[at] == '\t')) ++at;
    return at;
}

// The speaker of one paragraph (after any timestamp) and where its speech starts.
std::pair<std::string, std::int32_t> speaker_of(const Paragraph& paragraph, const icu::UnicodeString& line,
                                                std::int32_t after_time, LabelFinder& labels) {
    const icu::UnicodeString rest = line.tempSubString(after_time);
    if (!paragraph.voice.empty()) {
        const auto voice = icu::UnicodeString::fromUTF8(paragraph.voice + ":");
        return {paragraph.voice, skip_blanks(rest, rest.startsWith(voice) ? voice.length() : 0)};
    }
    // A bold label that ends in a colon is a speaker whatever its words.
    if (paragraph.bold_prefix > 0) {
        const auto bold_end = line.moveIndex32(0, static_cast<std::int32_t>(paragraph.bold_prefix));
        const std::string bold = text::trim(utf8_of(line.tempSubString(0, bold_end)));
        if (bold.size() > 1 && bold.back() == ':' && bold_end > after_time &&
            text::count_code_points(bold) <= labels.max_length() + 1) {
            return {text::trim(bold.substr(0, bold.size() - 1)), skip_blanks(rest, bold_end - after_time)};
        }
    }
    if (auto found = labels.find(rest)) return *found;
    return {{}, 0};
}

}  // namespace

std::optional<SpeakerLabel> find_speaker_label(std::string_view utf8, const TurnPatterns& patterns) {
    LabelFinder labels(patterns);
    const auto line = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const auto found = labels.find(line);
    if (!found) return std::nullopt;
    return SpeakerLabel{found->first, static_cast<std::size_t>(line.countChar32(0, found->second))};
}

ParsedText parse_turns(const std::vector<Paragraph>& paragraphs, const TurnPatterns& patterns) {
    Matcher timestamp(timestamp_pattern);
    LabelFinder labels(patterns);
    ParsedText parsed;
    std::int64_t position = 0;
    // A timestamp alone on its line times the turn that follows it.
    std::optional<std::int64_t> pending_time;
    for (const auto& paragraph : paragraphs) {
        const std::string line = text::to_nfc(paragraph.text, "a paragraph");
        const auto length = static_cast<std::int64_t>(text::count_code_points(line));
        if (!parsed.text.empty()) {
            parsed.text += '\n';
            ++position;
        }
        const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(line);
        std::optional<std::int64_t> time = paragraph.time_ms;
        std::int32_t after_time = 0, group_start = 0, group_end = 0;
        if (timestamp.match(unicode, after_time, group_start, group_end)) {
            if (!time) time = milliseconds_of(utf8_of(unicode.tempSubStringBetween(group_start, group_end)));
        } else {
            after_time = 0;
        }
        const auto [speaker, body] = speaker_of(paragraph, unicode, after_time, labels);
        if (!speaker.empty()) {
            const auto body_start = position + unicode.countChar32(0, after_time + body);
            parsed.turns.push_back(NewTurn{speaker, Span{position, position + length}, std::min(body_start, position + length),
                                           time ? time : pending_time});
            pending_time.reset();
        } else if (after_time == unicode.length() && time) {
            pending_time = time;
            if (!parsed.turns.empty()) parsed.turns.back().span.end = position + length;
        } else if (!parsed.turns.empty()) {
            parsed.turns.back().span.end = position + length;  // the same speaker goes on
        }
        parsed.text += line;
        position += length;
    }
    return parsed;
}

}  // namespace fokus::importers
