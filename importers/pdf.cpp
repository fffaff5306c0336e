// PDF with a text layer (municipal plans, policy papers): text in reading
// order, a visible marker at each page boundary, hyphenated line ends joined,
// and running headers, footers and page numbers dropped.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>
#include <set>
#include <string_view>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/turns.h"

namespace fokus::importers {
namespace {

std::vector<std::string> page_lines(const poppler::page& page) {
    const auto bytes = page.text().to_utf8();
    auto lines = split_lines(std::string_view(bytes.data(), bytes.size()));
    for (auto& line : lines) line = text::trim(line);
    return lines;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits count as one, so "Side 3 af 12" repeats as "Side # af #". (By hand,
// as is_page_number: std::regex recurses once per character, and a long run
// of digits or dashes in a PDF would exhaust the stack.)
std::string shape_of(const std::string& line) {
    std::string shape;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!is_digit(line[i])) {
            shape += line[i];
        } else if (i == 0 || !is_digit(line[i - 1])) {
            shape += '#';
        }
    }
    return shape;
}

// A line that is only a page number: "3", "- 3 -", "Side 3 af 12", "Page 3/12",
// "— 3 —", with at most four digits to a number.
bool is_page_number(const std::string& line) {
    // Dashes (hyphen, en and em dash, byte by byte) and spaces around the number.
    const auto is_dash = [](char c) { return c == '-' || c == ' ' || c == '\xE2' || c == '\x80' || c == '\x93' || c == '\x94'; };
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    const auto number = [&](std::size_t& at) {
        const auto start = at;
        while (at < line.size() && is_digit(line[at])) ++at;
        return at > start && at - start <= 4;
    };
    const auto only_dashes_from = [&](std::size_t at) {
        while (at < line.size() && is_dash(line[at])) ++at;
        return at == line.size();
    };
    std::size_t at = 0;
    while (at < line.size() && is_dash(line[at])) ++at;
    for (const std::string_view word : {"Side ", "side ", "Page ", "page "}) {
        if (std::string_view(line).substr(at, word.size()) == word) {
            at += word.size();
            break;
        }
    }
    if (!number(at)) return false;
    if (only_dashes_from(at)) return true;
    while (at < line.size() && is_space(line[at])) ++at;
    if (std::string_view(line).substr(at, 1) == "/") {
        at += 1;
    } else if (std::string_view(line).substr(at, 2) == "af" || std::string_view(line).substr(at, 2) == "of") {
        at += 2;
    } else {
        return false;
    }
    while (at < line.size() && is_space(line[at])) ++at;
    return number(at) && only_dashes_from(at);
}

bool starts_lower(const std::string& line) {
    if (line.empty()) return false;
    UChar32 first = 0;
    int32_t at = 0;
    U8_NEXT(line.data(), at, static_cast<int32_t>(line.size()), first);
    return first >= 0 && u_islower(first);
}

// "medarbejder-" + "omsætning" is one hyphenated word; "Børne-" + "og
// Familieafdelingen" keeps its hyphen, as Danish writes a shared word part.
std::string joined_lines(const std::string& paragraph, const std::string& line) {
    const bool hyphenated = paragraph.size() > 1 && paragraph.back() == '-' && paragraph[paragraph.size() - 2] != ' ';
    if (!hyphenated || !starts_lower(line)) return paragraph + " " + line;
    static const std::set<std::string> conjunctions = {"og", "eller", "samt", "til"};
    if (conjunctions.count(line.substr(0, line.find(' ')))) return paragraph + " " + line;
    return paragraph.substr(0, paragraph.size() - 1) + line;
}

// Lines at the top or bottom of most pages are running headers and footers;
// counted once per page, with digits as one ("Side # af #").
std::map<std::string, int> edge_line_counts(const std::vector<std::vector<std::string>>& pages) {
    std::map<std::string, int> counts;
    for (const auto& lines : pages) {
        std::vector<std::string> content;
        for (const auto& line : lines) {
            if (!line.empty()) content.push_back(line);
        }
        std::set<std::string> edges;
        for (std::size_t i = 0; i < content.size() && i < 2; ++i) edges.insert(shape_of(content[i]));
        for (std::size_t i = content.size() > 2 ? content.size() - 2 : 0; i < content.size(); ++i) edges.insert(shape_of(content[i]));
        for (const auto& edge : edges) ++counts[edge];
    }
    return counts;
}

}  // namespace

// Poppler's own diagnostics would go to stderr. They are kept instead, for
// as long as one PDF is read, so that a damaged file is not taken for a scan.
class PopplerProblems {
public:
    PopplerProblems() {
        poppler::set_debug_error_function(
            [](const std::string& message, void* closure) {
                auto& kept = static_cast<PopplerProblems*>(closure)->messages_;
                if (kept.size() < 3) kept.push_back(message);
            },
            this);
    }
    ~PopplerProblems() { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); }
    PopplerProblems(const PopplerProblems&) = delete;
    PopplerProblems& operator=(const PopplerProblems&) = delete;
    const std::vector<std::string>& messages() const { return messages_; }
    // " (poppler: the first problem)", shortened and made printable, as a
    // message may quote bytes of the damaged file.
    std::string first() const {
        if (messages_.empty()) return {};
        std::string shown;
        for (const char c : messages_.front().substr(0, 80)) shown += (c >= 0x20 && c < 0x7F) ? c : '?';
        return " (" + text::trim(shown) + ")";
    }

private:
    std::vector<std::string> messages_;
};

ReadResult read_pdf(const std::string& bytes, const std::string& source) {
    const PopplerProblems problems;
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) throw FormatError(source, "is not a readable PDF (it is damaged or not a PDF)");
    if (document->is_locked()) throw FormatError(source, "is a password-protected PDF; unlock it first");
    std::vector<std::vector<std::string>> pages;
    int unreadable_pages = 0;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page) ++unreadable_pages;
        pages.push_back(page ? page_lines(*page) : std::vector<std::string>{});
    }
    auto edge_counts = edge_line_counts(pages);
    // On at least two thirds of the pages, and never on one page alone.
    const int repeated = pages.size() >= 2 ? std::max<int>(2, static_cast<int>((pages.size() * 2 + 2) / 3)) : 1000000;
    ReadResult result;
    result.format = "pdf";
    result.encoding = "PDF";
    bool any_text = false;
    for (std::size_t number = 0; number < pages.size(); ++number) {
        std::vector<std::string> kept;
        for (const auto& line : pages[number]) {
            if (!line.empty() && (is_page_number(line) || edge_counts[shape_of(line)] >= repeated)) continue;
            kept.push_back(line);
        }
        if (number > 0) {
            result.paragraphs.push_back(Paragraph{"— side " + std::to_string(number + 1) + " —", 0, std::nullopt, {}, true});
        }
        // Lines of a block make one paragraph, as the PDF only knows lines.
        std::string paragraph;
        auto flush = [&] {
            if (!text::trim(paragraph).empty()) {
                result.paragraphs.push_back(Paragraph{text::to_nfc(paragraph, source), 0, std::nullopt, {}, false});
                any_text = true;
            }
            paragraph.clear();
        };
        for (const auto& line : kept) {
            if (line.empty()) {
                flush();
                continue;
            }
            // A transcript saved as PDF: each speaker label starts a paragraph.
            if (!paragraph.empty() && find_speaker_label(line)) flush();
            paragraph = paragraph.empty() ? line : joined_lines(paragraph, line);
        }
        flush();
    }
    if (!any_text) {
        if (pages.empty() || unreadable_pages > 0 || !problems.messages().empty()) {
            const std::string what = pages.empty()          ? "no page could be found"
                                     : unreadable_pages > 0 ? std::to_string(unreadable_pages) + " of " + std::to_string(pages.size()) +
                                                                  " pages could not be read"
                                                            : "its pages could not be read as text";
            throw FormatError(source, "is a damaged PDF: " + what + problems.first() +
                                          "; if it is a scan, run OCR on it first");
        }
        throw FormatError(source, "has no text layer (a scanned PDF?); run OCR on it first");
    }
    return result;
}

}  // namespace fokus::importers
