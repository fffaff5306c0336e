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

// Whether to look for speakers at all: Auto finds labels where the document
// reads as a transcript (see parse_turns); Off imports every paragraph as an
// unlabelled passage.
enum class SpeakerDetection { Auto, Off };

struct TurnPatterns {
    SpeakerDetection detection = SpeakerDetection::Auto;
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

// A label found by the default pattern (or in bold) names a speaker only
// where the document reads as a transcript, so that the headings, notes and
// captions of a report ("Region:", "Anm.:", "Kilde:", "Tabel 3:") are not
// taken for people. Labels of the format itself (WebVTT voices, SubRip) and of
// the user's own patterns always count. Of the others:
//  - never: words that head a line of a report or a transcript's header
//    ("Dato", "Kilde", "Anm.", "Region", "Myndighed"...), and captions such as
//    "Tabel 3", "Figur 2.1", "Bilag 4";
//  - all, when the labelled lines read as turns: at least half of them hold
//    speech after the label (or on the next line when the label stands
//    alone): words that end in a full stop, question or exclamation mark, or
//    6 words or more, not the value of a field such as "Hovedstaden" or
//    "1.870.000"; they are dense where they occur (at least 1 in 7
//    paragraphs from the first label to the last), and speakers speak again
//    (at least half of the labelled lines, when there are 4 or more) or,
//    where no one does, the labelled lines are a third of the document;
//  - otherwise only a label naming a role that speaks in interviews
//    ("Interviewer", "Moderator", "Borger 2", "Rådgiver 1", "I", "R1") with
//    speech after it.
// The labelled lines decide; the unlabelled ones around them go with the turn
// before them, or, before the first turn, become unlabelled passages.
ParsedText parse_turns(const std::vector<Paragraph>& paragraphs, const TurnPatterns& patterns = {});

struct SpeakerLabel {
    std::string speaker;
    std::size_t body_start = 0;  // code points from the start of the line to the speech
};

// The speaker label at the start of one line, by the same rules as
// parse_turns (for readers such as SubRip, where a label names the voice).
std::optional<SpeakerLabel> find_speaker_label(std::string_view utf8, const TurnPatterns& patterns = {});

}  // namespace fokus::importers
