#pragma once
// A coded transcript to read on paper: the document's turns line by line,
// each line numbered through the document, each turn with its timestamp and
// speaker, coded text shaded, and in the margin beside the lines a bracket
// for each coding in its code's colour, named where it begins. Written as
// .docx or .odt, or as PDF through LibreOffice from the .docx.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "coding/types.h"

namespace fokus {
class Project;
}

namespace fokus::exporters {

struct TranscriptPiece {
    std::string text;
    bool coded = false;
};

// One coding beside one line.
struct MarginMark {
    enum class Kind { Whole, Start, Middle, End };
    Kind kind = Kind::Whole;
    std::string code;
    std::string colour;  // "#RRGGBB"
};

struct TranscriptLine {
    std::int64_t number = 0;  // from 1, through the document
    std::string time;         // "00:01:25" on a turn's first line, when known
    std::string speaker;      // on a turn's first line; empty for a passage nobody is named in
    std::vector<TranscriptPiece> pieces;
    std::vector<MarginMark> margin;  // codings in the order they begin
};

struct CodedTranscript {
    std::string title;                  // the document's name
    std::vector<std::string> facts;     // "municipality: Kommune B" ...
    struct LegendEntry {
        std::string code, colour;
        std::int64_t codings = 0;
    };
    std::vector<LegendEntry> legend;    // the codes used, in the order of the code tree
    std::vector<TranscriptLine> lines;
};

struct TranscriptOptions {
    std::size_t line_width = 60;  // characters a line holds at most (a longer word has a line of its own)
    std::vector<Id> codes;        // only these codes' codings; all when empty
};

CodedTranscript coded_transcript(Project& project, Id document, const TranscriptOptions& options = {});

enum class TranscriptFormat { Docx, Odt, Pdf };
// "docx", "odt" or "pdf"; InputError naming the value otherwise.
TranscriptFormat parse_transcript_format(std::string_view name);

std::string transcript_docx_xml(const CodedTranscript& transcript);
std::string transcript_odt_xml(const CodedTranscript& transcript);

// Writes the whole file atomically; FileError naming the target on failure,
// and for PDF when LibreOffice (soffice) cannot be run or fails.
void write_transcript(const std::filesystem::path& target, const CodedTranscript& transcript, TranscriptFormat format);

}  // namespace fokus::exporters
