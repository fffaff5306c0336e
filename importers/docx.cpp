// Word (.docx): paragraphs, runs, tabs, line breaks and tables of
// word/document.xml; bold runs at a paragraph's start mark a speaker label.
#include <functional>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"
#include "importers/xml_document.h"
#include "importers/zip_archive.h"

namespace fokus::importers {
namespace {

bool is_bold(const pugi::xml_node& run) {
    const auto bold = run.child("w:rPr").child("w:b");
    if (!bold) return false;
    const std::string value = bold.attribute("w:val").value();
    return value != "0" && value != "false" && value != "off";
}

// Collects a paragraph's text; a line break starts a new paragraph.
class ParagraphWriter {
public:
    explicit ParagraphWriter(std::vector<Paragraph>& out) : builder_(out) {}

    void add_run(const pugi::xml_node& run) {
        const bool bold = is_bold(run);
        for (auto part : run.children()) {
            const auto name = local_name(part);
            if (name == "t") {
                builder_.append(part.text().get(), bold);
            } else if (name == "tab") {
                builder_.append("\t", bold);
            } else if (name == "br" || name == "cr") {
                builder_.finish();
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
            } else if (child.type() == pugi::node_element) {
                walk(child);
            }
        }
    }

public:
    void finish() { builder_.finish(); }

private:
    ParagraphBuilder builder_;
};

void read_block(const pugi::xml_node& container, std::vector<Paragraph>& paragraphs) {
    for (auto node : container.children()) {
        const auto name = local_name(node);
        if (name == "p") {
            ParagraphWriter writer(paragraphs);
            writer.walk(node);
            writer.finish();
        } else if (name == "tbl") {
            // A table row reads as one paragraph, its cells separated by tabs.
            for (auto row : node.children("w:tr")) {
                std::vector<Paragraph> cells;
                for (auto cell : row.children("w:tc")) {
                    std::vector<Paragraph> inside;
                    read_block(cell, inside);
                    std::string joined;
                    for (const auto& paragraph : inside) joined += (joined.empty() ? "" : " ") + paragraph.text;
                    cells.push_back(Paragraph{joined, 0, std::nullopt, {}, false});
                }
                std::string line;
                for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i].text;
                if (!text::trim(line).empty()) paragraphs.push_back(Paragraph{line, 0, std::nullopt, {}, false});
            }
        } else if (name == "sdt") {
            read_block(node.child("w:sdtContent"), paragraphs);
        }
    }
}

}  // namespace

ReadResult read_docx(const std::filesystem::path& path, const ReadOptions& options) {
    const ZipArchive archive(path, options.limits);
    if (!archive.has("word/document.xml")) {
        throw FormatError(path.string(), "is a zip archive but not a Word document (it has no word/document.xml)");
    }
    pugi::xml_document document;
    parse_xml(document, archive.read("word/document.xml"), path.string(), "word/document.xml", options.limits);
    const auto body = document.child("w:document").child("w:body");
    if (!body) throw FormatError(path.string(), "word/document.xml has no document body");
    ReadResult result;
    result.format = "docx";
    read_block(body, result.paragraphs);
    for (auto& paragraph : result.paragraphs) paragraph.text = text::to_nfc(paragraph.text, path.string());
    if (result.paragraphs.empty()) throw FileError(path.string(), "has no text");
    return result;
}

}  // namespace fokus::importers
