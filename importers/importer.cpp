#include "importers/importer.h"

#include <fstream>
#include <sstream>

#include "coding/error.h"
#include "coding/identity.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

std::string too_large(std::uintmax_t size, const Limits& limits) {
    const auto megabytes = [](std::uintmax_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20); };
    return "is " + megabytes(size) + " MB, larger than the " + megabytes(limits.max_file_bytes) + " MB a transcript may be";
}

// The size is checked before a byte is read, so a huge file costs nothing.
std::string read_whole_file(const std::filesystem::path& path, const Limits& limits) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) throw FileError(path.string(), "is not a file that can be read");
    const auto size = std::filesystem::file_size(path, error);
    if (error) throw FileError(path.string(), "cannot be read: " + error.message());
    if (size == 0) throw FileError(path.string(), "is empty");
    if (size > limits.max_file_bytes) throw FileError(path.string(), too_large(size, limits));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot be opened for reading");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

ReadResult read_text(const std::string& bytes, const std::string& source, const ReadOptions& options) {
    ReadResult decoded;
    const std::string text = decode_text(bytes, source, options, decoded);
    ReadResult result;
    switch (detect_text_format(text, source)) {
    case TextFormat::WebVtt:
        result = read_webvtt(text, source);
        break;
    case TextFormat::SubRip:
        result = read_subrip(text, source);
        break;
    case TextFormat::Plain:
        result.format = "txt";
        result.paragraphs = paragraphs_of_lines(text::to_nfc(text, source));
        if (result.paragraphs.empty()) throw NoTextError(source, "has no text, only white space");
        break;
    }
    result.encoding = decoded.encoding;
    result.warnings.insert(result.warnings.begin(), decoded.warnings.begin(), decoded.warnings.end());
    return result;
}

}  // namespace

ReadResult read_bytes(const std::string& bytes, const std::string& name, const ReadOptions& options) {
    if (bytes.empty()) throw FileError(name, "is empty");
    if (bytes.size() > options.limits.max_file_bytes) throw FileError(name, too_large(bytes.size(), options.limits));
    ReadResult result;
    switch (detect_format(bytes, name)) {
    case SourceFormat::Zip:
    case SourceFormat::Docx:
    case SourceFormat::Odt: {
        const ZipArchive archive(bytes, name, options.limits);
        result = detect_container(archive) == SourceFormat::Docx ? read_docx(archive, options) : read_odt(archive, options);
        break;
    }
    case SourceFormat::Pdf:
        result = read_pdf(bytes, name);
        break;
    case SourceFormat::Text:
        result = read_text(bytes, name, options);
        break;
    }
    result.checksum = sha256_hex(bytes);
    return result;
}

ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options) {
    return read_bytes(read_whole_file(path, options.limits), path.string(), options);
}

}  // namespace fokus::importers
