#include "importers/batch.h"

#include <algorithm>
#include <map>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/text.h"
#include "importers/csv.h"

namespace fokus::importers {
namespace {

const std::set<std::string> supported = {".txt", ".docx", ".odt", ".vtt", ".srt", ".pdf"};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::size_t column(const CsvTable& table, const std::string& name, const std::string& source) {
    const auto found = std::find(table.header.begin(), table.header.end(), name);
    if (found == table.header.end()) throw FormatError(source, "has no \"" + name + "\" column in its header row");
    return static_cast<std::size_t>(found - table.header.begin());
}

// Document attributes by file name: every column but "file".
std::map<std::string, std::map<std::string, std::string>> read_manifest(const std::string& path) {
    std::map<std::string, std::map<std::string, std::string>> attributes;
    if (path.empty()) return attributes;
    const auto table = read_csv(path);
    const auto file = column(table, "file", path);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (file >= row.size() || row[file].empty()) {
            throw FormatError(path, "line " + std::to_string(table.row_lines[r]) + " names no file");
        }
        auto& values = attributes[row[file]];
        for (std::size_t c = 0; c < table.header.size() && c < row.size(); ++c) {
            if (c != file && !row[c].empty() && !table.header[c].empty()) values[table.header[c]] = row[c];
        }
    }
    return attributes;
}

struct SpeakerRow {
    std::string speaker;
    std::string participant;
    std::map<std::string, std::string> attributes;
};

std::map<std::string, std::vector<SpeakerRow>> read_participants(const std::string& path) {
    std::map<std::string, std::vector<SpeakerRow>> by_file;
    if (path.empty()) return by_file;
    const auto table = read_csv(path);
    const auto file = column(table, "file", path);
    const auto speaker = column(table, "speaker", path);
    const auto participant = column(table, "participant", path);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        auto cell = [&](std::size_t c) { return c < row.size() ? row[c] : std::string(); };
        if (cell(file).empty() || cell(speaker).empty() || cell(participant).empty()) {
            throw FormatError(path, "line " + std::to_string(table.row_lines[r]) + " needs a file, a speaker and a participant");
        }
        SpeakerRow entry{cell(speaker), cell(participant), {}};
        for (std::size_t c = 0; c < table.header.size(); ++c) {
            if (c != file && c != speaker && c != participant && !cell(c).empty()) entry.attributes[table.header[c]] = cell(c);
        }
        by_file[cell(file)].push_back(std::move(entry));
    }
    return by_file;
}

}  // namespace

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
            if (entry.is_regular_file() && supported.count(lower(entry.path().extension().string()))) found.push_back(entry.path());
        }
        if (error) throw FileError(input.string(), "cannot be listed: " + error.message());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

BatchReport import_files(Project& project, const std::vector<std::filesystem::path>& inputs, const BatchOptions& options) {
    const auto manifest = read_manifest(options.manifest);
    const auto speakers = read_participants(options.participants);
    parse_turns({}, options.transcript.turns);  // a bad speaker pattern stops the batch before it starts
    const auto files = transcript_files(inputs);
    std::set<std::string> named;
    for (const auto& file : files) named.insert(file.filename().string());
    BatchReport report;
    for (const auto& [file, values] : manifest) {
        if (!named.count(file)) report.warnings.push_back(options.manifest + " names " + file + ", which was not imported");
    }
    DocumentStore documents(project);
    ParticipantStore participants(project);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& path = files[i];
        const std::string name = path.filename().string();
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (options.progress) options.progress(i, files.size(), name);
        try {
            auto transcript = read_transcript(path, options.transcript);
            if (!options.force && documents.find_by_source_checksum(transcript.document.source_checksum)) {
                report.skipped.push_back(name);
                continue;
            }
            if (const auto found = manifest.find(name); found != manifest.end()) transcript.document.attributes = found->second;
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
            project.act("import " + text::quote(transcript.document.name), [&] {
                const Id id = documents.add(transcript.document);
                if (const auto found = speakers.find(name); found != speakers.end()) {
                    for (const auto& row : found->second) {
                        const Id participant = participants.ensure(row.participant);
                        for (const auto& [key, value] : row.attributes) participants.set_attribute(participant, key, value);
                        participants.map_speaker(id, row.speaker, participant);
                    }
                }
            });
            report.imported.push_back(name);
            for (const auto& warning : transcript.warnings) report.warnings.push_back(name + ": " + warning);
        } catch (const Error& error) {
            report.failed.push_back(BatchFailure{name, error.what()});
        }
    }
    if (options.progress && !report.cancelled) options.progress(files.size(), files.size(), "");
    return report;
}

}  // namespace fokus::importers
