#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "coding/error.h"
#include "coding/memos.h"
#include "exporters/codebook_document.h"
#include "importers/zip_archive.h"
#include "quote_fixture.h"

using namespace fokus;

namespace {

const exporters::Block* heading_named(const exporters::ReportDocument& document, const std::string& name,
                                      std::size_t& index) {
    for (index = 0; index < document.blocks.size(); ++index) {
        const auto& block = document.blocks[index];
        if (block.kind == exporters::Block::Kind::Heading && block.text == name) return &block;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the codebook document gives each code its definition, memo, counts and examples with attribution") {
    testing::QuoteSetFixture fixture;
    CodeStore(fixture.project).define(fixture.tryghed, "Oplevelsen af at kunne stå på sin faglighed, også når det blæser.");
    MemoStore(fixture.project).add({MemoTarget::Kind::Code, fixture.tryghed}, "", "Tryghed følger ledelsens rygdækning");
    exporters::CodebookDocumentOptions options;
    options.examples = 1;
    options.attribution = "({role}, {municipality})";
    const auto document = exporters::codebook_document(fixture.project, options);

    std::size_t at = 0;
    REQUIRE(heading_named(document, "Faglig tryghed", at));
    REQUIRE(at + 4 < document.blocks.size());
    CHECK(document.blocks[at + 1].text == "Definition: Oplevelsen af at kunne stå på sin faglighed, også når det blæser.");
    CHECK(document.blocks[at + 2].text == "Memo: Tryghed følger ledelsens rygdækning");
    CHECK(document.blocks[at + 3].text == "2 kodninger i 2 dokumenter");
    CHECK(document.blocks[at + 4].kind == exporters::Block::Kind::Quote);
    CHECK(document.blocks[at + 4].text == fixture.texts[0]);
    CHECK(document.blocks[at + 4].attribution == "(Rådgiver, Kommune B)");
    CHECK((at + 5 == document.blocks.size() || document.blocks[at + 5].kind != exporters::Block::Kind::Quote));

    // Examples come from each document in turn.
    options.examples = 2;
    const auto two = exporters::codebook_document(fixture.project, options);
    REQUIRE(heading_named(two, "Faglig tryghed", at));
    CHECK(two.blocks[at + 5].text == fixture.texts[1]);
    CHECK(two.blocks[at + 5].attribution == "(Rådgiver, Kommune A)");

    options.examples = -1;
    CHECK_THROWS_WITH_AS(exporters::codebook_document(fixture.project, options),
                         "the number of examples must be 0 or more, not -1", InputError);
}

TEST_CASE("the codebook is written as .docx and Markdown") {
    testing::QuoteSetFixture fixture;
    exporters::CodebookDocumentOptions options;
    options.examples = 2;
    const auto docx = fixture.dir / "kodebog.docx";
    exporters::export_codebook_document(fixture.project, docx, exporters::DocumentFormat::Docx, options);
    importers::ZipArchive archive(docx, importers::Limits{});
    pugi::xml_document xml;
    REQUIRE(xml.load_string(archive.read("word/document.xml").c_str()));
    std::vector<std::string> headings;
    for (const auto& found : xml.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Heading1']")) {
        headings.push_back(found.node().select_node(".//w:t").node().text().get());
    }
    CHECK(std::find(headings.begin(), headings.end(), "Faglig tryghed") != headings.end());
    CHECK(std::find(headings.begin(), headings.end(), "Motivation") != headings.end());
    CHECK(xml.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Quote']").size() == 3);

    const auto markdown = fixture.dir / "kodebog.md";
    exporters::export_codebook_document(fixture.project, markdown, exporters::DocumentFormat::Markdown, options);
    const auto text = testing::read_file(markdown);
    CHECK(text.find("## Faglig tryghed\n\n") != std::string::npos);
    CHECK(text.find("> " + fixture.texts[0] + "\n\n(Rådgiver 1)\n\n") != std::string::npos);
}
