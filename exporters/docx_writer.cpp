// Office Open XML (.docx) for a ReportDocument: the four parts Word needs and
// the relationship that gives the document its styles.
#include <pugixml.hpp>

#include "exporters/report_document.h"
#include "exporters/xml_text.h"
#include "exporters/office_package.h"

namespace fokus::exporters {
namespace {

constexpr const char* wordprocessing_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

void add_style_reference(pugi::xml_node paragraph, const char* style) {
    paragraph.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style;
}

// Text as runs; line breaks become <w:br/>. `run_style` names a character style.
void add_text(pugi::xml_node paragraph, const std::string& text, const char* run_style = nullptr) {
    auto run = paragraph.append_child("w:r");
    if (run_style) run.append_child("w:rPr").append_child("w:rStyle").append_attribute("w:val") = run_style;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        auto piece = run.append_child("w:t");
        piece.append_attribute("xml:space") = "preserve";
        piece.text().set(text.substr(start, end == std::string::npos ? std::string::npos : end - start).c_str());
        if (end == std::string::npos) break;
        run.append_child("w:br");
        start = end + 1;
    }
}

pugi::xml_node add_paragraph(pugi::xml_node body, const char* style, const std::string& text, const char* run_style = nullptr) {
    auto paragraph = body.append_child("w:p");
    if (style) add_style_reference(paragraph, style);
    add_text(paragraph, text, run_style);
    return paragraph;
}

void add_paragraph_style(pugi::xml_node styles, const char* id, const char* name, const char* based_on, bool primary) {
    auto style = styles.append_child("w:style");
    style.append_attribute("w:type") = "paragraph";
    style.append_attribute("w:styleId") = id;
    style.append_child("w:name").append_attribute("w:val") = name;
    if (based_on) style.append_child("w:basedOn").append_attribute("w:val") = based_on;
    style.append_child("w:next").append_attribute("w:val") = "Normal";
    if (primary) style.append_child("w:qFormat");
}

pugi::xml_node run_properties(pugi::xml_node style) { return style.append_child("w:rPr"); }

void set_size(pugi::xml_node properties, int half_points) {
    properties.append_child("w:sz").append_attribute("w:val") = half_points;
    properties.append_child("w:szCs").append_attribute("w:val") = half_points;
}

}  // namespace

std::string docx_document_xml(const ReportDocument& document) {
    pugi::xml_document xml;
    detail::add_declaration(xml);
    auto root = xml.append_child("w:document");
    root.append_attribute("xmlns:w") = wordprocessing_ns;
    auto body = root.append_child("w:body");
    if (!document.title.empty()) add_paragraph(body, "Title", document.title);
    for (const auto& block : document.blocks) {
        switch (block.kind) {
            case Block::Kind::Heading:
                add_paragraph(body, block.level == 1 ? "Heading1" : "Heading2", block.text);
                break;
            case Block::Kind::Paragraph:
                add_paragraph(body, nullptr, block.text);
                break;
            case Block::Kind::Quote: {
                auto paragraph = add_paragraph(body, "Quote", block.text);
                if (!block.attribution.empty()) add_text(paragraph, " " + block.attribution, "Attribution");
                if (!block.code_line.empty()) add_paragraph(body, "QuoteNote", block.code_line);
                if (!block.comment_line.empty()) add_paragraph(body, "QuoteNote", block.comment_line);
                break;
            }
        }
    }
    // A4 with 2.5 cm margins, as Danish reports are set.
    auto section = body.append_child("w:sectPr");
    auto size = section.append_child("w:pgSz");
    size.append_attribute("w:w") = 11906;
    size.append_attribute("w:h") = 16838;
    auto margins = section.append_child("w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) margins.append_attribute(side) = 1417;
    for (const char* edge : {"w:header", "w:footer"}) margins.append_attribute(edge) = 708;
    margins.append_attribute("w:gutter") = 0;
    return detail::to_string(xml);
}

std::string docx_styles_xml() {
    pugi::xml_document xml;
    detail::add_declaration(xml);
    auto styles = xml.append_child("w:styles");
    styles.append_attribute("xmlns:w") = wordprocessing_ns;

    auto defaults = styles.append_child("w:docDefaults");
    auto default_run = defaults.append_child("w:rPrDefault").append_child("w:rPr");
    auto fonts = default_run.append_child("w:rFonts");
    for (const char* script : {"w:ascii", "w:hAnsi", "w:cs"}) fonts.append_attribute(script) = "Calibri";
    set_size(default_run, 22);
    default_run.append_child("w:lang").append_attribute("w:val") = "da-DK";
    auto default_paragraph = defaults.append_child("w:pPrDefault").append_child("w:pPr").append_child("w:spacing");
    default_paragraph.append_attribute("w:after") = 120;
    default_paragraph.append_attribute("w:line") = 264;
    default_paragraph.append_attribute("w:lineRule") = "auto";

    auto normal = styles.append_child("w:style");
    normal.append_attribute("w:type") = "paragraph";
    normal.append_attribute("w:default") = 1;
    normal.append_attribute("w:styleId") = "Normal";
    normal.append_child("w:name").append_attribute("w:val") = "Normal";
    normal.append_child("w:qFormat");

    add_paragraph_style(styles, "Title", "Title", "Normal", true);
    {
        auto title = styles.last_child();
        auto spacing = title.append_child("w:pPr").append_child("w:spacing");
        spacing.append_attribute("w:after") = 240;
        auto run = run_properties(title);
        run.append_child("w:b");
        set_size(run, 48);
    }
    const struct {
        const char* id;
        const char* name;
        int level;
        int size;
    } headings[] = {{"Heading1", "heading 1", 0, 32}, {"Heading2", "heading 2", 1, 26}};
    for (const auto& heading : headings) {
        add_paragraph_style(styles, heading.id, heading.name, "Normal", true);
        auto style = styles.last_child();
        auto paragraph = style.append_child("w:pPr");
        paragraph.append_child("w:keepNext");
        auto spacing = paragraph.append_child("w:spacing");
        spacing.append_attribute("w:before") = 360;
        spacing.append_attribute("w:after") = 120;
        paragraph.append_child("w:outlineLvl").append_attribute("w:val") = heading.level;
        auto run = run_properties(style);
        run.append_child("w:b");
        set_size(run, heading.size);
    }
    add_paragraph_style(styles, "Quote", "Quote", "Normal", true);
    {
        auto quote = styles.last_child();
        auto indent = quote.append_child("w:pPr").append_child("w:ind");
        indent.append_attribute("w:left") = 567;
        indent.append_attribute("w:right") = 567;
        run_properties(quote).append_child("w:i");
    }
    add_paragraph_style(styles, "QuoteNote", "Quote note", "Normal", false);
    {
        auto note = styles.last_child();
        auto properties = note.append_child("w:pPr");
        properties.append_child("w:ind").append_attribute("w:left") = 567;
        auto run = run_properties(note);
        run.append_child("w:color").append_attribute("w:val") = "595959";
        set_size(run, 18);
    }
    auto attribution = styles.append_child("w:style");
    attribution.append_attribute("w:type") = "character";
    attribution.append_attribute("w:styleId") = "Attribution";
    attribution.append_child("w:name").append_attribute("w:val") = "Attribution";
    // Upright inside the italic quote, so the reader sees whose words they are.
    run_properties(attribution).append_child("w:i").append_attribute("w:val") = 0;
    return detail::to_string(xml);
}

void write_docx(const std::filesystem::path& target, const ReportDocument& document) {
    const std::string body = docx_document_xml(document);
    const std::string styles = docx_styles_xml();
    write_docx_package(target, body, styles);
}

}  // namespace fokus::exporters
