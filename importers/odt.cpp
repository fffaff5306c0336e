// OpenDocument text (.odt): paragraphs and headings of content.xml, with
// spaces (text:s), tabs and line breaks; bold spans at a paragraph's start
// mark a speaker label.
#include <algorithm>
#include <set>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

std::set<std::string> bold_styles(const pugi::xml_node& content) {
    std::set<std::string> names;
    for (auto style : content.child("office:automatic-styles").children("style:style")) {
        const std::string weight = style.child("style:text-properties").attribute("fo:font-weight").value();
        if (weight == "bold" || weight == "600" || weight == "700" || weight == "800" || weight == "900") {
            names.insert(style.attribute("style:name").value());
        }
    }
    return names;
}

// ODF collapses runs of spaces, tabs and line ends in text to one space;
// real spaces, tabs and breaks are elements (text:s, text:tab, text:line-break).
std::string collapsed_white_space(std::string_view raw) {
    std::string text;
    bool in_space = false;
    for (const char c : raw) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && in_space) continue;
        text += space ? ' ' : c;
        in_space = space;
    }
    return text;
}

class ParagraphWriter {
public:
    ParagraphWriter(std::vector<Paragraph>& out, const std::set<std::string>& bold) : builder_(out), bold_(bold) {}

    void walk(const pugi::xml_node& node, bool bold) {
        for (auto child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                builder_.append(collapsed_white_space(child.value()), bold);
                continue;
            }
            const auto name = local_name(child);
            if (name == "s") {
                const int count = child.attribute("text:c").as_int(1);
                builder_.append(std::string(static_cast<std::size_t>(std::clamp(count, 1, 1000)), ' '), bold);
            } else if (name == "tab") {
                builder_.append("\t", bold);
            } else if (name == "line-break") {
                builder_.finish();
            } else if (name == "note" || name == "annotation" || name == "tracked-changes") {
                continue;
            } else if (child.type() == pugi::node_element) {
                walk(child, bold || bold_.count(child.attribute("text:style-name").value()) > 0);
            }
        }
    }

public:
    void finish() { builder_.finish(); }

private:
    ParagraphBuilder builder_;
    const std::set<std::string>& bold_;
};

void read_block(const pugi::xml_node& container, const std::set<std::string>& bold, std::vector<Paragraph>& out) {
    for (auto node : container.children()) {
        const auto name = local_name(node);
        if (name == "p" || name == "h") {
            ParagraphWriter writer(out, bold);
            writer.walk(node, bold.count(node.attribute("text:style-name").value()) > 0);
            writer.finish();
        } else if (name == "list" || name == "list-item" || name == "section" || name == "table" ||
                   name == "table-row" || name == "table-cell" || name == "table-rows" || name == "table-header-rows") {
            read_block(node, bold, out);
        }
    }
}

}  // namespace

ReadResult read_odt(const ZipArchive& archive, const ReadOptions& options) {
    const std::string& source = archive.source();
    if (!archive.has("content.xml")) {
        throw FormatError(source, "is a zip archive but not an OpenDocument text (it has no content.xml)");
    }
    ReadResult result;
    result.format = "odt";
    pugi::xml_document document;
    parse_xml(document, archive.read("content.xml"), source, "content.xml", options.limits, result.warnings);
    const auto content = document.document_element();
    const auto text_body = content.child("office:body").child("office:text");
    if (!text_body) throw FormatError(source, "content.xml has no office:text body");
    read_block(text_body, bold_styles(content), result.paragraphs);
    if (result.paragraphs.empty()) throw NoTextError(source, "has no text");
    return result;
}

}  // namespace fokus::importers
