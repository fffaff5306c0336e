// Word (.docx): paragraphs, runs, tabs, line breaks and tables of
// word/document.xml; bold runs at a paragraph's start mark a speaker label.
#include <set>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

using StyleIds = std::set<std::string>;

bool switched_on(const pugi::xml_node& toggle) {
    const std::string value = toggle.attribute("w:val").value();
    return value != "0" && value != "false" && value != "off";
}

// Bold set on the run itself, or through a character style such as "Strong"
// (word/styles.xml), which is how some templates mark speaker labels.
bool is_bold(const pugi::xml_node& run, const StyleIds& bold_styles) {
    const auto properties = run.child("w:rPr");
    if (const auto bold = properties.child("w:b")) return switched_on(bold);
    return bold_styles.count(properties.child("w:rStyle").attribute("w:val").value()) > 0;
}

StyleIds bold_character_styles(const ZipArchive& archive, const Limits& limits, std::vector<std::string>& warnings) {
    StyleIds ids;
    if (!archive.has("word/styles.xml")) return ids;
    pugi::xml_document styles;
    parse_xml(styles, archive.read("word/styles.xml"), archive.source(), "word/styles.xml", limits, warnings);
    for (auto style : styles.child("w:styles").children("w:style")) {
        const auto bold = style.child("w:rPr").child("w:b");
        if (std::string_view(style.attribute("w:type").value()) == "character" && bold && switched_on(bold)) {
            ids.insert(style.attribute("w:styleId").value());
        }
    }
    return ids;
}

// Collects a paragraph's text. A line break (w:br, Shift+Enter) starts a new
// paragraph: transcribers use it between speakers as often as Enter, and a
// label after it must still be found. Footnote and endnote references carry
// no w:t, and the notes themselves live in other parts, so neither shows.
class ParagraphWriter {
public:
    ParagraphWriter(std::vector<Paragraph>& out, const StyleIds& bold_styles) : builder_(out), bold_styles_(bold_styles) {}

    void add_run(const pugi::xml_node& run) {
        const bool bold = is_bold(run, bold_styles_);
        for (auto part : run.children()) {
            const auto name = local_name(part);
            if (name == "t") {
                builder_.append(part.text().get(), bold);
            } else if (name == "tab") {
                builder_.append("\t", bold);
            } else if (name == "br" || name == "cr") {
                builder_.finish();
            } else if (name == "noBreakHyphen") {
                builder_.append("-", bold);
            }
        }
    }

    // Walks into hyperlinks, insertions and content controls; deleted text and
    // field instructions are not what the reader sees.
    void walk(const pugi::xml_node& node) {
        for (auto child : node.children()) {
            const auto name = local_name(child);
            if (name == "r") {
                add_run(child);
            } else if (name == "del" || name == "instrText" || name == "pPr" || name == "rPr") {
                continue;
            } else if (name == "AlternateContent") {
                walk(child.first_child());  // Choice and Fallback hold the same text; read it once
            } else if (child.type() == pugi::node_element) {
                walk(child);
            }
        }
    }

    void finish() { builder_.finish(); }

private:
    ParagraphBuilder builder_;
    const StyleIds& bold_styles_;
};

void read_block(const pugi::xml_node& container, const StyleIds& bold, std::vector<Paragraph>& paragraphs) {
    for (auto node : container.children()) {
        const auto name = local_name(node);
        if (name == "p") {
            ParagraphWriter writer(paragraphs, bold);
            writer.walk(node);
            writer.finish();
        } else if (name == "tbl") {
            // A table row reads as one paragraph, its cells separated by tabs.
            for (auto row : node.children("w:tr")) {
                std::vector<Paragraph> cells;
                for (auto cell : row.children("w:tc")) {
                    std::vector<Paragraph> inside;
                    read_block(cell, bold, inside);
                    std::string joined;
                    for (const auto& paragraph : inside) joined += (joined.empty() ? "" : " ") + paragraph.text;
                    cells.push_back(Paragraph{joined, 0, std::nullopt, {}, false});
                }
                std::string line;
                for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i].text;
                if (!text::trim(line).empty()) paragraphs.push_back(Paragraph{line, 0, std::nullopt, {}, false});
            }
        } else if (name == "sdt") {
            read_block(node.child("w:sdtContent"), bold, paragraphs);
        }
    }
}

}  // namespace

ReadResult read_docx(const ZipArchive& archive, const ReadOptions& options) {
    const std::string& source = archive.source();
    if (!archive.has("word/document.xml")) {
        throw FormatError(source, "is a zip archive but not a Word document (it has no word/document.xml)");
    }
    ReadResult result;
    result.format = "docx";
    pugi::xml_document document;
    parse_xml(document, archive.read("word/document.xml"), source, "word/document.xml", options.limits, result.warnings);
    const auto body = document.child("w:document").child("w:body");
    if (!body) throw FormatError(source, "word/document.xml has no document body");
    read_block(body, bold_character_styles(archive, options.limits, result.warnings), result.paragraphs);
    if (result.paragraphs.empty()) throw NoTextError(source, "has no text");
    return result;
}

}  // namespace fokus::importers
