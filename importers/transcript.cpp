#include "importers/transcript.h"

#include <fstream>
#include <sstream>

#include "coding/identity.h"

namespace fokus::importers {

Transcript read_transcript(const std::filesystem::path& path, const TranscriptOptions& options) {
    const auto read = read_file(path, options.read);
    auto parsed = parse_turns(read.paragraphs, options.turns);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Transcript transcript;
    transcript.document.name = path.stem().string();
    transcript.document.format = read.format;
    transcript.document.text = std::move(parsed.text);
    transcript.document.turns = std::move(parsed.turns);
    transcript.document.source_name = path.filename().string();
    transcript.document.source_checksum = sha256_hex(bytes.str());
    transcript.encoding = read.encoding;
    transcript.warnings = read.warnings;
    return transcript;
}

}  // namespace fokus::importers
