#include "exporters/report_document.h"

#include <algorithm>

#include "coding/error.h"
#include "coding/text.h"
#include "coding/output_file.h"

namespace fokus::exporters {

void ReportDocument::heading(std::string text, int level) {
    blocks.push_back(Block{Block::Kind::Heading, std::clamp(level, 1, 2), std::move(text), {}, {}, {}});
}

void ReportDocument::paragraph(std::string text) {
    blocks.push_back(Block{Block::Kind::Paragraph, 1, std::move(text), {}, {}, {}});
}

void ReportDocument::quote(std::string text, std::string attribution, std::string code_line, std::string comment_line) {
    blocks.push_back(Block{Block::Kind::Quote, 1, std::move(text), std::move(attribution), std::move(code_line),
                           std::move(comment_line)});
}

DocumentFormat parse_document_format(std::string_view name) {
    std::string folded(name);
    std::transform(folded.begin(), folded.end(), folded.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!folded.empty() && folded.front() == '.') folded.erase(0, 1);
    if (folded == "docx") return DocumentFormat::Docx;
    if (folded == "odt") return DocumentFormat::Odt;
    if (folded == "html" || folded == "htm") return DocumentFormat::Html;
    if (folded == "md" || folded == "markdown") return DocumentFormat::Markdown;
    throw InputError(text::quote(name) + " is not a document format; give docx, odt, html or md");
}

void write_html(const std::filesystem::path& target, const ReportDocument& document) {
    write_file(target, to_html(document));
}

void write_markdown(const std::filesystem::path& target, const ReportDocument& document) {
    write_file(target, to_markdown(document));
}

void write_document(const std::filesystem::path& target, const ReportDocument& document, DocumentFormat format) {
    switch (format) {
        case DocumentFormat::Docx: return write_docx(target, document);
        case DocumentFormat::Odt: return write_odt(target, document);
        case DocumentFormat::Html: return write_html(target, document);
        case DocumentFormat::Markdown: return write_markdown(target, document);
    }
}

}  // namespace fokus::exporters
