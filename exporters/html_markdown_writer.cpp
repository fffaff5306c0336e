// Self-contained HTML (escaped, UTF-8, inline CSS) and Markdown for a ReportDocument.
#include <sstream>

#include "exporters/report_document.h"

namespace fokus::exporters {
namespace {

std::string escape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\n': out += "<br>\n"; break;
            default: out += c;
        }
    }
    return out;
}

// Characters Markdown would read as markup are escaped; line breaks stay.
std::string escape_markdown(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (const char c : text) {
        const bool markup = c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
                            c == '>' || c == '|' || (line_start && (c == '#' || c == '-' || c == '+'));
        if (markup) out += '\\';
        out += c;
        line_start = c == '\n';
    }
    return out;
}

// Each line prefixed, so a quote of several lines stays one block.
std::string prefixed_lines(const std::string& text, const std::string& prefix) {
    // Two trailing spaces make each line break of the quote a hard break.
    std::string out = prefix;
    for (const char c : text) {
        if (c == '\n') out += "  ";
        out += c;
        if (c == '\n') out += prefix;
    }
    return out;
}

constexpr const char* stylesheet =
    "body{font-family:Calibri,'Segoe UI',Arial,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;"
    "line-height:1.45;color:#222}"
    "h1.title{font-size:1.9em}h1{font-size:1.45em;margin-top:1.6em}h2{font-size:1.2em}"
    "blockquote{margin:1em 2em;font-style:italic}blockquote p{margin:0}"
    ".attribution{font-style:normal}"
    ".note{margin:-0.6em 2.4em 1em;font-size:0.85em;color:#595959}";

}  // namespace

std::string to_html(const ReportDocument& document) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        << escape_html(document.title) << "</title>\n<style>" << stylesheet << "</style>\n</head>\n<body>\n";
    if (!document.title.empty()) out << "<h1 class=\"title\">" << escape_html(document.title) << "</h1>\n";
    for (const auto& block : document.blocks) {
        switch (block.kind) {
            case Block::Kind::Heading: {
                const char* tag = block.level == 1 ? "h1" : "h2";
                out << '<' << tag << '>' << escape_html(block.text) << "</" << tag << ">\n";
                break;
            }
            case Block::Kind::Paragraph:
                out << "<p>" << escape_html(block.text) << "</p>\n";
                break;
            case Block::Kind::Quote:
                out << "<blockquote><p>" << escape_html(block.text);
                if (!block.attribution.empty()) {
                    out << " <span class=\"attribution\">" << escape_html(block.attribution) << "</span>";
                }
                out << "</p></blockquote>\n";
                if (!block.code_line.empty()) out << "<p class=\"note\">" << escape_html(block.code_line) << "</p>\n";
                if (!block.comment_line.empty()) out << "<p class=\"note\">" << escape_html(block.comment_line) << "</p>\n";
                break;
        }
    }
    out << "</body>\n</html>\n";
    return out.str();
}

std::string to_markdown(const ReportDocument& document) {
    std::ostringstream out;
    if (!document.title.empty()) out << "# " << escape_markdown(document.title) << "\n\n";
    const std::string offset = document.title.empty() ? "" : "#";
    for (const auto& block : document.blocks) {
        switch (block.kind) {
            case Block::Kind::Heading:
                out << offset << std::string(static_cast<std::size_t>(block.level), '#') << ' ' << escape_markdown(block.text)
                    << "\n\n";
                break;
            case Block::Kind::Paragraph:
                out << escape_markdown(block.text) << "\n\n";
                break;
            case Block::Kind::Quote:
                out << prefixed_lines(escape_markdown(block.text), "> ") << "\n\n";
                if (!block.attribution.empty()) out << escape_markdown(block.attribution) << "\n\n";
                if (!block.code_line.empty()) out << "*" << escape_markdown(block.code_line) << "*\n\n";
                if (!block.comment_line.empty()) out << "*" << escape_markdown(block.comment_line) << "*\n\n";
                break;
        }
    }
    return out.str();
}

}  // namespace fokus::exporters
