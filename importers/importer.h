#pragma once
// Reading transcripts as they arrive (plain text in any encoding, .docx, .odt,
// WebVTT, SubRip, PDF) into the NFC text the user reads, with speaker turns.
// Each format is a reader behind this one interface; the format is chosen by
// content as well as by file extension.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "coding/documents.h"

namespace fokus::importers {

// What a format reader hands to the turn parser: one paragraph of text, with
// the length (in code points) of a bold run at its start, where the format
// has bold, and a cue time, where the format has times.
struct Paragraph {
    std::string text;
    std::size_t bold_prefix = 0;
    std::optional<std::int64_t> time_ms;
    std::string voice;  // a speaker named by the format itself (WebVTT <v Name>)
    bool page_break_before = false;
};

// What one import may expand in all, across every zip entry it reads (the
// entries of a .qdpx and of the Word or OpenDocument files inside it): each
// entry within its own limit can still add up to a bomb when read many times.
class ExpansionBudget {
public:
    explicit ExpansionBudget(std::uintmax_t bytes) : left_(bytes), total_(bytes) {}
    // Takes `bytes` from the budget; FormatError naming `source` and `what`
    // when they are more than is left.
    void spend(std::uintmax_t bytes, const std::string& source, const std::string& what);
    std::uintmax_t left() const { return left_; }
    std::uintmax_t total() const { return total_; }

private:
    std::uintmax_t left_;
    std::uintmax_t total_;
};

struct Limits {
    std::uintmax_t max_file_bytes = 100ull << 20;      // a larger file (or text source) is refused
    std::uintmax_t max_expanded_bytes = 200ull << 20;  // per zip entry, against zip bombs
    std::uintmax_t max_total_expanded_bytes = 1ull << 30;  // all entries one import reads
    std::uintmax_t max_total_text_bytes = 512ull << 20;    // the text of all sources of one project file
    std::size_t max_zip_entries = 10000;
    std::size_t max_xml_depth = 256;
    // Shared by the copies of these limits that one import hands down; made
    // from max_total_expanded_bytes by the first archive opened without one.
    std::shared_ptr<ExpansionBudget> budget;
};

struct ReadOptions {
    // Invalid bytes in text files: replace them with U+FFFD and warn, or fail.
    bool replace_invalid_bytes = false;
    Limits limits;
};

struct ReadResult {
    std::string format;  // "txt", "docx", "odt", "vtt", "srt", "pdf"
    std::string encoding;  // of a plain-text source, e.g. "UTF-8", "windows-1252"
    std::vector<Paragraph> paragraphs;
    std::vector<std::string> warnings;  // e.g. replaced bytes, with their line
    std::string checksum;  // SHA-256 (hex) of the bytes read, so a file is read only once
};

// Reads one file. Throws FileError/FormatError naming the file and the problem.
ReadResult read_file(const std::filesystem::path& path, const ReadOptions& options = {});

// Reads a file's bytes already in memory, such as an entry of a project
// archive; `name` stands for it in messages ("projekt.qdpx: sources/a.docx")
// and its extension helps tell the format.
ReadResult read_bytes(const std::string& bytes, const std::string& name, const ReadOptions& options = {});

}  // namespace fokus::importers
