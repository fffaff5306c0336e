// Fuzz target: the speaker-turn parser, on paragraphs as the readers hand
// them over. The input is UTF-8 text split into paragraphs at "\n" (invalid
// UTF-8 is skipped: the readers only hand over valid text). Two marks let
// the fuzzer reach what rich formats add: a line starting "<v NAME>" has the
// voice NAME (as WebVTT gives), and a U+0002 in a line ends a bold prefix
// (as .docx and .odt give); the marks themselves are removed.
#include <cstdio>
#include <cstdlib>

#include "coding/error.h"
#include "coding/text.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/transcript_target.h"
#include "importers/turns.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using fokus::importers::Paragraph;
    const auto input = fokus::fuzz::as_text(data, size);
    if (!fokus::text::is_valid_utf8(input)) return 0;
    std::vector<Paragraph> paragraphs;
    std::size_t start = 0;
    while (start <= input.size()) {
        auto end = input.find('\n', start);
        if (end == std::string_view::npos) end = input.size();
        std::string line(input.substr(start, end - start));
        start = end + 1;
        Paragraph paragraph;
        if (line.rfind("<v ", 0) == 0) {
            if (const auto close = line.find('>'); close != std::string::npos) {
                paragraph.voice = fokus::text::trim(line.substr(3, close - 3));
                line = paragraph.voice + ": " + fokus::text::trim(line.substr(close + 1));
            }
        }
        if (const auto mark = line.find('\x02'); mark != std::string::npos) {
            paragraph.bold_prefix = fokus::text::count_code_points(line.substr(0, mark));
            line.erase(mark, 1);
        }
        paragraph.text = std::move(line);
        paragraphs.push_back(std::move(paragraph));
    }
    try {
        const auto parsed = fokus::importers::parse_turns(paragraphs);
        fokus::fuzz::check_document(parsed.text, parsed.turns);
    } catch (const fokus::Error&) {
    }
    for (const auto& paragraph : paragraphs) {
        try {
            if (const auto label = fokus::importers::find_speaker_label(paragraph.text)) {
                if (label->body_start > fokus::text::count_code_points(paragraph.text)) {
                    fokus::fuzz::broken("a label's speech starts past the end of its line");
                }
            }
        } catch (const fokus::Error&) {
        }
    }
    return 0;
}
