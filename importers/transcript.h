#pragma once
// A transcript file made ready for the project: read by its format's reader,
// its text joined and normalised, its speaker turns found.
#include <filesystem>
#include <string>
#include <vector>

#include "coding/documents.h"
#include "importers/importer.h"
#include "importers/turns.h"

namespace fokus::importers {

struct TranscriptOptions {
    ReadOptions read;
    TurnPatterns turns;
};

struct Transcript {
    NewDocument document;  // name = file stem; source_checksum = SHA-256 of the file's bytes
    std::string encoding;
    std::vector<std::string> warnings;
};

// Throws FileError/FormatError/InputError naming the file and the problem.
Transcript read_transcript(const std::filesystem::path& path, const TranscriptOptions& options = {});

}  // namespace fokus::importers
