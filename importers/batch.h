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

// A file left out because its content is already in the project or in the
// batch (the same bytes, whatever the file is called).
struct SkippedFile {
    enum class Why {
        InProject,      // `same_as` is the document in the project
        ListedCopy,     // `same_as` is the file of this batch that the manifest or participants sheet lists
        EarlierInBatch  // `same_as` is the file of this batch imported first
    };
    std::string file;
    Why why = Why::InProject;
    std::string same_as;
};

// "already in the project as \"kommune-a-raadgivere\"", "the same as
// kommune-a-raadgivere.txt, which the manifest lists".
std::string describe(const SkippedFile& skipped);

struct BatchReport {
    std::vector<std::string> imported;
    std::vector<ImportedDocument> documents;  // one for each of `imported`, in its order
    std::vector<SkippedFile> skipped;
    std::vector<BatchFailure> failed;
    std::vector<std::string> warnings;
    bool cancelled = false;
};

// The supported files of the inputs; folders are expanded to their .txt .docx
// .odt .vtt .srt and .pdf files, sorted by name, leaving out hidden files and
// the "~$" lock files Word leaves beside open documents. A file given twice
// (a folder and a file in it) is listed once.
std::vector<std::filesystem::path> transcript_files(const std::vector<std::filesystem::path>& inputs);

// Sheets that cannot be read, or that name a file not among the inputs, fail
// the whole batch with a FormatError before anything is imported. Files with
// the same content are imported once, unless `force`: under the name of the
// one the manifest or participants sheet lists, so that a copy beside it
// ("… (kopi).docx") never takes its place without its attributes.
BatchReport import_files(Project& project, const std::vector<std::filesystem::path>& inputs, const BatchOptions& options);

}  // namespace fokus::importers
