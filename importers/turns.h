#pragma once
// Finding who speaks when: speaker labels (`Interviewer:`, `I:`, `Borger 2:`,
// `R1:`, `Leder (Kommune C):`, bold labels) and leading timestamps
// (`[00:12:34]`, `(00:12)`, `00:12:34`) at the start of paragraphs.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/documents.h"
#include "importers/importer.h"

namespace fokus::importers {

struct TurnPatterns {
    // Extra label patterns (ICU regular expressions matched at the start of a
    // paragraph, after any timestamp; group 1 is the label). The defaults
    // below apply as well unless `only_these` is set.
    std::vector<std::string> extra_labels;
    bool only_these = false;
    // Longest label accepted, in code points, so running speech such as
    // "Det er sådan: vi ..." is not taken for a speaker.
    std::size_t max_label_length = 40;
};

struct ParsedText {
    std::string text;             // paragraphs joined by "\n", NFC
    std::vector<NewTurn> turns;   // spans in code points into text
};

ParsedText parse_turns(const std::vector<Paragraph>& paragraphs, const TurnPatterns& patterns = {});

struct SpeakerLabel {
    std::string speaker;
    std::size_t body_start = 0;  // code points from the start of the line to the speech
};

// The speaker label at the start of one line, by the same rules as
// parse_turns (for readers such as SubRip, where a label names the voice).
std::optional<SpeakerLabel> find_speaker_label(std::string_view utf8, const TurnPatterns& patterns = {});

}  // namespace fokus::importers
