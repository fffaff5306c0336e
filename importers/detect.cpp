// Which reader a file needs, by its content first and its name second: a
// Word document renamed .txt is still read as Word, and a file named .docx
// that is not a zip is refused rather than read as text.
#include <algorithm>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

std::string lower_extension(const std::string& name) {
    std::string extension = std::filesystem::path(name).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

constexpr std::string_view odt_mimetype = "application/vnd.oasis.opendocument.text";

}  // namespace

SourceFormat detect_container(const ZipArchive& archive) {
    const std::string& source = archive.source();
    if (archive.has("word/document.xml")) return SourceFormat::Docx;
    if (archive.has("mimetype")) {
        const std::string mimetype = text::trim(archive.read("mimetype"));
        if (starts_with(mimetype, odt_mimetype)) return SourceFormat::Odt;
        throw FormatError(source, "is an OpenDocument file of another kind (" + mimetype +
                                      "), not a text document; save the transcript as .odt or .docx");
    }
    if (archive.has("content.xml")) return SourceFormat::Odt;  // an .odt whose writer left out the mimetype
    throw FormatError(source, "is a zip archive but neither a Word document (no word/document.xml) nor an "
                              "OpenDocument text (no content.xml)");
}

SourceFormat detect_format(const std::string& bytes, const std::string& name) {
    const std::string& source = name;
    const std::string extension = lower_extension(name);
    if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) return SourceFormat::Zip;
    if (extension == ".docx" || extension == ".odt") {
        throw FormatError(source, "is named " + extension + " but is not a zip archive, so not a Word or OpenDocument file");
    }
    if (starts_with(bytes, "%PDF-")) return SourceFormat::Pdf;
    if (extension == ".pdf") throw FormatError(source, "is named .pdf but is not a PDF (it does not start with %PDF-)");
    // Formats people often send by mistake, with the way out.
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        throw FormatError(source, "is an old Word 97-2003 document (.doc) or another old Office file; open it in "
                                  "Word or LibreOffice and save it as .docx");
    }
    if (starts_with(bytes, "{\\rtf")) {
        throw FormatError(source, "is an RTF file; open it in Word or LibreOffice and save it as .docx");
    }
    return SourceFormat::Text;
}

TextFormat detect_text_format(const std::string& utf8, const std::string& name) {
    const std::string extension = lower_extension(name);
    if (starts_with(utf8, "WEBVTT")) return TextFormat::WebVtt;
    // SubRip: a cue number, then a timing line such as 00:00:01,000 --> 00:00:04,000.
    const auto lines = split_lines(std::string_view(utf8).substr(0, 1024));
    std::size_t first = 0;
    while (first < lines.size() && text::trim(lines[first]).empty()) ++first;
    const bool subrip = first + 1 < lines.size() && lines[first + 1].find("-->") != std::string::npos &&
                        lines[first + 1].find(',') != std::string::npos;
    if (subrip || extension == ".srt") return TextFormat::SubRip;
    if (extension == ".vtt") throw FormatError(name, "is named .vtt but does not start with WEBVTT, so it is not WebVTT");
    return TextFormat::Plain;
}

}  // namespace fokus::importers
