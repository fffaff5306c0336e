#include "importers/transcript.h"

namespace fokus::importers {

Transcript read_transcript(const std::filesystem::path& path, const TranscriptOptions& options) {
    auto read = read_file(path, options.read);
    auto parsed = parse_turns(read.paragraphs, options.turns);
    Transcript transcript;
    transcript.document.name = path.stem().string();
    transcript.document.format = read.format;
    transcript.document.text = std::move(parsed.text);
    transcript.document.turns = std::move(parsed.turns);
    transcript.document.source_name = path.filename().string();
    // The checksum of the very bytes that were read, so that a file changed
    // between reading and hashing cannot pass for the one imported.
    transcript.document.source_checksum = std::move(read.checksum);
    transcript.encoding = std::move(read.encoding);
    transcript.warnings = std::move(read.warnings);
    return transcript;
}

}  // namespace fokus::importers
