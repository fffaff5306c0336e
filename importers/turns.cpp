#include "importers/turns.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>

#include "coding/error.h"
#include "coding/text.h"

namespace fokus::importers {
namespace {

// A leading time: [00:12:34], (00:12), 00:12:34 or [12:34].
constexpr const char* timestamp_pattern =
    R"(^\s*(\[\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?\]|\(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?\)|\d{1,2}(?::\d{2}){1,2}(?=\s))\s*)";

// A label: one to four words that each start upper-case or are numbers
// ("Borger 2", "R1", "I", "Leder (Kommune C)"), then a colon. Running speech
// such as "Det er sådan: vi ..." has lower-case words and is not a label.
constexpr const char* label_pattern =
    R"(^(\p{Lu}[\p{L}\p{N}.\-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}.\-]*|\d{1,3})){0,3}(?:[ \t]*\([^()\n]{1,40}\))?)[ \t]*:(?:[ \t]+|$))";

struct Matcher {
    std::unique_ptr<icu::RegexMatcher> matcher;
    explicit Matcher(const std::string& pattern) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError where;
        matcher.reset(new icu::RegexMatcher(icu::UnicodeString::fromUTF8(pattern), 0, status));
        (void)where;
        if (U_FAILURE(status)) throw InputError("the speaker pattern \"" + pattern + "\" is not a valid regular expression");
    }
    // Match at the start of `text`: length of the whole match and of group 1, in UTF-16 units.
    bool match(const icu::UnicodeString& text, std::int32_t& whole, std::int32_t& group_start, std::int32_t& group_end) {
        UErrorCode status = U_ZERO_ERROR;
        matcher->reset(text);
        if (!matcher->lookingAt(status) || U_FAILURE(status)) return false;
        whole = matcher->end(status);
        group_start = matcher->groupCount() >= 1 ? matcher->start(1, status) : 0;
        group_end = matcher->groupCount() >= 1 ? matcher->end(1, status) : whole;
        return U_SUCCESS(status) && group_start >= 0;
    }
};

std::optional<std::int64_t> milliseconds_of(std::string stamp) {
    std::vector<std::int64_t> parts;
    std::string number;
    for (const char c : stamp) {
        if (c >= '0' && c <= '9') {
            number += c;
        } else if (c == ':' || c == '.' || c == ',') {
            if (c != ':') break;
            parts.push_back(number.empty() ? 0 : std::stoll(number));
            number.clear();
        }
    }
    parts.push_back(number.empty() ? 0 : std::stoll(number));
    if (parts.size() == 2) return (parts[0] * 60 + parts[1]) * 1000;
    if (parts.size() == 3) return ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000;
    return std::nullopt;
}

}  // namespace

ParsedText parse_turns(const std::vector<Paragraph>& paragraphs, const TurnPatterns& patterns) {
    Matcher timestamp(timestamp_pattern);
    std::vector<Matcher> labels;
    if (!patterns.only_these) labels.emplace_back(label_pattern);
    for (const auto& extra : patterns.extra_labels) labels.emplace_back(extra);
    ParsedText parsed;
    std::int64_t position = 0;
    for (const auto& paragraph : paragraphs) {
        const std::string line = text::to_nfc(paragraph.text, "a paragraph");
        const auto length = static_cast<std::int64_t>(text::count_code_points(line));
        if (!parsed.text.empty()) {
            parsed.text += '\n';
            ++position;
        }
        const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(line);
        std::optional<std::int64_t> time = paragraph.time_ms;
        std::int32_t after_time = 0;
        std::int32_t whole = 0, group_start = 0, group_end = 0;
        if (timestamp.match(unicode, whole, group_start, group_end)) {
            std::string stamp;
            unicode.tempSubStringBetween(group_start, group_end).toUTF8String(stamp);
            if (!time) time = milliseconds_of(stamp);
            after_time = whole;
        }
        std::string speaker;
        std::int32_t body = 0;
        const icu::UnicodeString rest = unicode.tempSubString(after_time);
        if (!paragraph.voice.empty()) {
            speaker = paragraph.voice;
            const auto voice_length = icu::UnicodeString::fromUTF8(paragraph.voice).length();
            body = rest.startsWith(icu::UnicodeString::fromUTF8(paragraph.voice + ":")) ? voice_length + 1 : 0;
            while (body < rest.length() && (rest[body] == ' ' || rest[body] == '\t')) ++body;
        } else {
            // A bold label that ends in a colon is a speaker whatever its words.
            const auto bold = unicode.tempSubString(0, unicode.moveIndex32(0, static_cast<std::int32_t>(paragraph.bold_prefix)));
            std::string bold_text;
            bold.toUTF8String(bold_text);
            bold_text = text::trim(bold_text);
            if (paragraph.bold_prefix > 0 && bold_text.size() > 1 && bold_text.back() == ':' &&
                text::count_code_points(bold_text) <= patterns.max_label_length + 1) {
                speaker = text::trim(bold_text.substr(0, bold_text.size() - 1));
                body = bold.length() - after_time;
                while (body < rest.length() && (rest[body] == ' ' || rest[body] == '\t')) ++body;
            } else {
                for (auto& label : labels) {
                    if (!label.match(rest, whole, group_start, group_end)) continue;
                    std::string found;
                    rest.tempSubStringBetween(group_start, group_end).toUTF8String(found);
                    if (text::count_code_points(found) > patterns.max_label_length) continue;
                    speaker = text::trim(found);
                    body = whole;
                    break;
                }
            }
        }
        if (!speaker.empty()) {
            const auto body_start = position + unicode.countChar32(0, after_time + body);
            parsed.turns.push_back(NewTurn{speaker, Span{position, position + length}, std::min(body_start, position + length), time});
        } else if (!parsed.turns.empty()) {
            parsed.turns.back().span.end = position + length;  // the same speaker goes on
        }
        parsed.text += line;
        position += length;
    }
    return parsed;
}

}  // namespace fokus::importers
