#pragma once
// The body of the transcript targets (txt, docx, odt, vtt, srt): the input is
// written to a file with the target's extension and read as a transcript is
// imported, by read_transcript (read_file, then the turn parser). Refusals
// (fokus::Error and its subclasses) are expected; anything else is a finding,
// and so is a transcript the project would refuse to store (see
// check_document).
#include <cstdio>
#include <cstdlib>

#include "coding/error.h"
#include "coding/text.h"
#include "fuzz/fuzz_input.h"
#include "importers/transcript.h"

namespace fokus::fuzz {

[[noreturn]] inline void broken(const char* what) {
    std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
    std::abort();
}

// What DocumentStore::add demands of an imported text: valid UTF-8 in NFC,
// and every turn inside the text with its speech inside the turn.
inline void check_document(const std::string& text, const std::vector<NewTurn>& turns) {
    if (!text::is_valid_utf8(text)) broken("the text is not valid UTF-8");
    if (!text::is_nfc(text)) broken("the text is not NFC");
    const auto length = static_cast<std::int64_t>(text::count_code_points(text));
    for (const auto& turn : turns) {
        if (turn.span.start < 0 || turn.span.start > turn.body_start || turn.body_start > turn.span.end ||
            turn.span.end > length) {
            broken("a turn lies outside the text");
        }
        if (!text::is_valid_utf8(turn.speaker)) broken("a speaker label is not valid UTF-8");
    }
}

inline int read_as_transcript(const char* file_name, const std::uint8_t* data, std::size_t size) {
    const auto path = write_input(file_name, data, size);
    for (const bool replace : {false, true}) {
        importers::TranscriptOptions options;
        options.read.replace_invalid_bytes = replace;
        try {
            const auto transcript = importers::read_transcript(path, options);
            check_document(transcript.document.text, transcript.document.turns);
        } catch (const fokus::Error&) {
        }
    }
    return 0;
}

}  // namespace fokus::fuzz
