#include "importers/importer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "coding/error.h"
#include "importers/readers.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

std::string read_bytes(const std::filesystem::path& path, const Limits& limits) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) throw FileError(path.string(), "is not a file that can be read");
    const auto size = std::filesystem::file_size(path, error);
    if (error) throw FileError(path.string(), "cannot be read: " + error.message());
    if (size == 0) throw FileError(path.string(), "is empty");
    if (size > limits.max_file_bytes) {
        throw FileError(path.string(), "is " + std::to_string(size >> 20) + " MB, larger than the " +
                                           std::to_string(limits.max_file_bytes >> 20) + " MB a transcript may be");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot be opened for reading");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

bool starts_with(const std::string& bytes, std::string_view prefix) { return bytes.rfind(prefix, 0) == 0; }

// A SubRip file starts with a cue number and a timing line.
bool looks_like_subrip(const std::string& text) {
    const auto first_line = text.find('\n');
    if (first_line == std::string::npos) return false;
    const auto second = text.substr(first_line + 1, text.find('\n', first_line + 1) - first_line - 1);
    return second.find("-->") != std::string::npos && second.find(',') != std::string::npos;
}

}  // namespace

ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options) {
    const std::string source = path.string();
    const std::string bytes = read_bytes(path, options.limits);
    const std::string extension = lower_extension(path);
    if (starts_with(bytes, "PK\x03\x04") || extension == ".docx" || extension == ".odt") {
        if (!starts_with(bytes, "PK")) {
            throw FormatError(source, "is named " + extension + " but is not a zip archive, so not a Word or OpenDocument file");
        }
        const ZipArchive archive(path, options.limits);
        if (archive.has("word/document.xml")) return read_docx(path, options);
        if (archive.has("content.xml")) return read_odt(path, options);
        throw FormatError(source, "is a zip archive but neither a Word document (no word/document.xml) nor an "
                                  "OpenDocument text (no content.xml)");
    }
    if (starts_with(bytes, "%PDF-") || extension == ".pdf") {
        if (!starts_with(bytes, "%PDF-")) throw FormatError(source, "is named .pdf but is not a PDF");
        return read_pdf(bytes, source);
    }
    ReadResult decoded;
    const std::string text = decode_text(bytes, source, options, decoded);
    ReadResult result;
    if (starts_with(text, "WEBVTT")) {
        result = read_webvtt(text, source);
    } else if (extension == ".srt" || looks_like_subrip(text)) {
        result = read_subrip(text, source);
    } else {
        result.format = "txt";
        result.paragraphs = paragraphs_of_lines(text);
        if (result.paragraphs.empty()) throw FileError(source, "has no text");
    }
    result.encoding = decoded.encoding;
    result.warnings.insert(result.warnings.end(), decoded.warnings.begin(), decoded.warnings.end());
    return result;
}

}  // namespace fokus::importers
