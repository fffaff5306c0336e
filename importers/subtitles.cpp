// Video-meeting transcripts: WebVTT (with <v Name> voice tags) and SubRip.
// Consecutive cues of one speaker become one turn, timed by its first cue.
#include <cstring>
#include <optional>
#include <string_view>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/turns.h"

namespace fokus::importers {
namespace {

struct Cue {
    std::int64_t start_ms = 0;
    std::string voice;
    std::string text;
};

// The number written with `least` to `most` ASCII digits and nothing else.
std::optional<std::int64_t> number(std::string_view digits, std::size_t least, std::size_t most) {
    if (digits.size() < least || digits.size() > most) return std::nullopt;
    std::int64_t value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "01:02:03.450", "02:03.450" or "01:02:03,450" in milliseconds; -1 if not a time.
// Read by hand rather than with std::regex, whose matcher recurses once per
// character and so could exhaust the stack on a long line.
std::int64_t parse_time(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return -1;
    const auto after = text.substr(colon + 1);  // "03.450"
    if (after.size() < 4 || (after[2] != '.' && after[2] != ',')) return -1;
    const auto seconds = number(after.substr(0, 2), 2, 2);
    const auto fraction = number(after.substr(3), 1, 3);
    const auto before = text.substr(0, colon);  // "01:02" or "02"
    const auto hours_end = before.find(':');
    const auto hours = hours_end == std::string_view::npos ? std::optional<std::int64_t>(0) : number(before.substr(0, hours_end), 1, 3);
    const auto minutes = number(hours_end == std::string_view::npos ? before : before.substr(hours_end + 1), 1, 2);
    if (!seconds || !fraction || !hours || !minutes) return -1;
    return ((*hours * 60 + *minutes) * 60 + *seconds) * 1000 + *fraction;
}

// The character references WebVTT allows in cue text.
std::string unescaped(std::string text) {
    static const std::pair<const char*, const char*> references[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", "\xC2\xA0"}, {"&lrm;", ""}, {"&rlm;", ""}, {"&quot;", "\""},
        {"&apos;", "'"}, {"&amp;", "&"}};  // &amp; last, so that "&amp;lt;" stays "&lt;"
    for (const auto& [reference, character] : references) {
        for (auto at = text.find(reference); at != std::string::npos; at = text.find(reference, at + std::strlen(character))) {
            text.replace(at, std::strlen(reference), character);
        }
    }
    return text;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// The annotation of the first voice tag, <v Name> or <v.class Name>, as
// written. (By hand, as parse_time, to keep long cues off std::regex.)
std::optional<std::string> voice_tag(const std::string& text) {
    for (auto at = text.find("<v"); at != std::string::npos; at = text.find("<v", at + 1)) {
        std::size_t space = at + 2;
        if (space < text.size() && text[space] == '.') {
            while (space < text.size() && text[space] != '>' && !is_ascii_space(text[space])) ++space;
        }
        if (space >= text.size() || !is_ascii_space(text[space])) continue;
        const auto close = text.find('>', space + 1);
        if (close == std::string::npos) return std::nullopt;  // no tag can close after this one
        if (close > space + 1) return text.substr(space + 1, close - space - 1);
    }
    return std::nullopt;
}

// The text without its tags (<v ...>, </v>, <i>, <c.yellow> ...): each "<"
// up to the next ">" goes; a "<" that no ">" follows stays.
std::string without_tags(const std::string& text) {
    std::string result;
    std::size_t from = 0;
    while (true) {
        const auto open = text.find('<', from);
        const auto close = open == std::string::npos ? std::string::npos : text.find('>', open + 1);
        if (close == std::string::npos) break;
        result.append(text, from, open - from);
        from = close + 1;
    }
    return result.append(text, from);
}

// Takes the voice from <v Name> or from a leading speaker label ("Interviewer:
// ...", by the rules of the turn parser), and drops other tags (<c>, <i>, <b>).
void split_voice(Cue& cue) {
    if (const auto voice = voice_tag(cue.text)) cue.voice = text::trim(unescaped(*voice));
    cue.text = text::trim(unescaped(without_tags(cue.text)));
    if (!cue.voice.empty()) return;
    if (const auto label = find_speaker_label(cue.text)) {
        cue.voice = label->speaker;
        const text::OffsetMap offsets(cue.text);
        cue.text = text::trim(cue.text.substr(offsets.byte_of(label->body_start)));
    }
}

std::vector<Cue> parse_cues(const std::vector<std::string>& lines, std::size_t from, const std::string& source,
                            bool webvtt) {
    std::vector<Cue> cues;
    std::size_t i = from;
    while (i < lines.size()) {
        if (text::trim(lines[i]).empty()) {
            ++i;
            continue;
        }
        if (webvtt && (lines[i].rfind("NOTE", 0) == 0 || lines[i].rfind("STYLE", 0) == 0 || lines[i].rfind("REGION", 0) == 0)) {
            while (i < lines.size() && !text::trim(lines[i]).empty()) ++i;
            continue;
        }
        // An optional cue identifier (SubRip's number) before the timing line.
        std::size_t timing = i;
        if (lines[timing].find("-->") == std::string::npos) ++timing;
        if (timing >= lines.size() || lines[timing].find("-->") == std::string::npos) {
            throw FormatError(source, "line " + std::to_string(i + 1) + " should start a cue with a time such as "
                                      "00:00:01.000 --> 00:00:04.000");
        }
        const auto arrow = lines[timing].find("-->");
        const std::string start = text::trim(lines[timing].substr(0, arrow));
        Cue cue;
        cue.start_ms = parse_time(start);
        if (cue.start_ms < 0) throw FormatError(source, "line " + std::to_string(timing + 1) + " has no valid cue time: " + start);
        i = timing + 1;
        while (i < lines.size() && !text::trim(lines[i]).empty()) {
            cue.text += (cue.text.empty() ? "" : " ") + text::trim(lines[i]);
            ++i;
        }
        split_voice(cue);
        if (!cue.text.empty()) cues.push_back(std::move(cue));
    }
    return cues;
}

ReadResult merge_turns(std::vector<Cue> cues, const std::string& format, const std::string& source) {
    if (cues.empty()) throw FileError(source, "has no cues with text");
    ReadResult result;
    result.format = format;
    result.encoding = "UTF-8";
    for (const auto& cue : cues) {
        if (!result.paragraphs.empty() && !cue.voice.empty() && result.paragraphs.back().voice == cue.voice) {
            result.paragraphs.back().text += " " + cue.text;
            continue;
        }
        Paragraph paragraph;
        paragraph.voice = cue.voice;
        paragraph.time_ms = cue.start_ms;
        paragraph.text = cue.voice.empty() ? cue.text : cue.voice + ": " + cue.text;
        result.paragraphs.push_back(std::move(paragraph));
    }
    for (auto& paragraph : result.paragraphs) paragraph.text = text::to_nfc(paragraph.text, source);
    return result;
}

}  // namespace

ReadResult read_webvtt(const std::string& utf8, const std::string& source) {
    const auto lines = split_lines(utf8);
    if (lines.empty() || lines[0].rfind("WEBVTT", 0) != 0) throw FormatError(source, "is not WebVTT: the first line is not WEBVTT");
    std::size_t first = 1;
    while (first < lines.size() && !text::trim(lines[first]).empty()) ++first;  // header lines
    return merge_turns(parse_cues(lines, first, source, true), "vtt", source);
}

ReadResult read_subrip(const std::string& utf8, const std::string& source) {
    return merge_turns(parse_cues(split_lines(utf8), 0, source, false), "srt", source);
}

}  // namespace fokus::importers
