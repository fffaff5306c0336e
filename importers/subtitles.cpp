// Video-meeting transcripts: WebVTT (with <v Name> voice tags) and SubRip.
// Consecutive cues of one speaker become one turn, timed by its first cue.
#include <cstring>
#include <regex>

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

// "01:02:03.450", "02:03.450" or "01:02:03,450" in milliseconds; -1 if not a time.
std::int64_t parse_time(const std::string& text) {
    static const std::regex time(R"(^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$)");
    std::smatch match;
    if (!std::regex_match(text, match, time)) return -1;
    const std::int64_t hours = match[1].matched ? std::stoll(match[1]) : 0;
    return ((hours * 60 + std::stoll(match[2])) * 60 + std::stoll(match[3])) * 1000 + std::stoll(match[4]);
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

// Takes the voice from <v Name> or from a leading speaker label ("Interviewer:
// ...", by the rules of the turn parser), and drops other tags (<c>, <i>, <b>).
void split_voice(Cue& cue) {
    static const std::regex voice_tag(R"(<v(?:\.[^ >]*)?\s+([^>]+)>)");
    std::smatch match;
    if (std::regex_search(cue.text, match, voice_tag)) cue.voice = text::trim(unescaped(match[1].str()));
    static const std::regex tag(R"(</?[^>]*>)");
    cue.text = text::trim(unescaped(std::regex_replace(cue.text, tag, "")));
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
