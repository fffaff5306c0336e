// Turning decoded text and the runs of rich formats into paragraphs.
#include "coding/text.h"
#include "importers/readers.h"

namespace fokus::importers {
namespace {

// The first `count` code points of `utf8`.
std::string_view leading_code_points(std::string_view utf8, std::size_t count) {
    std::size_t byte = 0;
    for (std::size_t seen = 0; byte < utf8.size() && seen < count; ++seen) {
        ++byte;
        while (byte < utf8.size() && (static_cast<unsigned char>(utf8[byte]) & 0xC0) == 0x80) ++byte;
    }
    return utf8.substr(0, byte);
}

}  // namespace

std::vector<std::string> split_lines(std::string_view utf8) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= utf8.size()) {
        auto end = utf8.find_first_of("\n\f", start);
        if (end == std::string_view::npos) end = utf8.size();
        std::string line(utf8.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

std::vector<Paragraph> paragraphs_of_lines(std::string_view utf8) {
    std::vector<Paragraph> paragraphs;
    for (auto& line : split_lines(utf8)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
        if (!text::trim(line).empty()) paragraphs.push_back(Paragraph{line, 0, std::nullopt, {}, false});
    }
    return paragraphs;
}

void ParagraphBuilder::append(const std::string& text, bool bold) {
    if (in_bold_prefix_ && bold) {
        current_.bold_prefix += text::count_code_points(text);
    } else {
        in_bold_prefix_ = false;
    }
    current_.text += text;
}

void ParagraphBuilder::finish() {
    if (!text::trim(current_.text).empty()) {
        // Normalised here so that the bold prefix counts the code points the
        // user will see: "Rådgiver" typed with a combining ring is one shorter in NFC.
        const auto bold = text::to_nfc(leading_code_points(current_.text, current_.bold_prefix), "a paragraph");
        current_.text = text::to_nfc(current_.text, "a paragraph");
        current_.bold_prefix = text::count_code_points(bold);
        out_.push_back(current_);
    }
    current_ = Paragraph{};
    in_bold_prefix_ = true;
}

}  // namespace fokus::importers
