#include "importers/batch.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "coding/participants.h"
#include "coding/passages.h"
#include "coding/project.h"
#include "coding/text.h"
#include "importers/manifest.h"
#include "importers/recording_file.h"

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

// The SHA-256 of a file's bytes, as the import records it; empty when the
// file cannot be read or is too large, which its import will then report.
std::string checksum_of(const std::filesystem::path& path, std::uintmax_t most) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size > most) return {};
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return {};
    return sha256_hex(bytes);
}

// Files of the batch whose content another file of it has, each with the one
// imported in their place: the one a sheet lists, else the first. Content
// already in the project is left to the import, which names the document.
std::map<std::size_t, SkippedFile> copies_within(const std::vector<std::filesystem::path>& files, const Manifest& manifest,
                                                 const ParticipantSheet& speakers, const DocumentStore& documents,
                                                 std::uintmax_t most) {
    std::map<std::string, std::vector<std::size_t>> by_content;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (auto checksum = checksum_of(files[i], most); !checksum.empty()) by_content[checksum].push_back(i);
    }
    std::map<std::size_t, SkippedFile> copies;
    for (const auto& [checksum, group] : by_content) {
        if (group.size() < 2 || documents.find_by_source_checksum(checksum)) continue;
        const auto listed = [&](std::size_t i) {
            const auto name = files[i].filename().string();
            return manifest.find(name) != nullptr || !speakers.of_file(name).empty();
        };
        const auto chosen = std::find_if(group.begin(), group.end(), listed);
        const std::size_t kept = chosen == group.end() ? group.front() : *chosen;
        for (const std::size_t i : group) {
            if (i == kept) continue;
            copies[i] = SkippedFile{files[i].filename().string(),
                                    chosen == group.end() ? SkippedFile::Why::EarlierInBatch : SkippedFile::Why::ListedCopy,
                                    files[kept].filename().string()};
        }
    }
    return copies;
}

}  // namespace

std::string describe(const SkippedFile& skipped) {
    switch (skipped.why) {
        case SkippedFile::Why::InProject: return "already in the project as " + text::quote(skipped.same_as);
        case SkippedFile::Why::ListedCopy:
            return "the same content as " + skipped.same_as + ", which the manifest or participants sheet lists and which is imported instead";
        case SkippedFile::Why::EarlierInBatch: return "the same content as " + skipped.same_as + ", which is imported instead";
    }
    return {};
}

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
    // A folder and a file in it, or one folder given twice: each file once.
    std::set<std::filesystem::path> seen;
    std::erase_if(files, [&](const std::filesystem::path& file) {
        std::error_code error;
        auto same = std::filesystem::weakly_canonical(file, error);
        return !seen.insert(error ? file : same).second;
    });
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
    const auto copies = options.force ? std::map<std::size_t, SkippedFile>{}
                                      : copies_within(files, manifest, speakers, documents,
                                                      options.transcript.read.limits.max_file_bytes);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& path = files[i];
        const std::string name = path.filename().string();
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (options.progress) options.progress(i + 1, files.size(), name);
        if (const auto copy = copies.find(i); copy != copies.end()) {
            report.skipped.push_back(copy->second);
            continue;
        }
        try {
            auto transcript = read_transcript(path, options.transcript);
            if (!options.force) {
                if (const auto earlier = documents.find_by_source_checksum(transcript.document.source_checksum)) {
                    report.skipped.push_back(SkippedFile{name, SkippedFile::Why::InProject, earlier->name});
                    continue;
                }
            }
            if (const auto* row = manifest.find(name)) transcript.document.attributes = row->attributes;
            // The recording: the manifest's "recording" column (relative to the sheet), else one of the same name beside it.
            std::optional<RecordingFile> recording;
            std::optional<std::filesystem::path> recording_path;
            if (const auto named = transcript.document.attributes.find("recording"); named != transcript.document.attributes.end()) {
                recording_path = std::filesystem::path(options.manifest).parent_path() / named->second;
                transcript.document.attributes.erase(named);
            } else {
                recording_path = recording_beside(path);
            }
            if (recording_path) {
                try {
                    recording = read_recording(*recording_path);
                } catch (const FileError& error) {
                    report.warnings.push_back(name + ": the recording was not linked: " + error.what());
                }
            }
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
                if (recording) RecordingStore(project).link(id, *recording);
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
