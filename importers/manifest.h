#pragma once
// The two sheets that travel with a batch of transcripts: the manifest, whose
// columns (municipality, bikva_stage, interview_form, ...) become document
// attributes, and the participants sheet, which says who each speaker label of
// each file is. Both are CSV as spreadsheets write it (see csv.h).
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fokus::importers {

// One file's document attributes; empty cells are left out.
struct ManifestRow {
    std::string file;
    std::size_t line = 0;
    std::map<std::string, std::string> attributes;
};

struct Manifest {
    std::string source;  // the sheet's path, for messages
    std::vector<ManifestRow> rows;

    // The row of this file (matched by file name), or null.
    const ManifestRow* find(const std::string& file) const;
};

// One speaker label of one file, and the participant who spoke under it.
struct SpeakerRow {
    std::string file;
    std::size_t line = 0;
    std::string speaker;      // as labelled in the transcript, e.g. "Borger 2"
    std::string participant;  // the pseudonymous label, e.g. "C-B2"
    std::map<std::string, std::string> attributes;  // role, work_area, gender, seniority, age, ...
};

struct ParticipantSheet {
    std::string source;
    std::vector<SpeakerRow> rows;

    std::vector<const SpeakerRow*> of_file(const std::string& file) const;
};

// FormatError naming the sheet and the line when the header lacks a "file"
// column, a row names no file or names one twice, or the CSV itself is bad.
Manifest parse_manifest(const std::string& content, const std::string& source);
Manifest read_manifest(const std::string& path);

// Also needs "speaker" and "participant" columns, filled in on every row, and
// each (file, speaker) once.
ParticipantSheet parse_participant_sheet(const std::string& content, const std::string& source);
ParticipantSheet read_participant_sheet(const std::string& path);

// The name a sheet's "file" cell and an imported path are compared by: the
// last path component, NFC (macOS file systems hand out NFD names).
std::string file_key(const std::string& file);

// FormatError naming the sheet and the line of the first row whose file is
// not among `known` (file keys of the files being imported and of those
// already in the project): most often a typo that would otherwise silently
// leave a document without its attributes.
void check_rows_name_imported_files(const Manifest& manifest, const std::set<std::string>& known);
void check_rows_name_imported_files(const ParticipantSheet& sheet, const std::set<std::string>& known);

}  // namespace fokus::importers
