#include <doctest/doctest.h>

#include "coding/error.h"
#include "importers/importer.h"
#include "pdf_fixture.h"
#include "read_helpers.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;
using testing::lines_of;

TEST_CASE("PDF: page boundaries shown, hyphenation joined, running headers and page numbers dropped") {
    testing::ScratchDir dir;
    const std::vector<std::vector<std::string>> body = {
        {"Alle nye rådgivere får en mentor det første år,", "og sagstallet trappes op over seks måneder for at styrke den faglige tryg-",
         "hed i teamet."},
        {"Afsnit 2: Sparring holdes hver tirsdag i alle teams.", "Lederen deltager, så beslutninger kan træffes med det samme."},
        {"Kompetenceudvikling aftales ved den årlige udviklingssamtale.", "Der er afsat en pulje til efteruddannelse i Børne-",
         "og Familieafdelingen for 2024-", "2025."}};
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
    const auto text = lines_of(result);
    CHECK(text.find("Kompetenceplan") == std::string::npos);
    CHECK(text.find("Side 1 af 3") == std::string::npos);
    CHECK(text.find("den faglige tryghed i teamet.") != std::string::npos);
    CHECK(text.find("Alle nye rådgivere får en mentor det første år, og sagstallet") != std::string::npos);
    CHECK(text.find("— side 2 —\nAfsnit 2: Sparring holdes hver tirsdag") != std::string::npos);
    CHECK(text.find("i Børne- og Familieafdelingen for 2024- 2025.") != std::string::npos);
    REQUIRE(result.paragraphs.size() > 2);
    CHECK(result.paragraphs[1].text == "— side 2 —");
    CHECK(result.paragraphs[1].page_break_before);
    CHECK_FALSE(result.paragraphs[0].page_break_before);
}

TEST_CASE("PDF: short pages keep their text; each speaker label starts a paragraph") {
    testing::ScratchDir dir;
    testing::write_pdf(dir / "kort.pdf", {{"Interviewer: Hvordan går det?", "Borger 1: Godt."}, {"Borger 2: Også på Ærø."}});
    CHECK(lines_of(read_file(dir / "kort.pdf")) ==
          "Interviewer: Hvordan går det?\nBorger 1: Godt.\n— side 2 —\nBorger 2: Også på Ærø.\n");
}

TEST_CASE("PDF without a text layer, and a damaged PDF, are refused") {
    testing::ScratchDir dir;
    testing::write_pdf(dir / "skannet.pdf", {{}});
    CHECK_THROWS_WITH_AS(read_file(dir / "skannet.pdf"), doctest::Contains("skannet.pdf: has no text layer (a scanned PDF?); run OCR"),
                         FormatError);
    testing::write_file(dir / "plan.pdf", "%PDF-1.4\nikke mere end det");
    CHECK_THROWS_WITH_AS(read_file(dir / "plan.pdf"), doctest::Contains("plan.pdf: is not a readable PDF"), FormatError);
}

TEST_CASE("a PDF whose page content is damaged is called damaged, not a scan") {
    testing::ScratchDir dir;
    std::string bytes = testing::read_file(std::filesystem::path(FOKUS_TEST_DATA) / "importers" / "samtale.pdf");
    REQUIRE(lines_of(read_file(std::filesystem::path(FOKUS_TEST_DATA) / "importers" / "samtale.pdf")).find("Ærø") != std::string::npos);
    // The page's content stream overwritten, as a broken download or disk would.
    const auto stream = bytes.find("stream");
    REQUIRE(stream != std::string::npos);
    bytes.replace(stream + 8, 200, std::string(200, '\xBE'));
    testing::write_file(dir / "beskadiget.pdf", bytes);
    try {
        read_file(dir / "beskadiget.pdf");
        FAIL("a damaged PDF was read");
    } catch (const FormatError& error) {
        const std::string message = error.what();
        CHECK(message.find("beskadiget.pdf: is a damaged PDF: its pages could not be read as text (") != std::string::npos);
        CHECK(message.find("scanned") == std::string::npos);
        CHECK(message.find('\xBE') == std::string::npos);
    }
}
