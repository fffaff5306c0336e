#include "importers/manifest.h"

#include <algorithm>
#include <filesystem>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/csv.h"

namespace fokus::importers {
namespace {

std::string at_line(std::size_t line) { return "line " + std::to_string(line); }

std::size_t column(const CsvTable& table, const std::string& name, const std::string& source) {
    const auto found = std::find(table.header.begin(), table.header.end(), name);
    if (found == table.header.end()) {
        throw FormatError(source, "line 1 (the header) has no \"" + name + "\" column");
    }
    return static_cast<std::size_t>(found - table.header.begin());
}

std::string cell(const std::vector<std::string>& row, std::size_t column) {
    return column < row.size() ? row[column] : std::string();
}

// Every filled-in cell outside the key columns, under its header's name.
std::map<std::string, std::string> attributes_of(const CsvTable& table, const std::vector<std::string>& row,
                                                 const std::vector<std::size_t>& keys) {
    std::map<std::string, std::string> attributes;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        if (std::find(keys.begin(), keys.end(), c) != keys.end()) continue;
        if (table.header[c].empty() || cell(row, c).empty()) continue;
        attributes[table.header[c]] = cell(row, c);
    }
    return attributes;
}

template <class Sheet>
void check_named(const Sheet& sheet, const std::set<std::string>& known) {
    for (const auto& row : sheet.rows) {
        if (!known.count(file_key(row.file))) {
            throw FormatError(sheet.source, at_line(row.line) + " names " + text::quote(row.file) +
                                                ", which is neither being imported nor in the project");
        }
    }
}

}  // namespace

std::string file_key(const std::string& file) {
    const std::string name = std::filesystem::path(file).filename().string();
    // A name that is not UTF-8 (an old Latin-1 file system) is compared as it is.
    return text::is_valid_utf8(name) ? text::to_nfc(name) : name;
}

const ManifestRow* Manifest::find(const std::string& file) const {
    const auto key = file_key(file);
    for (const auto& row : rows) {
        if (file_key(row.file) == key) return &row;
    }
    return nullptr;
}

std::vector<const SpeakerRow*> ParticipantSheet::of_file(const std::string& file) const {
    const auto key = file_key(file);
    std::vector<const SpeakerRow*> result;
    for (const auto& row : rows) {
        if (file_key(row.file) == key) result.push_back(&row);
    }
    return result;
}

Manifest parse_manifest(const std::string& content, const std::string& source) {
    const auto table = parse_csv(content, source);
    const auto file = column(table, "file", source);
    Manifest manifest{source, {}};
    std::map<std::string, std::size_t> first_line;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto line = table.row_lines[r];
        if (cell(row, file).empty()) throw FormatError(source, at_line(line) + " names no file");
        const auto [seen, fresh] = first_line.emplace(file_key(cell(row, file)), line);
        if (!fresh) {
            throw FormatError(source, at_line(line) + " names " + text::quote(cell(row, file)) + " again (first on " +
                                          at_line(seen->second) + ")");
        }
        manifest.rows.push_back(ManifestRow{cell(row, file), line, attributes_of(table, row, {file})});
    }
    return manifest;
}

ParticipantSheet parse_participant_sheet(const std::string& content, const std::string& source) {
    const auto table = parse_csv(content, source);
    const auto file = column(table, "file", source);
    const auto speaker = column(table, "speaker", source);
    const auto participant = column(table, "participant", source);
    ParticipantSheet sheet{source, {}};
    std::map<std::pair<std::string, std::string>, std::size_t> first_line;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto line = table.row_lines[r];
        if (cell(row, file).empty() || cell(row, speaker).empty() || cell(row, participant).empty()) {
            throw FormatError(source, at_line(line) + " needs a file, a speaker and a participant");
        }
        const auto [seen, fresh] = first_line.emplace(std::pair(file_key(cell(row, file)), cell(row, speaker)), line);
        if (!fresh) {
            throw FormatError(source, at_line(line) + " gives speaker " + text::quote(cell(row, speaker)) + " of " +
                                          text::quote(cell(row, file)) + " again (first on " + at_line(seen->second) + ")");
        }
        sheet.rows.push_back(SpeakerRow{cell(row, file), line, cell(row, speaker), cell(row, participant),
                                        attributes_of(table, row, {file, speaker, participant})});
    }
    return sheet;
}

Manifest read_manifest(const std::string& path) {
    const auto table_text = read_csv_text(path);
    return parse_manifest(table_text, path);
}

ParticipantSheet read_participant_sheet(const std::string& path) {
    const auto table_text = read_csv_text(path);
    return parse_participant_sheet(table_text, path);
}

void check_rows_name_imported_files(const Manifest& manifest, const std::set<std::string>& known) {
    check_named(manifest, known);
}

void check_rows_name_imported_files(const ParticipantSheet& sheet, const std::set<std::string>& known) {
    check_named(sheet, known);
}

}  // namespace fokus::importers
