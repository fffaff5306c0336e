#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <cstdlib>

#include "coding/error.h"
#include "exporters/quote_report.h"
#include "importers/zip_archive.h"
#include "quote_fixture.h"

using namespace fokus;
using exporters::QuoteExportOptions;
using exporters::QuoteGrouping;

namespace {

QuoteExportOptions report_options(QuoteGrouping::By by = QuoteGrouping::By::Arranged, std::string attribute = {}) {
    QuoteExportOptions options;
    options.grouping = {by, std::move(attribute)};
    options.attribution = testing::QuoteSetFixture::attribution;
    return options;
}

std::string all_text(const pugi::xml_node& node) {
    std::string text;
    for (const auto& element : node.select_nodes(".//w:t | .//w:br")) {
        const auto child = element.node();
        text += std::string(child.name()) == "w:br" ? "\n" : child.text().get();
    }
    return text;
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document document;
    REQUIRE(document.load_string(xml.c_str()));
    return document;
}

// The texts of the paragraphs with a style, in document order.
std::vector<std::string> docx_paragraphs(const pugi::xml_document& document, const std::string& style) {
    std::vector<std::string> texts;
    for (const auto& found : document.select_nodes(("//w:p[w:pPr/w:pStyle/@w:val='" + style + "']").c_str())) {
        texts.push_back(all_text(found.node()));
    }
    return texts;
}

std::string odt_text(const pugi::xml_node& node) {
    std::string text;
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata) {
            text += child.value();
        } else if (std::string(child.name()) == "text:line-break") {
            text += "\n";
        } else if (std::string(child.name()) == "text:s") {
            text += std::string(child.attribute("text:c").as_uint(1), ' ');
        } else {
            text += odt_text(child);
        }
    }
    return text;
}

std::vector<std::string> quoted_with_attribution(const testing::QuoteSetFixture& fixture) {
    std::vector<std::string> expected;
    for (std::size_t index = 0; index < fixture.texts.size(); ++index) {
        expected.push_back(fixture.texts[index] + " " + fixture.attributions[index]);
    }
    return expected;
}

// Converts with LibreOffice in a profile of its own, so that parallel tests do not meet.
std::string pdf_text_of(const testing::ScratchDir& dir, const std::filesystem::path& file) {
    const auto out = dir / "pdf";
    const std::string convert = "soffice -env:UserInstallation=file://" + (dir / "libreoffice-profile").string() +
                                " --headless --convert-to pdf --outdir " + out.string() + " " + file.string() +
                                " >" + (dir / "soffice.log").string() + " 2>&1";
    REQUIRE(std::system(convert.c_str()) == 0);
    const auto pdf = out / (file.stem().string() + ".pdf");
    REQUIRE(std::filesystem::exists(pdf));
    const auto text = dir / (file.stem().string() + ".txt");
    REQUIRE(std::system(("pdftotext -enc UTF-8 " + pdf.string() + " " + text.string()).c_str()) == 0);
    return testing::single_spaced(testing::read_file(text));
}

}  // namespace

TEST_CASE("quotes are prepared with their text and attribution, as arranged") {
    testing::QuoteSetFixture fixture;
    const auto groups = exporters::prepare_quote_set(fixture.project, fixture.set, report_options());
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].heading.empty());
    REQUIRE(groups[0].quotes.size() == 3);
    for (std::size_t index = 0; index < 3; ++index) {
        CHECK(groups[0].quotes[index].text == fixture.texts[index]);
        CHECK(groups[0].quotes[index].attribution == fixture.attributions[index]);
    }
    CHECK(groups[0].quotes[0].speaker == "Rådgiver 1");
    CHECK(groups[0].quotes[0].codes == std::vector<std::string>{"Faglig tryghed"});
    CHECK(groups[0].quotes[2].comment == "Børnene som drivkraft <vigtig>");
}

TEST_CASE("quotes are grouped by code in the order of the code tree, and by municipality") {
    testing::QuoteSetFixture fixture;
    const auto by_code = exporters::prepare_quote_set(fixture.project, fixture.set, report_options(QuoteGrouping::By::Code));
    REQUIRE(by_code.size() == 2);
    const bool motivation_first = [&] {
        for (const auto& code : CodeStore(fixture.project).all()) {
            if (code.id == fixture.motivation) return true;
            if (code.id == fixture.tryghed) return false;
        }
        return false;
    }();
    const auto& tryghed = motivation_first ? by_code[1] : by_code[0];
    const auto& motivation = motivation_first ? by_code[0] : by_code[1];
    CHECK(tryghed.heading == "Faglig tryghed");
    REQUIRE(tryghed.quotes.size() == 2);
    CHECK(tryghed.quotes[0].text == fixture.texts[0]);
    CHECK(tryghed.quotes[1].text == fixture.texts[1]);
    CHECK(motivation.heading == "Motivation");
    REQUIRE(motivation.quotes.size() == 1);
    CHECK(motivation.quotes[0].text == fixture.texts[2]);

    const auto by_municipality = exporters::prepare_quote_set(
        fixture.project, fixture.set, report_options(QuoteGrouping::By::Attribute, "municipality"));
    REQUIRE(by_municipality.size() == 2);
    CHECK(by_municipality[0].heading == "Kommune A");
    REQUIRE(by_municipality[0].quotes.size() == 1);
    CHECK(by_municipality[0].quotes[0].text == fixture.texts[1]);
    CHECK(by_municipality[1].heading == "Kommune B");
    REQUIRE(by_municipality[1].quotes.size() == 2);
    CHECK(by_municipality[1].quotes[0].text == fixture.texts[0]);
    CHECK(by_municipality[1].quotes[1].text == fixture.texts[2]);

    // A participant attribute groups by its name alone; quotes without it come last.
    const auto by_age =
        exporters::prepare_quote_set(fixture.project, fixture.set, report_options(QuoteGrouping::By::Attribute, "age"));
    REQUIRE(by_age.size() == 2);
    CHECK(by_age[0].heading == "43");
    CHECK(by_age[1].heading == "Uden participant.age");
    CHECK(by_age[1].quotes.size() == 2);
}

TEST_CASE("a quote-set .docx is Office Open XML with heading and quote styles and every quote in order") {
    testing::QuoteSetFixture fixture;
    const auto path = fixture.dir / "citater.docx";
    auto options = report_options(QuoteGrouping::By::Attribute, "municipality");
    options.with_codes = true;
    options.with_comments = true;
    exporters::export_quote_set(fixture.project, fixture.set, path, exporters::QuoteExportFormat::Docx, options);

    importers::ZipArchive archive(path, importers::Limits{});
    const auto types = parse(archive.read("[Content_Types].xml"));
    CHECK(types.select_node("//*[local-name()='Override'][@PartName='/word/document.xml']"));
    CHECK(types.select_node("//*[local-name()='Override'][@PartName='/word/styles.xml']"));
    const auto relationships = parse(archive.read("_rels/.rels"));
    CHECK(relationships.select_node("//*[local-name()='Relationship'][@Target='word/document.xml']"));
    const auto document_relationships = parse(archive.read("word/_rels/document.xml.rels"));
    CHECK(document_relationships.select_node("//*[local-name()='Relationship'][@Target='styles.xml']"));

    const auto styles = parse(archive.read("word/styles.xml"));
    CHECK(std::string(styles.select_node("//w:style[@w:styleId='Heading1']/w:name/@w:val").attribute().value()) ==
          "heading 1");
    CHECK(styles.select_node("//w:style[@w:styleId='Quote']/w:pPr/w:ind").node().attribute("w:left").as_int() > 0);

    const auto document = parse(archive.read("word/document.xml"));
    CHECK(docx_paragraphs(document, "Title") == std::vector<std::string>{"Citater til kapitel 4 – tryghed og børn"});
    CHECK(docx_paragraphs(document, "Heading1") == std::vector<std::string>{"Kommune A", "Kommune B"});
    const auto expected = quoted_with_attribution(fixture);
    CHECK(docx_paragraphs(document, "Quote") == std::vector<std::string>{expected[1], expected[0], expected[2]});
    CHECK(docx_paragraphs(document, "QuoteNote") ==
          std::vector<std::string>{"Koder: Faglig tryghed", "Koder: Faglig tryghed", "Koder: Motivation",
                                   "Kommentar: Børnene som drivkraft <vigtig>"});
    // The attribution is a run of its own, upright inside the italic quote.
    CHECK(document.select_node("//w:r[w:rPr/w:rStyle/@w:val='Attribution']"));
}

TEST_CASE("a quote-set .docx and .odt convert with LibreOffice, every quotation and attribution in order") {
    testing::QuoteSetFixture fixture;
    const auto expected_order = [&] {
        std::vector<std::string> pieces;
        for (std::size_t index = 0; index < fixture.texts.size(); ++index) {
            pieces.push_back(fixture.texts[index]);
            pieces.push_back(fixture.attributions[index]);
        }
        return pieces;
    }();
    for (const auto format : {exporters::QuoteExportFormat::Docx, exporters::QuoteExportFormat::Odt}) {
        const bool docx = format == exporters::QuoteExportFormat::Docx;
        CAPTURE(docx);
        const auto path = fixture.dir / (docx ? "rapport-æøå.docx" : "rapport-æøå.odt");
        exporters::export_quote_set(fixture.project, fixture.set, path, format, report_options());
        const auto text = pdf_text_of(fixture.dir, path);
        CHECK(text.find("Citater til kapitel 4 – tryghed og børn") != std::string::npos);
        CHECK(testing::in_order(text, expected_order));
    }
}

TEST_CASE("a quote-set .odt has its mimetype first and stored, a manifest, and styled quotes") {
    testing::QuoteSetFixture fixture;
    const auto path = fixture.dir / "citater.odt";
    exporters::export_quote_set(fixture.project, fixture.set, path, exporters::QuoteExportFormat::Odt,
                                report_options(QuoteGrouping::By::Code));
    importers::ZipArchive archive(path, importers::Limits{});
    REQUIRE_FALSE(archive.names().empty());
    CHECK(archive.names()[0] == "mimetype");
    CHECK(testing::read_file(path).substr(38, 39) == "application/vnd.oasis.opendocument.text");
    const auto manifest = parse(archive.read("META-INF/manifest.xml"));
    CHECK(manifest.select_node("//*[local-name()='file-entry'][@*[local-name()='full-path']='content.xml']"));
    const auto styles = parse(archive.read("styles.xml"));
    CHECK(styles.select_node("//style:style[@style:name='Heading_20_1']"));
    CHECK(styles.select_node("//style:style[@style:name='Quote']/style:paragraph-properties[@fo:margin-left]"));

    const auto content = parse(archive.read("content.xml"));
    std::vector<std::string> headings;
    for (const auto& found : content.select_nodes("//text:h")) headings.push_back(odt_text(found.node()));
    CHECK(std::find(headings.begin(), headings.end(), "Faglig tryghed") != headings.end());
    CHECK(std::find(headings.begin(), headings.end(), "Motivation") != headings.end());
    std::vector<std::string> quotes;
    for (const auto& found : content.select_nodes("//text:p[@text:style-name='Quote']")) quotes.push_back(odt_text(found.node()));
    REQUIRE(quotes.size() == 3);
    const auto expected = quoted_with_attribution(fixture);
    CHECK(std::find(quotes.begin(), quotes.end(), expected[0]) != quotes.end());
    CHECK(std::find(quotes.begin(), quotes.end(), expected[2]) != quotes.end());
}

TEST_CASE("HTML is self-contained and escaped; Markdown has quote blocks with the attribution after") {
    testing::QuoteSetFixture fixture;
    auto options = report_options();
    options.with_comments = true;
    const auto document = exporters::quote_set_document(fixture.project, fixture.set, options);
    const std::string html = exporters::to_html(document);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("Kommentar: Børnene som drivkraft &lt;vigtig&gt;") != std::string::npos);
    CHECK(html.find("<vigtig>") == std::string::npos);
    CHECK(testing::in_order(html, {"<blockquote><p>" + fixture.texts[0], fixture.attributions[0], fixture.texts[1]}));

    const std::string markdown = exporters::to_markdown(document);
    CHECK(markdown.rfind("# Citater til kapitel 4 – tryghed og børn\n\n", 0) == 0);
    CHECK(markdown.find("> " + fixture.texts[0] + "\n\n" + fixture.attributions[0] + "\n\n") != std::string::npos);
    CHECK(markdown.find("\\<vigtig\\>") != std::string::npos);

    const auto path = fixture.dir / "citater.html";
    exporters::export_quote_set(fixture.project, fixture.set, path, exporters::QuoteExportFormat::Html, options);
    CHECK(testing::read_file(path) == html);
}

TEST_CASE("the quote table has one row per quote with text, attribution, document, speaker, codes and position") {
    testing::QuoteSetFixture fixture;
    const auto table = exporters::quote_set_table(fixture.project, fixture.set, report_options());
    REQUIRE(table.rows.size() == 3);
    const auto column = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(table.header.begin(), table.header.end(), name) - table.header.begin());
    };
    const auto& first = table.rows[0];
    CHECK(std::get<std::string>(first[column("Citat")]) == fixture.texts[0]);
    CHECK(std::get<std::string>(first[column("Tilskrivning")]) == fixture.attributions[0]);
    CHECK(std::get<std::string>(first[column("Dokument")]) == "Fokusgruppe Kommune B");
    CHECK(std::get<std::string>(first[column("Taler")]) == "Rådgiver 1");
    CHECK(std::get<std::string>(first[column("Koder")]) == "Faglig tryghed");
    CHECK(std::get<std::string>(first[column("Attributter")]).find("participant.role=Rådgiver") != std::string::npos);
    CHECK(std::get<double>(first[column("Nr.")]) == 1);
    CHECK(std::get<double>(first[column("Start")]) ==
          static_cast<double>(testing::span_of(testing::focus_group_text, "Så føler man").start));

    const auto path = fixture.dir / "citater.csv";
    exporters::export_quote_set(fixture.project, fixture.set, path, exporters::QuoteExportFormat::Csv, report_options());
    const auto csv = testing::read_file(path);
    CHECK(testing::in_order(csv, {"Citat", fixture.texts[0], "\"" + fixture.attributions[0] + "\"", fixture.texts[1]}));
}

TEST_CASE("bad formats, groupings and templates are refused naming the value, and no file is written") {
    testing::QuoteSetFixture fixture;
    CHECK_THROWS_WITH_AS(exporters::parse_quote_export_format("pdf"),
                         "\"pdf\" is not a quote export format; give docx, odt, html, md, csv or xlsx", InputError);
    CHECK(exporters::parse_quote_export_format("DOCX") == exporters::QuoteExportFormat::Docx);
    CHECK_THROWS_AS(exporters::parse_grouping(" "), InputError);
    CHECK(exporters::parse_grouping("stage").by == QuoteGrouping::By::Stage);
    CHECK(exporters::parse_grouping("participant.role").attribute == "participant.role");
    auto options = report_options();
    options.attribution = "({role}, {age år)";
    const auto path = fixture.dir / "citater.docx";
    CHECK_THROWS_WITH_AS(
        exporters::export_quote_set(fixture.project, fixture.set, path, exporters::QuoteExportFormat::Docx, options),
        doctest::Contains("({role}, {age år)"), InputError);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_THROWS_WITH_AS(exporters::prepare_quote_set(fixture.project, fixture.set,
                                                      report_options(QuoteGrouping::By::Attribute, "kommune")),
                         "no document or participant has an attribute named \"kommune\" to group the quotes by",
                         InputError);
}
