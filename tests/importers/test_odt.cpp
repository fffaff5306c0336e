#include <doctest/doctest.h>

#include "coding/error.h"
#include "importers/importer.h"
#include "read_helpers.h"
#include "scratch.h"
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;
using testing::lines_of;

TEST_CASE("odt: spaces, tabs, line breaks, lists and headings; white space in the XML collapses; notes left out") {
    testing::ScratchDir dir;
    testing::write_odt(dir / "mellemrum.odt",
                       "<text:h>Fokusgruppe på Ærø</text:h>"
                       "<text:p>Så<text:s text:c=\"2\"/>er<text:tab/>vi<text:line-break/>på Ærø</text:p>"
                       "<text:p>Vi taler om\n      børnene<text:note><text:note-body><text:p>fodnote</text:p></text:note-body></text:note>.</text:p>"
                       "<text:list><text:list-item><text:p>Punkt om børn</text:p></text:list-item></text:list>");
    CHECK(lines_of(read_file(dir / "mellemrum.odt")) ==
          "Fokusgruppe på Ærø\nSå  er\tvi\npå Ærø\nVi taler om børnene.\nPunkt om børn\n");
}

TEST_CASE("odt: bold automatic styles at a paragraph's start make its bold prefix") {
    testing::ScratchDir dir;
    testing::write_odt(dir / "fed.odt",
                       "<text:p><text:span text:style-name=\"T1\">Rådgiver 1:</text:span> Vi taler om børnene.</text:p>"
                       "<text:p>Ingen <text:span text:style-name=\"T1\">fed</text:span> start.</text:p>");
    const auto result = read_file(dir / "fed.odt");
    REQUIRE(result.paragraphs.size() == 2);
    CHECK(result.paragraphs[0].bold_prefix == 11);
    CHECK(result.paragraphs[1].bold_prefix == 0);
}

TEST_CASE("an OpenDocument spreadsheet is refused as a transcript") {
    testing::ScratchDir dir;
    testing::write_zip(dir / "ark.ods", {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
    CHECK_THROWS_WITH_AS(read_file(dir / "ark.ods"),
                         doctest::Contains("ark.ods: is an OpenDocument file of another kind (application/vnd.oasis.opendocument.spreadsheet)"),
                         FormatError);
}
