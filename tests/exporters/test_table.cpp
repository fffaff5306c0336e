#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "coding/error.h"
#include "exporters/table.h"
#include "importers/zip_archive.h"
#include "scratch.h"

using namespace fokus;

namespace {

exporters::Table municipalities() {
    exporters::Table table;
    table.title = "Koder × kommune: rådgivere og ledere/medarbejdere";
    table.header = {"Kode", "Kommune A", "Kommune B"};
    table.rows = {{std::string{"Faglig tryghed"}, 12.0, 3.0},
                  {std::string{"Klager, mediesager og \"rygdækning\""}, 0.0, 2.5},
                  {std::string{"Svære sager\nog følelser"}, 1.0, 0.125}};
    return table;
}

}  // namespace

TEST_CASE("CSV quotes what needs quoting, keeps æ, ø, å, and writes numbers plainly") {
    const std::string csv = exporters::to_csv(municipalities());
    CHECK(csv.rfind("\xEF\xBB\xBFKode,Kommune A,Kommune B\r\n", 0) == 0);
    CHECK(csv.find("Faglig tryghed,12,3\r\n") != std::string::npos);
    CHECK(csv.find("\"Klager, mediesager og \"\"rygdækning\"\"\",0,2.5\r\n") != std::string::npos);
    CHECK(csv.find("\"Svære sager\nog følelser\",1,0.125\r\n") != std::string::npos);
}

TEST_CASE("XLSX holds one sheet per table with strings and numbers in their cells") {
    testing::ScratchDir scratch;
    const auto path = scratch / "krydstabel.xlsx";
    exporters::Table second = municipalities();
    second.title = "Andet ark";
    exporters::write_xlsx(path, {municipalities(), second});

    importers::ZipArchive archive(path, importers::Limits{});
    pugi::xml_document workbook;
    REQUIRE(workbook.load_string(archive.read("xl/workbook.xml").c_str()));
    const auto sheets = workbook.select_nodes("//*[local-name()='sheet']");
    REQUIRE(sheets.size() == 2);
    // Cut to Excel's 31 characters, without the forbidden '/' and without splitting a letter.
    CHECK(std::string(sheets[0].node().attribute("name").value()) == "Koder × kommune- rådgivere og l");
    CHECK(std::string(sheets[1].node().attribute("name").value()) == "Andet ark");

    pugi::xml_document strings;
    REQUIRE(strings.load_string(archive.read("xl/sharedStrings.xml").c_str()));
    std::string all;
    for (const auto& t : strings.select_nodes("//*[local-name()='t']")) all += std::string(t.node().text().get()) + "|";
    CHECK(all.find("Klager, mediesager og \"rygdækning\"|") != std::string::npos);
    CHECK(all.find("Faglig tryghed|") != std::string::npos);

    pugi::xml_document sheet;
    REQUIRE(sheet.load_string(archive.read("xl/worksheets/sheet1.xml").c_str()));
    const auto b2 = sheet.select_node("//*[local-name()='c'][@r='B2']/*[local-name()='v']");
    REQUIRE(b2);
    CHECK(std::string(b2.node().text().get()) == "12");
    const auto c4 = sheet.select_node("//*[local-name()='c'][@r='C4']/*[local-name()='v']");
    REQUIRE(c4);
    CHECK(std::string(c4.node().text().get()) == "0.125");
}

TEST_CASE("a workbook into a missing folder is refused and nothing is left behind") {
    testing::ScratchDir scratch;
    const auto path = scratch / "mangler" / "tabel.xlsx";
    CHECK_THROWS_AS(exporters::write_xlsx(path, {municipalities()}), FileError);
    CHECK_FALSE(std::filesystem::exists(path.parent_path()));
}
