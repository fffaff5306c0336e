#pragma once
// A small readable document for reports (quote sets, the codebook), written
// as .docx, .odt, self-contained HTML or Markdown. Kept to what a report
// needs, so that every writer renders every block.
#include <filesystem>
#include <string>
#include <vector>

namespace fokus::exporters {

struct Block {
    enum class Kind { Heading, Paragraph, Quote };
    Kind kind = Kind::Paragraph;
    int level = 1;             // headings: 1 or 2
    std::string text;          // a quote's text may hold line breaks
    std::string attribution;   // quotes: "(Rådgiver, Kommune B)", may be empty
    std::string code_line;     // quotes: "Koder: Motivation", may be empty
    std::string comment_line;  // quotes: the researcher's comment, may be empty
};

struct ReportDocument {
    std::string title;
    std::vector<Block> blocks;

    void heading(std::string text, int level = 1);
    void paragraph(std::string text);
    void quote(std::string text, std::string attribution, std::string code_line = {}, std::string comment_line = {});
};

enum class DocumentFormat { Docx, Odt, Html, Markdown };

// "docx", "odt", "html" (or "htm"), "md" (or "markdown"); InputError naming the value otherwise.
DocumentFormat parse_document_format(std::string_view name);

// The XML parts, for writers and tests alike.
std::string docx_document_xml(const ReportDocument& document);
std::string docx_styles_xml();
std::string odt_content_xml(const ReportDocument& document);
std::string odt_styles_xml();

std::string to_html(const ReportDocument& document);
std::string to_markdown(const ReportDocument& document);

// Each writes the whole file atomically; FileError naming the target on failure.
void write_docx(const std::filesystem::path& target, const ReportDocument& document);
void write_odt(const std::filesystem::path& target, const ReportDocument& document);
void write_html(const std::filesystem::path& target, const ReportDocument& document);
void write_markdown(const std::filesystem::path& target, const ReportDocument& document);
void write_document(const std::filesystem::path& target, const ReportDocument& document, DocumentFormat format);

}  // namespace fokus::exporters
