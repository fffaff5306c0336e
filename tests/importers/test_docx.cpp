#include <doctest/doctest.h>

#include "importers/importer.h"
#include "read_helpers.h"
#include "scratch.h"
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;
using testing::lines_of;

TEST_CASE("docx: tabs, line breaks, tables; deleted text, footnotes and field codes left out") {
    testing::ScratchDir dir;
    testing::write_docx(dir / "tabel.docx",
                        "<w:p><w:r><w:t>Første</w:t><w:tab/><w:t>linje</w:t><w:br/><w:t>anden linje</w:t></w:r>"
                        "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
                        "<w:del><w:r><w:delText>slettet</w:delText></w:r></w:del>"
                        "<w:r><w:instrText>PAGE</w:instrText></w:r><w:ins><w:r><w:t> tilføjet</w:t></w:r></w:ins></w:p>"
                        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kommune Ø</w:t></w:r></w:p></w:tc>"
                        "<w:tc><w:p><w:r><w:t>høj</w:t></w:r></w:p><w:p><w:r><w:t>omsætning</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
                        "<w:p><w:r><w:t>Børne</w:t><w:noBreakHyphen/><w:t>og ungeområdet</w:t></w:r></w:p>");
    CHECK(lines_of(read_file(dir / "tabel.docx")) ==
          "Første\tlinje\nanden linje tilføjet\nKommune Ø\thøj omsætning\nBørne-og ungeområdet\n");
}

TEST_CASE("docx: the bold runs at a paragraph's start make its bold prefix") {
    testing::ScratchDir dir;
    testing::write_zip(dir / "fed.docx",
                       {{"word/document.xml",
                         testing::docx_body(
                             testing::docx_turn("Rådgiver 1:", "Vi taler om børnene.") +
                             // split over runs, and a run whose bold is switched off
                             "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Leder </w:t></w:r><w:r><w:rPr><w:b w:val=\"true\"/></w:rPr>"
                             "<w:t>(Kommune C):</w:t></w:r><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t> Ja, på Ærø.</w:t></w:r></w:p>"
                             // bold through a character style
                             "<w:p><w:r><w:rPr><w:rStyle w:val=\"Strong\"/></w:rPr><w:t>Borger 2:</w:t></w:r><w:r><w:t> Nej.</w:t></w:r></w:p>"
                             // a label typed with a combining ring counts as NFC
                             "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Ra\xCC\x8A" "dgiver 2:</w:t></w:r><w:r><w:t> Måske.</w:t></w:r></w:p>"
                             "<w:p><w:r><w:t>Ingen fed tekst her.</w:t></w:r></w:p>")},
                        {"word/styles.xml",
                         "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                         "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:rPr><w:b/></w:rPr></w:style></w:styles>"}});
    const auto result = read_file(dir / "fed.docx");
    REQUIRE(result.paragraphs.size() == 5);
    CHECK(result.paragraphs[0].bold_prefix == 11);  // "Rådgiver 1:"
    CHECK(result.paragraphs[1].bold_prefix == 18);  // "Leder (Kommune C):"
    CHECK(result.paragraphs[2].bold_prefix == 9);   // "Borger 2:"
    CHECK(result.paragraphs[3].text == "Rådgiver 2: Måske.");
    CHECK(result.paragraphs[3].bold_prefix == 11);
    CHECK(result.paragraphs[4].bold_prefix == 0);
}

TEST_CASE("docx written by LibreOffice with &#0; in a turn: replaced and reported with its line, nothing after it lost") {
    const auto read = read_file(std::filesystem::path(FOKUS_TEST_DATA) / "importers" / "nul-tegn.docx");
    CHECK(lines_of(read) ==
          "Interviewer: Hvordan oplever I samarbejdet med forvaltningen?\n"
          "Rådgiver 1: Vi får rygdækning, når det brænder på.\xEF\xBF\xBD Lederen står bag os.\n"
          "Rådgiver 2: Det gør en forskel for børnene og familierne på Ærø.\n");
    REQUIRE(read.warnings.size() == 1);
    CHECK(read.warnings[0] == "word/document.xml: 1 character that XML does not allow (&#0;, on line 2) was replaced by U+FFFD");
}
