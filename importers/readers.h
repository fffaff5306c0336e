#pragma once
// The format readers behind read_file(), one per file in this folder.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.h"

namespace fokus::importers {

class ZipArchive;

// Zip: a container, told apart as Word or OpenDocument by detect_container.
enum class SourceFormat { Zip, Docx, Odt, Pdf, Text };
enum class TextFormat { Plain, WebVtt, SubRip };

// By content first, then by name (detect.cpp). FormatError for a file whose
// name promises a format its content does not have, and for formats that
// need saving as something else first (.doc, RTF, OpenDocument spreadsheets).
// `name` is the file's name as messages give it; its extension is the file's.
SourceFormat detect_format(const std::string& bytes, const std::string& name);
// Of a zip archive: Word or OpenDocument text; FormatError for anything else.
SourceFormat detect_container(const ZipArchive& archive);
TextFormat detect_text_format(const std::string& utf8, const std::string& name);

// `source` names the file in messages.
ReadResult read_webvtt(const std::string& utf8, const std::string& source);
ReadResult read_subrip(const std::string& utf8, const std::string& source);
ReadResult read_pdf(const std::string& bytes, const std::string& source);
ReadResult read_docx(const ZipArchive& archive, const ReadOptions& options);
ReadResult read_odt(const ZipArchive& archive, const ReadOptions& options);

// Decodes text bytes (BOM, UTF-8, UTF-16, legacy 8-bit) into UTF-8, with
// line ends made "\n". Sets result.encoding and adds warnings.
std::string decode_text(const std::string& bytes, const std::string& source, const ReadOptions& options,
                        ReadResult& result);

// One paragraph per non-empty line, trailing white space removed.
std::vector<Paragraph> paragraphs_of_lines(std::string_view utf8);

// The lines of a text, split at "\n" (and form feeds), without "\r".
std::vector<std::string> split_lines(std::string_view utf8);

// Collects the runs of one paragraph of a rich format; the bold runs at its
// start become the paragraph's bold prefix, where speaker labels stand.
// Finished paragraphs are NFC, with the bold prefix counted in NFC.
class ParagraphBuilder {
public:
    explicit ParagraphBuilder(std::vector<Paragraph>& out) : out_(out) {}
    void append(const std::string& text, bool bold);
    // Ends the paragraph (and starts the next, after a line break).
    void finish();

private:
    std::vector<Paragraph>& out_;
    Paragraph current_;
    bool in_bold_prefix_ = true;
};

}  // namespace fokus::importers
