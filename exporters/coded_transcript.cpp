#include "exporters/coded_transcript.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/output_file.h"
#include "coding/text.h"
#include "exporters/xml_text.h"
#include "exporters/office_package.h"

extern char** environ;

namespace fokus::exporters {
namespace {

std::string clock_of(std::int64_t milliseconds) {
    const auto seconds = milliseconds / 1000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    return buffer;
}

// The code points of the document's lines: each turn's speech wrapped at
// spaces to at most `width` characters, and at its own line breaks.
std::vector<Span> wrap(const std::string& text, const text::OffsetMap& offsets, Span body, std::size_t width) {
    auto at = [&](std::int64_t point) { return text[offsets.byte_of(static_cast<std::size_t>(point))]; };
    auto blank = [&](std::int64_t point) {
        const char c = at(point);
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    };
    std::vector<Span> lines;
    std::int64_t position = body.start;
    const auto limit = static_cast<std::int64_t>(width);
    while (position < body.end) {
        while (position < body.end && blank(position)) ++position;
        if (position >= body.end) break;
        std::int64_t point = position, last_space = -1;
        while (point < body.end && point - position < limit && at(point) != '\n') {
            if (at(point) == ' ') last_space = point;
            ++point;
        }
        std::int64_t end = point;
        if (point < body.end && at(point) != '\n' && at(point) != ' ') {
            if (last_space > position) {
                end = last_space;
            } else {
                while (end < body.end && !blank(end)) ++end;  // a word longer than a line
            }
        }
        // No trailing white space on the line.
        std::int64_t shown_end = end;
        while (shown_end > position && blank(shown_end - 1)) --shown_end;
        lines.push_back(Span{position, shown_end});
        position = end;
    }
    return lines;
}

std::string colour_of(const std::string& colour) {
    if (colour.size() == 7 && colour[0] == '#') return colour;
    return "#808080";
}

}  // namespace

TranscriptFormat parse_transcript_format(std::string_view name) {
    if (name == "docx") return TranscriptFormat::Docx;
    if (name == "odt") return TranscriptFormat::Odt;
    if (name == "pdf") return TranscriptFormat::Pdf;
    throw InputError(text::quote(name) + " is no format of a transcript; give docx, odt or pdf");
}

CodedTranscript coded_transcript(Project& project, Id document, const TranscriptOptions& options) {
    const DocumentStore documents(project);
    const auto found = documents.get(document);
    CodedTranscript transcript;
    transcript.title = found.name;
    for (const auto& [name, value] : documents.attributes(document)) transcript.facts.push_back(name + ": " + value);

    std::map<Id, Code> codes;
    std::vector<Id> tree_order;
    for (auto& code : CodeStore(project).all()) {
        tree_order.push_back(code.id);
        codes.emplace(code.id, std::move(code));
    }
    auto codings = CodingStore(project).spans_in(document);
    std::erase_if(codings, [&](const CodedSpan& coding) {
        return !options.codes.empty() && std::find(options.codes.begin(), options.codes.end(), coding.code) == options.codes.end();
    });
    std::sort(codings.begin(), codings.end(), [&](const CodedSpan& a, const CodedSpan& b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end > b.span.end;
    });
    std::map<Id, std::int64_t> used;
    for (const auto& coding : codings) ++used[coding.code];
    for (const Id id : tree_order) {
        if (used.count(id)) transcript.legend.push_back({codes[id].name, colour_of(codes[id].color), used[id]});
    }

    const std::string text = documents.text(document);
    const text::OffsetMap offsets(text);
    auto slice = [&](std::int64_t from, std::int64_t to) {
        const auto begin = offsets.byte_of(static_cast<std::size_t>(from));
        return text.substr(begin, offsets.byte_of(static_cast<std::size_t>(to)) - begin);
    };
    auto turns = documents.turns(document);
    if (turns.empty()) {
        Turn whole;
        whole.span = Span{0, found.length};
        turns.push_back(whole);
    }
    std::vector<Span> line_spans;  // parallel to transcript.lines
    for (const auto& turn : turns) {
        bool first = true;
        for (const auto& span : wrap(text, offsets, turn.body(), std::max<std::size_t>(10, options.line_width))) {
            TranscriptLine line;
            line.number = static_cast<std::int64_t>(transcript.lines.size()) + 1;
            if (first) {
                if (turn.time_ms) line.time = clock_of(*turn.time_ms);
                line.speaker = turn.speaker_label;
                first = false;
            }
            // Pieces between the codings' boundaries, each coded or not.
            std::set<std::int64_t> cuts{span.start, span.end};
            for (const auto& coding : codings) {
                if (coding.span.start < span.end && span.start < coding.span.end) {
                    cuts.insert(std::clamp(coding.span.start, span.start, span.end));
                    cuts.insert(std::clamp(coding.span.end, span.start, span.end));
                }
            }
            for (auto cut = cuts.begin(); std::next(cut) != cuts.end(); ++cut) {
                const auto from = *cut, to = *std::next(cut);
                const bool coded = std::any_of(codings.begin(), codings.end(),
                                               [&](const CodedSpan& coding) { return coding.span.start <= from && to <= coding.span.end; });
                auto piece = slice(from, to);
                for (auto& c : piece) {
                    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
                }
                if (!line.pieces.empty() && line.pieces.back().coded == coded) {
                    line.pieces.back().text += piece;
                } else {
                    line.pieces.push_back({std::move(piece), coded});
                }
            }
            transcript.lines.push_back(std::move(line));
            line_spans.push_back(span);
        }
    }
    // The margin: each coding's bracket over the lines it touches.
    for (const auto& coding : codings) {
        std::size_t first = line_spans.size(), last = 0;
        for (std::size_t i = 0; i < line_spans.size(); ++i) {
            if (coding.span.start < line_spans[i].end && line_spans[i].start < coding.span.end) {
                first = std::min(first, i);
                last = i;
            }
            if (line_spans[i].start >= coding.span.end) break;
        }
        if (first == line_spans.size()) continue;  // only a label or white space
        const auto& code = codes[coding.code];
        for (std::size_t i = first; i <= last; ++i) {
            const auto kind = first == last ? MarginMark::Kind::Whole
                              : i == first  ? MarginMark::Kind::Start
                              : i == last   ? MarginMark::Kind::End
                                            : MarginMark::Kind::Middle;
            transcript.lines[i].margin.push_back({kind, code.name, colour_of(code.color)});
        }
    }
    return transcript;
}

namespace {

// A code's name cut to what the margin holds on one line, so that a label
// never makes its line taller than the text beside it (the legend names it whole).
std::string margin_name(const std::string& name) {
    constexpr std::size_t longest = 18;
    if (text::count_code_points(name) <= longest) return name;
    std::size_t byte = 0;
    for (std::size_t kept = 0; kept < longest - 1; ++kept) {
        ++byte;
        while (byte < name.size() && (static_cast<unsigned char>(name[byte]) & 0xC0) == 0x80) ++byte;
    }
    return name.substr(0, byte) + "…";
}

// The text of a margin mark: a bracket, with the code's name where it begins.
std::string mark_text(const MarginMark& mark) {
    switch (mark.kind) {
        case MarginMark::Kind::Whole: return "[ " + margin_name(mark.code);
        case MarginMark::Kind::Start: return "┌ " + margin_name(mark.code);
        case MarginMark::Kind::Middle: return "│";
        case MarginMark::Kind::End: return "└";
    }
    return {};
}

// Columns, in twentieths of a point (twips) for Word and centimetres for ODF.
struct Column {
    int twips;
    const char* cm;
};
constexpr Column columns[] = {{454, "0.8cm"}, {794, "1.4cm"}, {1191, "2.1cm"}, {5896, "10.4cm"}, {1871, "3.3cm"}};

// ----- Word -----

pugi::xml_node docx_paragraph(pugi::xml_node parent, int space_before = 0) {
    auto paragraph = parent.append_child("w:p");
    auto properties = paragraph.append_child("w:pPr");
    auto spacing = properties.append_child("w:spacing");
    spacing.append_attribute("w:before") = space_before;
    spacing.append_attribute("w:after") = 0;
    return paragraph;
}

void docx_run(pugi::xml_node paragraph, const std::string& text, int half_points, const std::string& colour = {}, bool bold = false,
              const char* shade = nullptr, const char* font = nullptr) {
    auto run = paragraph.append_child("w:r");
    auto properties = run.append_child("w:rPr");
    if (font) {
        auto fonts = properties.append_child("w:rFonts");
        for (const char* kind : {"w:ascii", "w:hAnsi", "w:cs"}) fonts.append_attribute(kind) = font;
    }
    if (bold) properties.append_child("w:b");
    if (!colour.empty()) properties.append_child("w:color").append_attribute("w:val") = colour.substr(1).c_str();
    properties.append_child("w:sz").append_attribute("w:val") = half_points;
    properties.append_child("w:szCs").append_attribute("w:val") = half_points;
    if (shade) {
        auto shading = properties.append_child("w:shd");
        shading.append_attribute("w:val") = "clear";
        shading.append_attribute("w:color") = "auto";
        shading.append_attribute("w:fill") = shade;
    }
    auto piece = run.append_child("w:t");
    piece.append_attribute("xml:space") = "preserve";
    piece.text().set(text.c_str());
}

pugi::xml_node docx_cell(pugi::xml_node row, int column) {
    auto cell = row.append_child("w:tc");
    auto width = cell.append_child("w:tcPr").append_child("w:tcW");
    width.append_attribute("w:w") = columns[column].twips;
    width.append_attribute("w:type") = "dxa";
    return cell;
}

}  // namespace

std::string transcript_docx_xml(const CodedTranscript& transcript) {
    pugi::xml_document xml;
    detail::add_declaration(xml);
    auto root = xml.append_child("w:document");
    root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    auto body = root.append_child("w:body");
    docx_run(docx_paragraph(body), transcript.title, 32, {}, true);
    std::string facts;
    for (const auto& fact : transcript.facts) facts += (facts.empty() ? "" : "  ·  ") + fact;
    if (!facts.empty()) docx_run(docx_paragraph(body, 60), facts, 18, "#595959");
    if (!transcript.legend.empty()) {
        auto legend = docx_paragraph(body, 60);
        docx_run(legend, "Koder: ", 18, "#595959");
        for (std::size_t i = 0; i < transcript.legend.size(); ++i) {
            const auto& entry = transcript.legend[i];
            docx_run(legend, "■ ", 18, entry.colour, false, nullptr, "DejaVu Sans");
            docx_run(legend, entry.code + " (" + std::to_string(entry.codings) + ")" + (i + 1 < transcript.legend.size() ? "   " : ""), 18);
        }
    }
    docx_paragraph(body, 0);
    auto table = body.append_child("w:tbl");
    auto table_properties = table.append_child("w:tblPr");
    auto table_width = table_properties.append_child("w:tblW");
    table_width.append_attribute("w:w") = 0;
    table_width.append_attribute("w:type") = "auto";
    table_properties.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    auto margins = table_properties.append_child("w:tblCellMar");
    for (const char* side : {"w:left", "w:right"}) {
        auto margin = margins.append_child(side);
        margin.append_attribute("w:w") = 57;
        margin.append_attribute("w:type") = "dxa";
    }
    auto grid = table.append_child("w:tblGrid");
    for (const auto& column : columns) grid.append_child("w:gridCol").append_attribute("w:w") = column.twips;
    {
        auto header = table.append_child("w:tr");
        header.append_child("w:trPr").append_child("w:tblHeader");
        const char* titles[] = {"Nr.", "Tid", "Taler", "Tekst", "Koder"};
        for (int column = 0; column < 5; ++column) docx_run(docx_paragraph(docx_cell(header, column)), titles[column], 14, "#595959", true);
    }
    for (const auto& line : transcript.lines) {
        auto row = table.append_child("w:tr");
        row.append_child("w:trPr").append_child("w:cantSplit");
        const int before = line.speaker.empty() && line.time.empty() ? 0 : 80;
        docx_run(docx_paragraph(docx_cell(row, 0), before), std::to_string(line.number), 16, "#8C8C8C");
        docx_run(docx_paragraph(docx_cell(row, 1), before), line.time, 16, "#8C8C8C");
        docx_run(docx_paragraph(docx_cell(row, 2), before), line.speaker, 17, {}, true);
        auto text = docx_paragraph(docx_cell(row, 3), before);
        for (const auto& piece : line.pieces) docx_run(text, piece.text, 18, {}, false, piece.coded ? "EDEDED" : nullptr);
        auto margin = docx_cell(row, 4);
        if (line.margin.empty()) docx_paragraph(margin, before);
        for (std::size_t i = 0; i < line.margin.size(); ++i) {
            docx_run(docx_paragraph(margin, i == 0 ? before : 0), mark_text(line.margin[i]), 14, line.margin[i].colour,
                     line.margin[i].kind <= MarginMark::Kind::Start, nullptr, "DejaVu Sans");
        }
    }
    auto section = body.append_child("w:sectPr");
    auto size = section.append_child("w:pgSz");
    size.append_attribute("w:w") = 11906;
    size.append_attribute("w:h") = 16838;
    auto page_margins = section.append_child("w:pgMar");
    for (const char* side : {"w:top", "w:bottom"}) page_margins.append_attribute(side) = 1020;
    for (const char* side : {"w:left", "w:right"}) page_margins.append_attribute(side) = 850;
    page_margins.append_attribute("w:header") = 567;
    page_margins.append_attribute("w:footer") = 567;
    return detail::to_string(xml);
}

namespace {

const char* docx_styles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>)"
    R"(<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="18"/><w:lang w:val="da-DK"/>)"
    R"(</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>)";

// ----- OpenDocument -----

void odt_span(pugi::xml_node paragraph, const std::string& text, const std::string& style) {
    auto span = paragraph.append_child("text:span");
    span.append_attribute("text:style-name") = style.c_str();
    span.append_child(pugi::node_pcdata).set_value(text.c_str());
}

std::string colour_style(const std::string& colour, bool bold) { return std::string(bold ? "B" : "C") + colour.substr(1); }

}  // namespace

std::string transcript_odt_xml(const CodedTranscript& transcript) {
    pugi::xml_document xml;
    detail::add_declaration(xml);
    auto root = xml.append_child("office:document-content");
    root.append_attribute("xmlns:office") = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    root.append_attribute("xmlns:style") = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    root.append_attribute("xmlns:text") = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    root.append_attribute("xmlns:table") = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    root.append_attribute("xmlns:fo") = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    root.append_attribute("office:version") = "1.3";
    auto faces = root.append_child("office:font-face-decls");
    for (const char* font : {"Arial", "DejaVu Sans"}) {
        auto face = faces.append_child("style:font-face");
        face.append_attribute("style:name") = font;
        face.append_attribute("svg:font-family") = (std::string("'") + font + "'").c_str();
    }
    root.append_attribute("xmlns:svg") = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
    auto styles = root.append_child("office:automatic-styles");
    auto text_style = [&](const std::string& name, const char* size, const char* colour, bool bold, const char* background,
                          const char* font = "Arial") {
        auto style = styles.append_child("style:style");
        style.append_attribute("style:name") = name.c_str();
        style.append_attribute("style:family") = "text";
        auto properties = style.append_child("style:text-properties");
        properties.append_attribute("style:font-name") = font;
        properties.append_attribute("fo:font-size") = size;
        properties.append_attribute("fo:language") = "da";
        properties.append_attribute("fo:country") = "DK";
        if (colour) properties.append_attribute("fo:color") = colour;
        if (bold) properties.append_attribute("fo:font-weight") = "bold";
        if (background) properties.append_attribute("fo:background-color") = background;
    };
    text_style("Title", "16pt", nullptr, true, nullptr);
    text_style("Fact", "9pt", "#595959", false, nullptr);
    text_style("Number", "8pt", "#8C8C8C", false, nullptr);
    text_style("Speaker", "8.5pt", nullptr, true, nullptr);
    text_style("Speech", "9pt", nullptr, false, nullptr);
    text_style("Coded", "9pt", nullptr, false, "#EDEDED");
    text_style("Head", "7pt", "#595959", true, nullptr);
    std::set<std::string> colours;
    for (const auto& entry : transcript.legend) colours.insert(entry.colour);
    for (const auto& line : transcript.lines) {
        for (const auto& mark : line.margin) colours.insert(mark.colour);
    }
    for (const auto& colour : colours) {
        text_style(colour_style(colour, false), "7pt", colour.c_str(), false, nullptr, "DejaVu Sans");
        text_style(colour_style(colour, true), "7pt", colour.c_str(), true, nullptr, "DejaVu Sans");
        text_style("S" + colour.substr(1), "9pt", colour.c_str(), false, nullptr, "DejaVu Sans");
    }
    auto paragraph_style = [&](const char* name, const char* before) {
        auto style = styles.append_child("style:style");
        style.append_attribute("style:name") = name;
        style.append_attribute("style:family") = "paragraph";
        auto properties = style.append_child("style:paragraph-properties");
        properties.append_attribute("fo:margin-top") = before;
        properties.append_attribute("fo:margin-bottom") = "0cm";
    };
    paragraph_style("Line", "0cm");
    paragraph_style("TurnStart", "0.14cm");
    paragraph_style("Block", "0.1cm");
    auto table_style = styles.append_child("style:style");
    table_style.append_attribute("style:name") = "Transcript";
    table_style.append_attribute("style:family") = "table";
    auto table_properties = table_style.append_child("style:table-properties");
    table_properties.append_attribute("style:width") = "18cm";
    table_properties.append_attribute("table:align") = "left";
    for (int column = 0; column < 5; ++column) {
        auto style = styles.append_child("style:style");
        style.append_attribute("style:name") = ("Column" + std::to_string(column)).c_str();
        style.append_attribute("style:family") = "table-column";
        style.append_child("style:table-column-properties").append_attribute("style:column-width") = columns[column].cm;
    }
    auto cell_style = styles.append_child("style:style");
    cell_style.append_attribute("style:name") = "Cell";
    cell_style.append_attribute("style:family") = "table-cell";
    auto cell_properties = cell_style.append_child("style:table-cell-properties");
    cell_properties.append_attribute("fo:padding") = "0.05cm";
    cell_properties.append_attribute("fo:border") = "none";

    auto text = root.append_child("office:body").append_child("office:text");
    auto block = [&](const char* style) {
        auto paragraph = text.append_child("text:p");
        paragraph.append_attribute("text:style-name") = style;
        return paragraph;
    };
    odt_span(block("Block"), transcript.title, "Title");
    std::string facts;
    for (const auto& fact : transcript.facts) facts += (facts.empty() ? "" : "  ·  ") + fact;
    if (!facts.empty()) odt_span(block("Block"), facts, "Fact");
    if (!transcript.legend.empty()) {
        auto legend = block("Block");
        odt_span(legend, "Koder: ", "Fact");
        for (std::size_t i = 0; i < transcript.legend.size(); ++i) {
            const auto& entry = transcript.legend[i];
            odt_span(legend, "■ ", "S" + entry.colour.substr(1));
            odt_span(legend, entry.code + " (" + std::to_string(entry.codings) + ")" + (i + 1 < transcript.legend.size() ? "   " : ""), "Fact");
        }
    }
    auto table = text.append_child("table:table");
    table.append_attribute("table:name") = "Transskription";
    table.append_attribute("table:style-name") = "Transcript";
    for (int column = 0; column < 5; ++column) {
        table.append_child("table:table-column").append_attribute("table:style-name") = ("Column" + std::to_string(column)).c_str();
    }
    auto cell = [&](pugi::xml_node row) {
        auto one = row.append_child("table:table-cell");
        one.append_attribute("table:style-name") = "Cell";
        one.append_attribute("office:value-type") = "string";
        return one;
    };
    auto cell_paragraph = [&](pugi::xml_node one, const char* style) {
        auto paragraph = one.append_child("text:p");
        paragraph.append_attribute("text:style-name") = style;
        return paragraph;
    };
    {
        auto header = table.append_child("table:table-header-rows").append_child("table:table-row");
        for (const char* title : {"Nr.", "Tid", "Taler", "Tekst", "Koder"}) odt_span(cell_paragraph(cell(header), "Line"), title, "Head");
    }
    for (const auto& line : transcript.lines) {
        auto row = table.append_child("table:table-row");
        const char* style = line.speaker.empty() && line.time.empty() ? "Line" : "TurnStart";
        odt_span(cell_paragraph(cell(row), style), std::to_string(line.number), "Number");
        odt_span(cell_paragraph(cell(row), style), line.time, "Number");
        odt_span(cell_paragraph(cell(row), style), line.speaker, "Speaker");
        auto speech = cell_paragraph(cell(row), style);
        for (const auto& piece : line.pieces) odt_span(speech, piece.text, piece.coded ? "Coded" : "Speech");
        auto margin = cell(row);
        if (line.margin.empty()) cell_paragraph(margin, style);
        for (std::size_t i = 0; i < line.margin.size(); ++i) {
            const auto& mark = line.margin[i];
            odt_span(cell_paragraph(margin, i == 0 ? style : "Line"), mark_text(mark), colour_style(mark.colour, mark.kind <= MarginMark::Kind::Start));
        }
    }
    return detail::to_string(xml);
}

namespace {

// A4 with the margins of the .docx.
const char* odt_styles =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">)"
    R"(<office:automatic-styles><style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" )"
    R"(fo:margin-top="1.8cm" fo:margin-bottom="1.8cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm"/></style:page-layout></office:automatic-styles>)"
    R"(<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page"/></office:master-styles>)"
    R"(</office:document-styles>)";

void write_docx_transcript(const std::filesystem::path& target, const CodedTranscript& transcript) {
    const auto body = transcript_docx_xml(transcript);
    write_docx_package(target, body, docx_styles);
}

// A folder of its own for LibreOffice's run, removed afterwards.
class WorkFolder {
public:
    WorkFolder() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("fokus-transcript-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~WorkFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Runs LibreOffice on the .docx, with a profile of its own so that it runs
// beside any LibreOffice already open; its output goes to a log file.
void convert_to_pdf(const std::filesystem::path& target, const std::filesystem::path& docx, const WorkFolder& work) {
    const std::string profile = "-env:UserInstallation=file://" + (work.path() / "profile").string();
    const std::string outdir = work.path().string();
    const std::string input = docx.string();
    std::vector<std::string> arguments = {"soffice", profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outdir, input};
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const auto log = (work.path() / "soffice.log").string();
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t child = 0;
    const int failed = posix_spawnp(&child, "soffice", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) throw FileError(target.string(), "cannot write PDF: LibreOffice (soffice) cannot be run; install libreoffice-writer, or export .docx");
    int status = 0;
    waitpid(child, &status, 0);
    auto pdf = docx;
    pdf.replace_extension(".pdf");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(pdf)) {
        std::ifstream said(log);
        std::string first_line;
        std::getline(said, first_line);
        throw FileError(target.string(), "cannot write PDF: LibreOffice could not convert the transcript" +
                                             (first_line.empty() ? std::string() : " (" + first_line + ")"));
    }
    std::ifstream in(pdf, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    write_file(target, bytes.str());
}

}  // namespace

void write_transcript(const std::filesystem::path& target, const CodedTranscript& transcript, TranscriptFormat format) {
    switch (format) {
        case TranscriptFormat::Docx:
            write_docx_transcript(target, transcript);
            return;
        case TranscriptFormat::Odt: {
            const auto content = transcript_odt_xml(transcript);
            write_odt_package(target, content, odt_styles);
            return;
        }
        case TranscriptFormat::Pdf: {
            refuse_unsafe_output(target);
            const WorkFolder work;
            const auto docx = work.path() / "transskription.docx";
            write_docx_transcript(docx, transcript);
            convert_to_pdf(target, docx, work);
            return;
        }
    }
}

}  // namespace fokus::exporters
