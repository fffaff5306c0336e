// PDF with a text layer (municipal plans, policy papers): text in reading
// order, a visible marker at each page boundary, hyphenated line ends joined,
// and running headers, footers and page numbers dropped.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <map>
#include <memory>
#include <regex>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"

namespace fokus::importers {
namespace {

std::vector<std::string> page_lines(const poppler::page& page) {
    const auto bytes = page.text().to_utf8();
    auto lines = split_lines(std::string_view(bytes.data(), bytes.size()));
    for (auto& line : lines) line = text::trim(line);
    return lines;
}

// Digits count as one, so "Side 3 af 12" repeats as "Side # af #".
std::string shape_of(const std::string& line) {
    static const std::regex digits("[0-9]+");
    return std::regex_replace(line, digits, "#");
}

bool is_page_number(const std::string& line) {
    static const std::regex number(R"(^(?:[-–— ]*)(?:(?:[Ss]ide|[Pp]age) )?\d{1,4}(?:\s*(?:/|af|of)\s*\d{1,4})?(?:[-–— ]*)$)");
    return std::regex_match(line, number);
}

}  // namespace

ReadResult read_pdf(const std::string& bytes, const std::string& source) {
    // Poppler's own diagnostics would go to stderr; the refusal below says it for the user.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) throw FormatError(source, "is not a readable PDF (it is damaged or not a PDF)");
    if (document->is_locked()) throw FormatError(source, "is a password-protected PDF; unlock it first");
    std::vector<std::vector<std::string>> pages;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        pages.push_back(page ? page_lines(*page) : std::vector<std::string>{});
    }
    // Lines at the top or bottom of most pages are running headers and footers.
    std::map<std::string, int> edge_counts;
    for (const auto& lines : pages) {
        std::vector<std::string> content;
        for (const auto& line : lines) {
            if (!line.empty()) content.push_back(line);
        }
        for (std::size_t i = 0; i < content.size() && i < 2; ++i) ++edge_counts[shape_of(content[i])];
        for (std::size_t i = content.size() > 2 ? content.size() - 2 : 0; i < content.size(); ++i) ++edge_counts[shape_of(content[i])];
    }
    const int repeated = pages.size() >= 2 ? std::max<int>(2, static_cast<int>(pages.size() * 2 / 3)) : 1000000;
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
        // Lines of a block make one paragraph; a hyphen at a line's end joins the word.
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
            if (paragraph.empty()) {
                paragraph = line;
            } else if (paragraph.back() == '-' && paragraph.size() > 1 && paragraph[paragraph.size() - 2] != ' ' &&
                       !text::starts_upper(line)) {
                paragraph.pop_back();
                paragraph += line;
            } else {
                paragraph += " " + line;
            }
        }
        flush();
    }
    if (!any_text) throw FormatError(source, "has no text layer (a scanned PDF?); run OCR on it first");
    return result;
}

}  // namespace fokus::importers
