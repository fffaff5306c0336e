#pragma once
// Importing many transcripts at once, with their document attributes from a
// manifest and their participants from a second sheet. Each document is its
// own action: one failing file never touches the others or the project.
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "importers/transcript.h"

namespace fokus {
class Project;
}

namespace fokus::importers {

struct BatchOptions {
    std::string manifest;      // CSV: file, municipality, bikva_stage, interview_form, ... (optional)
    std::string participants;  // CSV: file, speaker, participant, role, ... (optional)
    bool force = false;        // import again files already imported (same checksum)
    TranscriptOptions transcript;
    // Called before each file with its place in the batch, counting from 1.
    std::function<void(std::size_t number, std::size_t total, const std::string& file)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct BatchFailure {
    std::string file;
    std::string reason;
};

// What one imported file was read as: speaker turns, or only unlabelled passages.
struct ImportedDocument {
    std::string file;
    std::size_t turns = 0;     // speaker turns
    std::size_t speakers = 0;  // distinct speaker labels
    std::size_t passages = 0;  // unlabelled passages: paragraphs outside every turn
};

// "214 turns, 6 speakers, 2 unlabelled passages", or "no speaker labels:
// imported as a document (37 passages)".
std::string describe(const ImportedDocument& document);

struct BatchReport {
    std::vector<std::string> imported;
    std::vector<ImportedDocument> documents;  // one for each of `imported`, in its order
    std::vector<std::string> skipped;  // already in the project
    std::vector<BatchFailure> failed;
    std::vector<std::string> warnings;
    bool cancelled = false;
};

// The supported files of the inputs; folders are expanded to their .txt .docx
// .odt .vtt .srt and .pdf files, sorted by name, leaving out hidden files and
// the "~$" lock files Word leaves beside open documents.
std::vector<std::filesystem::path> transcript_files(const std::vector<std::filesystem::path>& inputs);

// Sheets that cannot be read, or that name a file not among the inputs, fail
// the whole batch with a FormatError before anything is imported.
BatchReport import_files(Project& project, const std::vector<std::filesystem::path>& inputs, const BatchOptions& options);

}  // namespace fokus::importers
