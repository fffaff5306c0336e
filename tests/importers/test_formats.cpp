#include <doctest/doctest.h>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/importer.h"
#include "importers/transcript.h"
#include "scratch.h"
#include "pdf_fixture.h"
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

// The same exchange in every format: æ, ø, å, a label and a compound.
const std::string speech = "Vi taler om medarbejderomsætning og børnenes trivsel på Ærø.";

std::string words_of(const ReadResult& result) {
    std::string joined;
    for (const auto& paragraph : result.paragraphs) joined += paragraph.text + "\n";
    return joined;
}

}  // namespace

TEST_CASE("the same words come out of .docx, .odt, UTF-8 and windows-1252 text, as valid NFC") {
    testing::ScratchDir dir;
    testing::write_docx(dir / "samtale.docx", testing::docx_turn("Rådgiver 1:", speech));
    testing::write_odt(dir / "samtale.odt",
                       "<text:p><text:span text:style-name=\"T1\">Rådgiver 1:</text:span> " + speech + "</text:p>");
    testing::write_file(dir / "samtale-utf8.txt", "\xEF\xBB\xBFRådgiver 1: " + speech + "\r\n");
    testing::write_file(dir / "samtale-cp1252.txt",
                        "R\xE5" "dgiver 1: Vi taler om medarbejderoms\xE6tning og b\xF8rnenes trivsel p\xE5 \xC6r\xF8.\r\n");
    testing::write_pdf(dir / "samtale.pdf", {{"Rådgiver 1: Vi taler om medarbejder-", "omsætning og børnenes trivsel på Ærø."}});
    const std::string expected = "Rådgiver 1: " + speech + "\n";
    for (const char* name : {"samtale.docx", "samtale.odt", "samtale-utf8.txt", "samtale-cp1252.txt", "samtale.pdf"}) {
        const auto result = read_file(dir / name);
        CHECK_MESSAGE(words_of(result) == expected, name);
        CHECK(text::is_nfc(words_of(result)));
    }
    CHECK(read_file(dir / "samtale-cp1252.txt").encoding == "windows-1252");
    CHECK(read_file(dir / "samtale-utf8.txt").encoding == "UTF-8");
    CHECK(read_file(dir / "samtale.docx").paragraphs[0].bold_prefix == 11);
    CHECK(read_file(dir / "samtale.odt").paragraphs[0].bold_prefix == 11);
}

TEST_CASE("UTF-16 with a byte-order mark") {
    testing::ScratchDir dir;
    std::string bytes = "\xFF\xFE";
    for (const char16_t c : std::u16string(u"Borger 2: Jeg fik en ny rådgiver.\n")) {
        bytes += static_cast<char>(c & 0xFF);
        bytes += static_cast<char>(c >> 8);
    }
    testing::write_file(dir / "utf16.txt", bytes);
    const auto result = read_file(dir / "utf16.txt");
    CHECK(result.encoding == "UTF-16LE");
    CHECK(words_of(result) == "Borger 2: Jeg fik en ny rådgiver.\n");
}

TEST_CASE("invalid UTF-8 fails naming the line, or is replaced with a warning") {
    testing::ScratchDir dir;
    testing::write_file(dir / "brudt.txt", "Interviewer: Hvordan går det?\nBorger 1: Det går \xFF godt.\n");
    CHECK_THROWS_WITH_AS(read_file(dir / "brudt.txt"), doctest::Contains("not valid UTF-8 on line 2"), FileError);
    ReadOptions replace;
    replace.replace_invalid_bytes = true;
    const auto result = read_file(dir / "brudt.txt", replace);
    CHECK(words_of(result) == "Interviewer: Hvordan går det?\nBorger 1: Det går \xEF\xBF\xBD godt.\n");
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0] == "invalid bytes replaced on line 2");
}

TEST_CASE("docx: tabs, line breaks, tables, and deleted text left out") {
    testing::ScratchDir dir;
    testing::write_docx(dir / "tabel.docx",
                        "<w:p><w:r><w:t>Første</w:t><w:tab/><w:t>linje</w:t><w:br/><w:t>anden linje</w:t></w:r>"
                        "<w:del><w:r><w:delText>slettet</w:delText></w:r></w:del></w:p>"
                        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kommune Ø</w:t></w:r></w:p></w:tc>"
                        "<w:tc><w:p><w:r><w:t>høj omsætning</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
    CHECK(words_of(read_file(dir / "tabel.docx")) == "Første\tlinje\nanden linje\nKommune Ø\thøj omsætning\n");
}

TEST_CASE("odt: spaces, tabs and line breaks") {
    testing::ScratchDir dir;
    testing::write_odt(dir / "mellemrum.odt",
                       "<text:p>Så<text:s text:c=\"2\"/>er<text:tab/>vi<text:line-break/>på Ærø</text:p>"
                       "<text:list><text:list-item><text:p>Punkt om børn</text:p></text:list-item></text:list>");
    CHECK(words_of(read_file(dir / "mellemrum.odt")) == "Så  er\tvi\npå Ærø\nPunkt om børn\n");
}

TEST_CASE("WebVTT: voices, consecutive cues of one speaker merged with the first cue's time; SubRip") {
    testing::ScratchDir dir;
    testing::write_file(dir / "møde.vtt",
                        "WEBVTT\n\nNOTE optaget i Teams\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Teamleder 1>Vi har haft stor "
                        "udskiftning.</v>\n\n00:00:04.500 --> 00:00:08.000\n<v Teamleder 1>Især blandt de "
                        "nyuddannede.</v>\n\n00:01:09.000 --> 00:01:12.000\n<v Moderator><i>Hvorfor</i> tror I det?</v>\n");
    const auto vtt = read_file(dir / "møde.vtt");
    CHECK(vtt.format == "vtt");
    REQUIRE(vtt.paragraphs.size() == 2);
    CHECK(vtt.paragraphs[0].text == "Teamleder 1: Vi har haft stor udskiftning. Især blandt de nyuddannede.");
    CHECK(vtt.paragraphs[0].time_ms == 1000);
    CHECK(vtt.paragraphs[1].text == "Moderator: Hvorfor tror I det?");
    CHECK(vtt.paragraphs[1].time_ms == 69000);
    testing::write_file(dir / "møde.srt",
                        "1\n00:00:01,000 --> 00:00:03,000\nRådgiver 2: Vi får sparring.\n\n2\n00:00:03,500 --> "
                        "00:00:05,000\nRådgiver 2: Hver uge.\n");
    const auto srt = read_file(dir / "møde.srt");
    REQUIRE(srt.paragraphs.size() == 1);
    CHECK(srt.paragraphs[0].text == "Rådgiver 2: Vi får sparring. Hver uge.");
}

TEST_CASE("PDF: page boundaries shown, hyphenation joined, running headers and page numbers dropped") {
    testing::ScratchDir dir;
    const std::vector<std::vector<std::string>> body = {
        {"Alle nye rådgivere får en mentor det første år,", "og sagstallet trappes op over seks måneder for at styrke den faglige tryg-",
         "hed i teamet."},
        {"Afsnit 2: Sparring holdes hver tirsdag i alle teams.", "Lederen deltager, så beslutninger kan træffes med det samme."},
        {"Kompetenceudvikling aftales ved den årlige udviklingssamtale.", "Der er afsat en pulje til efteruddannelse."}};
    std::vector<std::vector<std::string>> pages;
    for (int page = 1; page <= 3; ++page) {
        std::vector<std::string> lines = {"Kompetenceplan for Børne- og Familieafdelingen, Kommune B", ""};
        lines.insert(lines.end(), body[static_cast<std::size_t>(page - 1)].begin(), body[static_cast<std::size_t>(page - 1)].end());
        lines.push_back("");
        lines.push_back("Side " + std::to_string(page) + " af 3");
        pages.push_back(lines);
    }
    testing::write_pdf(dir / "plan.pdf", pages);
    const auto result = read_file(dir / "plan.pdf");
    CHECK(result.format == "pdf");
    const auto text = words_of(result);
    CHECK(text.find("Kompetenceplan") == std::string::npos);
    CHECK(text.find("Side 1 af 3") == std::string::npos);
    CHECK(text.find("den faglige tryghed i teamet.") != std::string::npos);
    CHECK(text.find("Alle nye rådgivere får en mentor det første år, og sagstallet") != std::string::npos);
    CHECK(text.find("— side 2 —\nAfsnit 2: Sparring holdes hver tirsdag") != std::string::npos);
    CHECK(text.find("— side 3 —") != std::string::npos);
    testing::write_pdf(dir / "skannet.pdf", {{}});
    CHECK_THROWS_WITH_AS(read_file(dir / "skannet.pdf"), doctest::Contains("skannet.pdf: has no text layer (a scanned PDF?)"),
                         FormatError);
}

TEST_CASE("bad files are refused with the file and the problem named") {
    testing::ScratchDir dir;
    Limits small;
    ReadOptions options;
    SUBCASE("empty") {
        testing::write_file(dir / "tom.txt", "");
        CHECK_THROWS_WITH_AS(read_file(dir / "tom.txt"), doctest::Contains("tom.txt: is empty"), FileError);
    }
    SUBCASE("binary with a .txt name") {
        testing::write_file(dir / "billede.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        CHECK_THROWS_WITH_AS(read_file(dir / "billede.txt"), doctest::Contains("looks like a binary file"), FileError);
    }
    SUBCASE(".docx that is not a zip") {
        testing::write_file(dir / "falsk.docx", "Interviewer: Det her er ren tekst om børn.");
        CHECK_THROWS_WITH_AS(read_file(dir / "falsk.docx"), doctest::Contains("falsk.docx: is named .docx but is not a zip archive"),
                             FormatError);
    }
    SUBCASE("zip without word/document.xml") {
        testing::write_zip(dir / "tom.docx", {{"word/andet.xml", "<x/>"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "tom.docx"), doctest::Contains("neither a Word document (no word/document.xml)"),
                             FormatError);
    }
    SUBCASE("truncated zip") {
        testing::write_docx(dir / "hel.docx", testing::docx_turn("Borger 1:", speech));
        auto bytes = testing::read_file(dir / "hel.docx");
        bytes.resize(bytes.size() - 30);
        testing::write_file(dir / "afkortet.docx", bytes);
        CHECK_THROWS_WITH_AS(read_file(dir / "afkortet.docx"), doctest::Contains("damaged or truncated"), FormatError);
    }
    SUBCASE("XML that is not well-formed") {
        testing::write_zip(dir / "brudt.docx", {{"word/document.xml", "<w:document><w:body><w:p>børn"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "brudt.docx"), doctest::Contains("word/document.xml is not well-formed XML"),
                             FormatError);
    }
    SUBCASE("a file over the size limit") {
        testing::write_file(dir / "stor.txt", std::string(2 << 20, 'a'));
        options.limits.max_file_bytes = 1 << 20;
        CHECK_THROWS_WITH_AS(read_file(dir / "stor.txt", options), doctest::Contains("stor.txt: is 2 MB, larger than the 1 MB"),
                             FileError);
    }
    SUBCASE("a zip bomb") {
        testing::write_docx(dir / "bombe.docx", "<w:p><w:r><w:t>" + std::string(4 << 20, 'a') + "</w:t></w:r></w:p>");
        options.limits.max_expanded_bytes = 1 << 20;
        CHECK_THROWS_WITH_AS(read_file(dir / "bombe.docx", options), doctest::Contains("(a zip bomb?)"), FormatError);
    }
    SUBCASE("entry names reaching outside the archive") {
        testing::write_zip(dir / "sti.docx", {{"word/document.xml", testing::docx_body("")}, {"../../etc/passwd", "x"}});
        CHECK_THROWS_WITH_AS(read_file(dir / "sti.docx"), doctest::Contains("points outside it"), FormatError);
    }
    SUBCASE("a damaged PDF") {
        testing::write_file(dir / "plan.pdf", "%PDF-1.4\nikke mere end det");
        CHECK_THROWS_AS(read_file(dir / "plan.pdf"), FormatError);
    }
}
