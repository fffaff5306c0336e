#include "importers/turns.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
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
// name a speaker: "Altså: det er ...", "Dato: 3. maj", and the headings, notes
// and fields of a report: "Anm.: Tallene er foreløbige", "Region: Sjælland".
const std::set<std::string>& not_speakers() {
    static const std::set<std::string> words = {
        "ja",   "nej",   "jo",        "nå",    "altså", "men",      "og",   "så",    "okay",  "ok",   "fx",
        "dato", "tid",   "tidspunkt", "sted",  "emne",  "tema",     "note", "noter", "bemærk", "kilde", "varighed",
        "deltagere", "fokusgruppe", "interview", "transskription", "transskriberet af", "optaget",
        "anm.", "anm", "kilder", "kilde(r)", "region", "regioner", "kommune", "kommuner",
        "myndighed", "myndigheder", "befolkningstal", "indbyggertal", "indbyggere", "areal", "periode",
        "formål", "baggrund", "metode", "metoder", "data", "datagrundlag", "konklusion", "konklusioner",
        "resultat", "resultater", "anbefaling", "anbefalinger", "resumé", "sammenfatning", "indhold",
        "indledning", "titel", "undertitel", "forfatter", "forfattere", "redaktion", "udgiver", "udgivet",
        "isbn", "issn", "adresse", "telefon", "tlf.", "tlf", "e-mail", "email", "web", "hjemmeside",
        "projekt", "projektleder", "opgave", "status", "bemærkning", "bemærkninger", "læsevejledning",
        "definition", "eksempel", "eksempler", "fodnote", "ophavsret", "copyright", "sagsnr.", "j.nr.",
        "journalnummer", "version", "side", "sider", "lokation", "lydfil", "optagelse", "interviewguide"};
    return words;
}

// First words of captions and numbered headings: "Tabel 3", "Figur 2.1", "Bilag 4".
const std::set<std::string>& caption_words() {
    static const std::set<std::string> words = {"tabel", "figur", "bilag", "boks", "note", "kapitel", "afsnit",
                                                "kort", "graf", "diagram", "skema", "oversigt", "fodnote",
                                                "table", "figure", "appendix", "chart"};
    return words;
}

// First words of labels that name someone speaking in an interview or a
// focus group: "Interviewer", "Borger 2", "Rådgiver 1", "I", "R1", "D3".
const std::set<std::string>& role_words() {
    static const std::set<std::string> words = {
        "interviewer", "intervieweren", "moderator", "ordstyrer", "facilitator", "interviewperson", "informant",
        "respondent", "deltager", "borger", "rådgiver", "leder", "afdelingsleder", "teamleder", "medarbejder",
        "sagsbehandler", "socialrådgiver", "pædagog", "lærer", "elev", "forælder", "mor", "far", "barn",
        "spørgsmål", "svar", "i", "r", "d", "p", "m", "b", "ip", "int", "mod"};
    return words;
}

// The first word of a label, folded, without any number or bracket after it:
// "Borger 2" and "R1" give "borger" and "r".
std::string first_word_of(const std::string& folded) {
    std::string word;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c == ' ' || c == '\t' || c == '(' || (c >= '0' && c <= '9')) break;
        word += c;
    }
    return word;
}

// Whether `folded` is a caption: a caption word, then a number ("tabel 3", "figur 2.1").
bool is_caption(const std::string& folded) {
    const auto space = folded.find(' ');
    if (space == std::string::npos || !caption_words().count(folded.substr(0, space))) return false;
    const auto rest = folded.substr(space + 1);
    return !rest.empty() && rest[0] >= '0' && rest[0] <= '9';
}

std::size_t count_words(const icu::UnicodeString& text);

// Whether what follows a label reads as speech rather than the value of a
// field ("Hovedstaden", "1.870.000", "Region Nordjylland, Sundhedsplanlægning"):
// transcribers end what is said with a full stop, question or exclamation
// mark ("Ja.", "Hvad så?"), and a long run of words is speech however it ends.
bool reads_as_speech(const icu::UnicodeString& text) {
    std::int32_t end = text.length();
    while (end > 0) {
        const UChar32 c = text.char32At(end - 1);
        if (!u_isUWhiteSpace(c) && c != ')' && c != ']' && c != '"' && c != 0x201D && c != 0xBB) break;
        end = text.moveIndex32(end, -1);
    }
    if (end > 0) {
        const UChar32 last = text.char32At(end - 1);
        if (last == '.' || last == '?' || last == '!' || last == 0x2026) return true;
    }
    return count_words(text) >= 6;
}

// Words in `text`: runs between white space that hold a letter or a digit.
std::size_t count_words(const icu::UnicodeString& text) {
    std::size_t words = 0;
    bool counted = false;  // the current run is counted already
    for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (u_isUWhiteSpace(c)) {
            counted = false;
        } else if (!counted && u_isalnum(c)) {
            ++words;
            counted = true;
        }
    }
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
        // The user's own patterns first: where one of them and the default both match, the user meant theirs.
        for (const auto& extra : patterns.extra_labels) labels_.emplace_back(extra);
        user_patterns_ = labels_.size();
        if (!patterns.only_these) labels_.emplace_back(label_pattern);
    }

    struct Found {
        std::string label;
        std::int32_t body = 0;  // where the speech after it starts (UTF-16 units)
        bool by_user = false;   // found by one of the user's own patterns
    };

    // The label at the start of `text`.
    std::optional<Found> find(const icu::UnicodeString& text) {
        std::int32_t whole = 0, group_start = 0, group_end = 0;
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            if (!labels_[i].match(text, whole, group_start, group_end)) continue;
            const std::string found = text::trim(utf8_of(text.tempSubStringBetween(group_start, group_end)));
            if (found.empty() || text::count_code_points(found) > max_length_) continue;
            const bool by_user = i < user_patterns_;
            if (!by_user && not_speakers().count(text::fold_case(found))) continue;
            return Found{found, whole, by_user};
        }
        return std::nullopt;
    }

    std::size_t max_length() const { return max_length_; }

private:
    std::vector<Matcher> labels_;
    std::size_t user_patterns_ = 0;
    std::size_t max_length_;
};

std::int32_t skip_blanks(const icu::UnicodeString& text, std::int32_t at) {
    while (at < text.length() && (text[at] == ' ' || text[at] == '\t')) ++at;
    return at;
}

// A speaker label found at the start of a paragraph.
struct Candidate {
    std::string speaker;
    std::int32_t body = 0;  // where the speech starts, in UTF-16 units after any timestamp
    bool sure = false;      // named by the format or by the user's own pattern
};

// The label at the start of one paragraph (after any timestamp), if any.
std::optional<Candidate> candidate_of(const Paragraph& paragraph, const icu::UnicodeString& line, std::int32_t after_time,
                                      LabelFinder& labels) {
    const icu::UnicodeString rest = line.tempSubString(after_time);
    if (!paragraph.voice.empty()) {
        const auto voice = icu::UnicodeString::fromUTF8(paragraph.voice + ":");
        return Candidate{paragraph.voice, skip_blanks(rest, rest.startsWith(voice) ? voice.length() : 0), true};
    }
    // A bold label that ends in a colon is a label whatever its words.
    if (paragraph.bold_prefix > 0) {
        const auto bold_end = line.moveIndex32(0, static_cast<std::int32_t>(paragraph.bold_prefix));
        const std::string bold = text::trim(utf8_of(line.tempSubString(0, bold_end)));
        if (bold.size() > 1 && bold.back() == ':' && bold_end > after_time &&
            text::count_code_points(bold) <= labels.max_length() + 1) {
            const std::string label = text::trim(bold.substr(0, bold.size() - 1));
            if (!not_speakers().count(text::fold_case(label))) {
                return Candidate{label, skip_blanks(rest, bold_end - after_time), false};
            }
        }
    }
    if (auto found = labels.find(rest)) return Candidate{found->label, found->body, found->by_user};
    return std::nullopt;
}

// One paragraph as read: its time and the label at its start, if any.
struct Line {
    std::string text;  // NFC
    icu::UnicodeString unicode;
    std::optional<std::int64_t> time;
    std::int32_t after_time = 0;  // UTF-16 units of the leading timestamp
    std::optional<Candidate> label;
    bool speech = false;  // what follows the label reads as speech
};

// Which of the labels found are speakers (see parse_turns in turns.h).
std::vector<bool> speakers_among(const std::vector<Line>& lines) {
    std::vector<bool> accepted(lines.size(), false);
    std::vector<std::size_t> found;  // lines whose label depends on the document
    std::map<std::string, std::size_t> times;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].label) continue;
        if (lines[i].label->sure) {
            accepted[i] = true;
            continue;
        }
        const auto folded = text::fold_case(lines[i].label->speaker);
        if (is_caption(folded)) continue;
        found.push_back(i);
        ++times[folded];
    }
    if (found.empty()) return accepted;
    std::size_t again = 0, spoken = 0;
    for (const auto i : found) {
        if (lines[i].speech) ++spoken;
        if (times[text::fold_case(lines[i].label->speaker)] >= 2) ++again;
    }
    const bool speech = spoken * 2 >= found.size();
    const std::size_t spread = found.back() - found.front() + 1;
    const bool dense = found.size() * 7 >= spread;
    // Where no one speaks twice, the labels must be much of the document: a short exchange.
    const bool speakers_return = again == 0 ? found.size() * 3 >= lines.size() : found.size() < 4 || again * 2 >= found.size();
    const bool transcript = speech && dense && speakers_return;
    // The header of an interview names who took part ("Interviewer: Anna
    // Hansen") before the turns begin: a label used once, with a name or a
    // value after it rather than speech, ahead of the first label that recurs.
    std::size_t turns_begin = lines.size();
    for (const auto i : found) {
        if (times[text::fold_case(lines[i].label->speaker)] >= 2) {
            turns_begin = i;
            break;
        }
    }
    const auto header_field = [&](std::size_t i) {
        return i < turns_begin && again > 0 && !lines[i].speech && times[text::fold_case(lines[i].label->speaker)] == 1;
    };
    for (const auto i : found) {
        const auto role = first_word_of(text::fold_case(lines[i].label->speaker));
        accepted[i] = !header_field(i) && (transcript || (role_words().count(role) && lines[i].speech));
    }
    return accepted;
}

}  // namespace

std::optional<SpeakerLabel> find_speaker_label(std::string_view utf8, const TurnPatterns& patterns) {
    LabelFinder labels(patterns);
    const auto line = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const auto found = labels.find(line);
    if (!found) return std::nullopt;
    return SpeakerLabel{found->label, static_cast<std::size_t>(line.countChar32(0, found->body))};
}

ParsedText parse_turns(const std::vector<Paragraph>& paragraphs, const TurnPatterns& patterns) {
    Matcher timestamp(timestamp_pattern);
    LabelFinder labels(patterns);
    std::vector<Line> lines;
    lines.reserve(paragraphs.size());
    for (const auto& paragraph : paragraphs) {
        Line line;
        line.text = text::to_nfc(paragraph.text, "a paragraph");
        line.unicode = icu::UnicodeString::fromUTF8(line.text);
        line.time = paragraph.time_ms;
        std::int32_t group_start = 0, group_end = 0;
        if (timestamp.match(line.unicode, line.after_time, group_start, group_end)) {
            if (!line.time) line.time = milliseconds_of(utf8_of(line.unicode.tempSubStringBetween(group_start, group_end)));
        } else {
            line.after_time = 0;
        }
        if (patterns.detection != SpeakerDetection::Off) {
            line.label = candidate_of(paragraph, line.unicode, line.after_time, labels);
            if (line.label) line.speech = reads_as_speech(line.unicode.tempSubString(line.after_time + line.label->body));
        }
        lines.push_back(std::move(line));
    }
    // A label alone on its line has its speech on the next.
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto& label = lines[i].label;
        if (label && label->body + lines[i].after_time >= lines[i].unicode.length() && !lines[i + 1].label) {
            lines[i].speech = reads_as_speech(lines[i + 1].unicode);
        }
    }
    const auto accepted = speakers_among(lines);

    ParsedText parsed;
    std::int64_t position = 0;
    // A timestamp alone on its line times the turn that follows it.
    std::optional<std::int64_t> pending_time;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        const auto length = static_cast<std::int64_t>(line.unicode.countChar32());
        if (!parsed.text.empty()) {
            parsed.text += '\n';
            ++position;
        }
        if (accepted[i]) {
            const auto body_start = position + line.unicode.countChar32(0, line.after_time + line.label->body);
            parsed.turns.push_back(NewTurn{line.label->speaker, Span{position, position + length},
                                           std::min(body_start, position + length), line.time ? line.time : pending_time});
            pending_time.reset();
        } else if (line.after_time == line.unicode.length() && line.time) {
            pending_time = line.time;
            if (!parsed.turns.empty()) parsed.turns.back().span.end = position + length;
        } else if (!parsed.turns.empty()) {
            parsed.turns.back().span.end = position + length;  // the same speaker goes on
        }
        parsed.text += line.text;
        position += length;
    }
    return parsed;
}

}  // namespace fokus::importers
