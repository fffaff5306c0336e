#include "importers/batch.h"

#include <algorithm>
#include <map>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/participants.h"
#include "coding/passages.h"
#include "coding/project.h"
#include "coding/text.h"
#include "importers/manifest.h"

namespace fokus::importers {
namespace {

const std::set<std::string> supported = {".txt", ".docx", ".odt", ".vtt", ".srt", ".pdf"};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

ImportedDocument findings_of(const std::string& file, const NewDocument& document) {
    ImportedDocument found{file};
    std::set<std::string> labels;
    std::vector<Span> covered;
    for (const auto& turn : document.turns) {
        covered.push_back(turn.span);
        if (turn.speaker.empty()) continue;
        ++found.turns;
        labels.insert(turn.speaker);
    }
    found.speakers = labels.size();
    found.passages = unlabelled_passages(document.text, std::move(covered)).size();
    return found;
}

std::string counted(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

std::string describe(const ImportedDocument& document) {
    if (document.turns == 0) {
        return "no speaker labels: imported as a document (" + counted(document.passages, "passage", "passages") + ")";
    }
    std::string text = counted(document.turns, "turn", "turns") + ", " + counted(document.speakers, "speaker", "speakers");
    if (document.passages > 0) text += ", " + counted(document.passages, "unlabelled passage", "unlabelled passages");
    return text;
}

std::vector<std::filesystem::path> transcript_files(const std::vector<std::filesystem::path>& inputs) {
    std::vector<std::filesystem::path> files;
    for (const auto& input : inputs) {
        std::error_code error;
        if (!std::filesystem::is_directory(input, error)) {
            files.push_back(input);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(input, error)) {
            const auto name = entry.path().filename().string();
            const bool hidden = name.rfind('.', 0) == 0 || name.rfind("~$", 0) == 0;
            if (entry.is_regular_file() && !hidden && supported.count(lower(entry.path().extension().string()))) {
                found.push_back(entry.path());
            }
        }
        if (error) throw FileError(input.string(), "cannot be listed: " + error.message());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

BatchReport import_files(Project& project, const std::vector<std::filesystem::path>& inputs, const BatchOptions& options) {
    // Everything that would fail every file is checked before the first one is touched.
    const auto manifest = options.manifest.empty() ? Manifest{} : read_manifest(options.manifest);
    const auto speakers = options.participants.empty() ? ParticipantSheet{} : read_participant_sheet(options.participants);
    parse_turns({}, options.transcript.turns);  // a bad speaker pattern stops the batch before it starts
    const auto files = transcript_files(inputs);
    std::set<std::string> named;
    for (const auto& file : files) named.insert(file_key(file.string()));
    // Rows for files imported earlier are fine: one manifest serves a corpus imported in parts.
    for (const auto& document : DocumentStore(project).all()) {
        if (!document.source_name.empty()) named.insert(file_key(document.source_name));
    }
    check_rows_name_imported_files(manifest, named);
    check_rows_name_imported_files(speakers, named);

    BatchReport report;
    DocumentStore documents(project);
    ParticipantStore participants(project);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& path = files[i];
        const std::string name = path.filename().string();
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (options.progress) options.progress(i + 1, files.size(), name);
        try {
            auto transcript = read_transcript(path, options.transcript);
            if (!options.force && documents.find_by_source_checksum(transcript.document.source_checksum)) {
                report.skipped.push_back(name);
                continue;
            }
            if (const auto* row = manifest.find(name)) transcript.document.attributes = row->attributes;
            if (options.force) {
                // Imported again on purpose: a name of its own beside the earlier one.
                const std::string base = transcript.document.name;
                for (int copy = 2;; ++copy) {
                    try {
                        documents.resolve(transcript.document.name);
                        transcript.document.name = base + " (" + std::to_string(copy) + ")";
                    } catch (const NotFoundError&) {
                        break;
                    }
                }
            }
            // The document, its attributes and its participants: one action, whole or absent.
            project.act("import " + text::quote(transcript.document.name), [&] {
                const Id id = documents.add(transcript.document);
                for (const auto* row : speakers.of_file(name)) {
                    const Id participant = participants.ensure(row->participant);
                    for (const auto& [key, value] : row->attributes) participants.set_attribute(participant, key, value);
                    participants.map_speaker(id, row->speaker, participant);
                }
            });
            report.imported.push_back(name);
            report.documents.push_back(findings_of(name, transcript.document));
            for (const auto& warning : transcript.warnings) report.warnings.push_back(name + ": " + warning);
        } catch (const Error& error) {
            report.failed.push_back(BatchFailure{name, error.what()});
        } catch (const std::exception& error) {
            // A reader's library failing in its own way still fails only this file.
            report.failed.push_back(BatchFailure{name, name + ": " + error.what()});
        }
    }
    return report;
}

}  // namespace fokus::importers
