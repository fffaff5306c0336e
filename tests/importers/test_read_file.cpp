#include <doctest/doctest.h>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/importer.h"
#include "pdf_fixture.h"
#include "read_helpers.h"
#include "scratch.h"
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;
using testing::lines_of;

namespace {

// The same exchange in every format: æ, ø, å, a label and a compound.
const std::string speech = "Vi taler om medarbejderomsætning og børnenes trivsel på Ærø.";

}  // namespace

TEST_CASE("the same words come out of .docx, .odt, .pdf, UTF-8 and windows-1252 text, as valid NFC") {
    testing::ScratchDir dir;
    testing::write_docx(dir / "samtale.docx", testing::docx_turn("Rådgiver 1:", speech));
    testing::write_odt(dir / "samtale.odt",
                       "<text:p><text:span text:style-name=\"T1\">Rådgiver 1:</text:span> " + speech + "</text:p>");
    testing::write_file(dir / "samtale-utf8.txt", "\xEF\xBB\xBFRådgiver 1: " + speech + "\r\n");
    // Decomposed å (a + combining ring), as some Mac tools write it.
    testing::write_file(dir / "samtale-nfd.txt", "Ra\xCC\x8A" "dgiver 1: " + speech + "\n");
    testing::write_file(dir / "samtale-cp1252.txt",
                        "R\xE5" "dgiver 1: Vi taler om medarbejderoms\xE6tning og b\xF8rnenes trivsel p\xE5 \xC6r\xF8.\r\n");
    testing::write_pdf(dir / "samtale.pdf", {{"Rådgiver 1: Vi taler om medarbejder-", "omsætning og børnenes trivsel på Ærø."}});
    const std::string expected = "Rådgiver 1: " + speech + "\n";
    for (const char* name : {"samtale.docx", "samtale.odt", "samtale-utf8.txt", "samtale-nfd.txt", "samtale-cp1252.txt", "samtale.pdf"}) {
        const auto result = read_file(dir / name);
        CHECK_MESSAGE(lines_of(result) == expected, name);
        CHECK(text::is_valid_utf8(lines_of(result)));
        CHECK(text::is_nfc(lines_of(result)));
    }
    CHECK(read_file(dir / "samtale-cp1252.txt").encoding == "windows-1252");
    CHECK(read_file(dir / "samtale-utf8.txt").encoding == "UTF-8");
    CHECK(read_file(dir / "samtale.docx").paragraphs[0].bold_prefix == 11);
    CHECK(read_file(dir / "samtale.odt").paragraphs[0].bold_prefix == 11);
}

TEST_CASE("the format follows the content, whatever the name") {
    testing::ScratchDir dir;
    testing::write_docx(dir / "omdøbt.txt", testing::docx_turn("Borger 1:", "Det går godt på Ærø."));
    CHECK(read_file(dir / "omdøbt.txt").format == "docx");
    testing::write_odt(dir / "uden-mimetype.zip", "<text:p>Så går vi på Ærø.</text:p>");
    CHECK(read_file(dir / "uden-mimetype.zip").format == "odt");
    testing::write_file(dir / "noter.md", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Borger 1>Jeg er glad for min rådgiver.\n");
    CHECK(read_file(dir / "noter.md").format == "vtt");
    testing::write_file(dir / "undertekster.txt", "1\n00:00:01,000 --> 00:00:02,000\nBorger 1: Tak for i dag på Ærø.\n");
    CHECK(read_file(dir / "undertekster.txt").format == "srt");
    testing::write_file(dir / "noter.txt", "Interviewer: Hvad så nu?\nBorger 1: Vi går hjem 12:30.\n");
    CHECK(read_file(dir / "noter.txt").format == "txt");
}

TEST_CASE("bad files are refused with the file and the problem named") {
    testing::ScratchDir dir;
    ReadOptions options;
    SUBCASE("empty") {
        testing::write_file(dir / "tom.txt", "");
        CHECK_THROWS_WITH_AS(read_file(dir / "tom.txt"), doctest::Contains("tom.txt: is empty"), FileError);
    }
    SUBCASE("missing") {
        CHECK_THROWS_WITH_AS(read_file(dir / "væk.docx"), doctest::Contains("væk.docx: is not a file that can be read"), FileError);
    }
    SUBCASE("binary with a .txt name") {
        testing::write_file(dir / "billede.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        CHECK_THROWS_WITH_AS(read_file(dir / "billede.txt"), doctest::Contains("billede.txt: looks like a binary file"), FileError);
    }
    SUBCASE(".docx that is not a zip") {
        testing::write_file(dir / "falsk.docx", "Interviewer: Det her er ren tekst om børn.");
        CHECK_THROWS_WITH_AS(read_file(dir / "falsk.docx"), doctest::Contains("falsk.docx: is named .docx but is not a zip archive"),
                             FormatError);
    }
    SUBCASE(".pdf that is not a PDF") {
        testing::write_file(dir / "falsk.pdf", "Interviewer: Det her er ren tekst om børn.");
        CHECK_THROWS_WITH_AS(read_file(dir / "falsk.pdf"), doctest::Contains("falsk.pdf: is named .pdf but is not a PDF"), FormatError);
    }
    SUBCASE("old Word and RTF") {
        testing::write_file(dir / "gammel.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10));
        CHECK_THROWS_WITH_AS(read_file(dir / "gammel.doc"), doctest::Contains("gammel.doc: is an old Word 97-2003 document"), FormatError);
        testing::write_file(dir / "samtale.rtf", "{\\rtf1\\ansi Interviewer: Hvordan g\\'e5r det?}");
        CHECK_THROWS_WITH_AS(read_file(dir / "samtale.rtf"), doctest::Contains("samtale.rtf: is an RTF file"), FormatError);
    }
    SUBCASE("zip without word/document.xml") {
        testing::write_zip(dir / "tom.docx", {{"word/andet.xml", "<x/>"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "tom.docx"),
                             doctest::Contains("tom.docx: is a zip archive but neither a Word document (no word/document.xml)"),
                             FormatError);
    }
    SUBCASE("truncated zip") {
        testing::write_docx(dir / "hel.docx", testing::docx_turn("Borger 1:", speech));
        auto bytes = testing::read_file(dir / "hel.docx");
        bytes.resize(bytes.size() - 30);
        testing::write_file(dir / "afkortet.docx", bytes);
        CHECK_THROWS_WITH_AS(read_file(dir / "afkortet.docx"), doctest::Contains("afkortet.docx: the archive is damaged or truncated"),
                             FormatError);
    }
    SUBCASE("XML that is not well-formed") {
        testing::write_zip(dir / "brudt.docx", {{"word/document.xml", "<w:document><w:body><w:p>børn"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "brudt.docx"), doctest::Contains("brudt.docx: word/document.xml is not well-formed XML"),
                             FormatError);
        testing::write_zip(dir / "brudt.odt",
                           {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<office:document-content>"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "brudt.odt"), doctest::Contains("brudt.odt: content.xml is not well-formed XML"),
                             FormatError);
    }
    SUBCASE("XML nested too deep") {
        options.limits.max_xml_depth = 20;
        std::string nested;
        for (int i = 0; i < 30; ++i) nested += "<w:sdt><w:sdtContent>";
        for (int i = 0; i < 30; ++i) nested += "</w:sdtContent></w:sdt>";
        testing::write_docx(dir / "dyb.docx", nested);
        CHECK_THROWS_WITH_AS(read_file(dir / "dyb.docx", options), doctest::Contains("dyb.docx: word/document.xml is nested deeper than 20"),
                             FormatError);
    }
    SUBCASE("a file over the size limit, checked before reading") {
        testing::write_file(dir / "stor.txt", std::string(2 << 20, 'a'));
        options.limits.max_file_bytes = 1 << 20;
        CHECK_THROWS_WITH_AS(read_file(dir / "stor.txt", options), doctest::Contains("stor.txt: is 2 MB, larger than the 1 MB"),
                             FileError);
    }
    SUBCASE("a zip bomb") {
        testing::write_docx(dir / "bombe.docx", "<w:p><w:r><w:t>" + std::string(4 << 20, 'a') + "</w:t></w:r></w:p>");
        options.limits.max_expanded_bytes = 1 << 20;
        CHECK_THROWS_WITH_AS(read_file(dir / "bombe.docx", options), doctest::Contains("bombe.docx: word/document.xml expands to"),
                             FormatError);
    }
    SUBCASE("entry names reaching outside the archive") {
        testing::write_zip(dir / "sti.docx", {{"word/document.xml", testing::docx_body("")}, {"../../etc/passwd", "x"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "sti.docx"),
                             doctest::Contains("sti.docx: the archive holds an entry named \"../../etc/passwd\" that points outside it"),
                             FormatError);
    }
    SUBCASE("a document without text") {
        testing::write_docx(dir / "blank.docx", "<w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>");
        CHECK_THROWS_WITH_AS(read_file(dir / "blank.docx"), doctest::Contains("blank.docx: has no text"), FileError);
    }
}

TEST_CASE("the checksum is that of the bytes read") {
    testing::ScratchDir dir;
    testing::write_file(dir / "a.txt", "Borger 1: Æbler og pærer.\n");
    testing::write_file(dir / "b.txt", "Borger 1: Æbler og pærer!\n");
    const auto a = read_file(dir / "a.txt");
    CHECK(a.checksum.size() == 64);
    CHECK(a.checksum != read_file(dir / "b.txt").checksum);
}
