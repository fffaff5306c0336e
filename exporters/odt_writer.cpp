// OpenDocument text (.odt) for a ReportDocument: "mimetype" first and stored,
// the manifest, content.xml and styles.xml with the same styles as the .docx.
#include <pugixml.hpp>

#include "exporters/report_document.h"
#include "exporters/xml_text.h"
#include "exporters/office_package.h"

namespace fokus::exporters {
namespace {


void declare_namespaces(pugi::xml_node root) {
    root.append_attribute("xmlns:office") = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    root.append_attribute("xmlns:style") = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    root.append_attribute("xmlns:text") = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    root.append_attribute("xmlns:fo") = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    root.append_attribute("office:version") = "1.3";
}

// ODF collapses white space, so spaces after the first, tabs and line breaks
// are written as elements.
void add_text(pugi::xml_node parent, const std::string& text) {
    std::string pending;
    auto flush = [&] {
        if (!pending.empty()) parent.append_child(pugi::node_pcdata).set_value(pending.c_str());
        pending.clear();
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '\n') {
            flush();
            parent.append_child("text:line-break");
        } else if (c == '\t') {
            flush();
            parent.append_child("text:tab");
        } else if (c == ' ' && (at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n')) {
            std::size_t run = 1;
            while (at + run < text.size() && text[at + run] == ' ') ++run;
            flush();
            auto spaces = parent.append_child("text:s");
            if (run > 1) spaces.append_attribute("text:c") = static_cast<unsigned>(run);
            at += run - 1;
        } else {
            pending += c;
        }
    }
    flush();
}

pugi::xml_node add_paragraph(pugi::xml_node parent, const char* style, const std::string& text) {
    auto paragraph = parent.append_child("text:p");
    paragraph.append_attribute("text:style-name") = style;
    add_text(paragraph, text);
    return paragraph;
}

pugi::xml_node add_style(pugi::xml_node styles, const char* name, const char* display_name, const char* family = "paragraph") {
    auto style = styles.append_child("style:style");
    style.append_attribute("style:name") = name;
    style.append_attribute("style:display-name") = display_name;
    style.append_attribute("style:family") = family;
    if (std::string_view(family) == "paragraph") {
        style.append_attribute("style:parent-style-name") = "Standard";
        style.append_attribute("style:next-style-name") = "Standard";
    }
    return style;
}


}  // namespace

std::string odt_content_xml(const ReportDocument& document) {
    pugi::xml_document xml;
    detail::add_declaration(xml);
    auto root = xml.append_child("office:document-content");
    declare_namespaces(root);
    auto text = root.append_child("office:body").append_child("office:text");
    if (!document.title.empty()) add_paragraph(text, "Title", document.title);
    for (const auto& block : document.blocks) {
        switch (block.kind) {
            case Block::Kind::Heading: {
                auto heading = text.append_child("text:h");
                heading.append_attribute("text:style-name") = block.level == 1 ? "Heading_20_1" : "Heading_20_2";
                heading.append_attribute("text:outline-level") = block.level;
                add_text(heading, block.text);
                break;
            }
            case Block::Kind::Paragraph:
                add_paragraph(text, "Standard", block.text);
                break;
            case Block::Kind::Quote: {
                auto paragraph = add_paragraph(text, "Quote", block.text);
                if (!block.attribution.empty()) {
                    paragraph.append_child(pugi::node_pcdata).set_value(" ");
                    auto span = paragraph.append_child("text:span");
                    span.append_attribute("text:style-name") = "Attribution";
                    add_text(span, block.attribution);
                }
                if (!block.code_line.empty()) add_paragraph(text, "Quote_20_note", block.code_line);
                if (!block.comment_line.empty()) add_paragraph(text, "Quote_20_note", block.comment_line);
                break;
            }
        }
    }
    return detail::to_string(xml);
}

std::string odt_styles_xml() {
    pugi::xml_document xml;
    detail::add_declaration(xml);
    auto root = xml.append_child("office:document-styles");
    declare_namespaces(root);
    auto styles = root.append_child("office:styles");

    auto defaults = styles.append_child("style:default-style");
    defaults.append_attribute("style:family") = "paragraph";
    auto default_text = defaults.append_child("style:text-properties");
    default_text.append_attribute("fo:font-size") = "11pt";
    default_text.append_attribute("fo:language") = "da";
    default_text.append_attribute("fo:country") = "DK";

    auto standard = styles.append_child("style:style");
    standard.append_attribute("style:name") = "Standard";
    standard.append_attribute("style:family") = "paragraph";
    standard.append_child("style:paragraph-properties").append_attribute("fo:margin-bottom") = "0.2cm";

    auto title = add_style(styles, "Title", "Title");
    auto title_text = title.append_child("style:text-properties");
    title_text.append_attribute("fo:font-size") = "24pt";
    title_text.append_attribute("fo:font-weight") = "bold";

    const struct {
        const char* name;
        const char* display;
        int level;
        const char* size;
    } headings[] = {{"Heading_20_1", "Heading 1", 1, "16pt"}, {"Heading_20_2", "Heading 2", 2, "13pt"}};
    for (const auto& heading : headings) {
        auto style = add_style(styles, heading.name, heading.display);
        style.append_attribute("style:default-outline-level") = heading.level;
        auto paragraph = style.append_child("style:paragraph-properties");
        paragraph.append_attribute("fo:margin-top") = "0.6cm";
        paragraph.append_attribute("fo:margin-bottom") = "0.2cm";
        paragraph.append_attribute("fo:keep-with-next") = "always";
        auto run = style.append_child("style:text-properties");
        run.append_attribute("fo:font-size") = heading.size;
        run.append_attribute("fo:font-weight") = "bold";
    }

    auto quote = add_style(styles, "Quote", "Quote");
    auto quote_paragraph = quote.append_child("style:paragraph-properties");
    quote_paragraph.append_attribute("fo:margin-left") = "1cm";
    quote_paragraph.append_attribute("fo:margin-right") = "1cm";
    quote.append_child("style:text-properties").append_attribute("fo:font-style") = "italic";

    auto note = add_style(styles, "Quote_20_note", "Quote note");
    note.append_child("style:paragraph-properties").append_attribute("fo:margin-left") = "1cm";
    auto note_text = note.append_child("style:text-properties");
    note_text.append_attribute("fo:font-size") = "9pt";
    note_text.append_attribute("fo:color") = "#595959";

    auto attribution = add_style(styles, "Attribution", "Attribution", "text");
    attribution.append_child("style:text-properties").append_attribute("fo:font-style") = "normal";
    return detail::to_string(xml);
}

void write_odt(const std::filesystem::path& target, const ReportDocument& document) {
    const std::string content = odt_content_xml(document);
    const std::string styles = odt_styles_xml();
    write_odt_package(target, content, styles);
}

}  // namespace fokus::exporters
