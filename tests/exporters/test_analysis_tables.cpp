// The condensation grid and a contrast as tables for CSV and XLSX.
#include <doctest/doctest.h>

#include "analysis/condensation_table.h"
#include "analysis/contrast.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/condensation.h"
#include "coding/error.h"
#include "coding/segments.h"
#include "exporters/analysis_tables.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

struct TwoMunicipalities {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "to-kommuner.fokus");
    Id kommune_b = testing::add_focus_group(project, "Fokusgruppe Kommune B", "Kommune B");
    Id kommune_d = testing::add_focus_group(project, "Fokusgruppe Kommune D", "Kommune D");
    Id tryghed = CodeStore(project).resolve("Faglig tryghed").id;

    TwoMunicipalities() {
        CodingStore codings(project);
        codings.add(kommune_b, tryghed, testing::span_of(testing::focus_group_text, "lederen står bag os"));
        codings.add(kommune_d, tryghed, testing::span_of(testing::focus_group_text, "Så føler man sig tryg i sin faglighed."));
        CondensationStore(project).set(tryghed, CondensationScope::of_value("municipality", "Kommune B"),
                                       "Lederens opbakning giver tryghed.");
    }
};

}  // namespace

TEST_CASE("the condensation grid becomes a sheet with a row per code and a column per municipality") {
    TwoMunicipalities study;
    const auto sheet = exporters::condensation_sheet(condensation_table(study.project, "municipality"));
    REQUIRE(sheet.header == std::vector<std::string>{"Kode", "Kommune B", "Kommune D"});
    const auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                                  [](const auto& cells) { return std::get<std::string>(cells[0]) == "Faglig tryghed"; });
    REQUIRE(row != sheet.rows.end());
    CHECK(std::get<std::string>((*row)[1]) == "Lederens opbakning giver tryghed.");
    CHECK(std::get<std::string>((*row)[2]).empty());
}

TEST_CASE("a contrast becomes a sheet with each group's segments, their text and span") {
    TwoMunicipalities study;
    const auto item = resolve_item(study.project, "Faglig tryghed");
    const auto result = contrast(study.project, item, {}, parse_condition("municipality=Kommune B"),
                                 parse_condition("municipality=Kommune D"));
    const auto sheet = exporters::contrast_sheet(study.project, result);
    REQUIRE(sheet.rows.size() == 2);
    CHECK(std::get<std::string>(sheet.rows[0][0]) == "municipality=Kommune B");
    CHECK(std::get<std::string>(sheet.rows[0][1]) == "Fokusgruppe Kommune B");
    CHECK(std::get<std::string>(sheet.rows[0][2]) == "Rådgiver 1");
    CHECK(std::get<std::string>(sheet.rows[0][3]) == "lederen står bag os");
    CHECK(std::get<double>(sheet.rows[0][4]) == testing::span_of(testing::focus_group_text, "lederen står bag os").start);
    CHECK(std::get<std::string>(sheet.rows[1][3]) == "Så føler man sig tryg i sin faglighed.");
}

TEST_CASE("a table is written as .csv or .xlsx; another extension is refused and nothing is written") {
    TwoMunicipalities study;
    const auto sheet = exporters::condensation_sheet(condensation_table(study.project, "municipality"));
    exporters::write_table(study.dir / "kondensering.csv", sheet);
    CHECK(testing::read_file(study.dir / "kondensering.csv").find("Lederens opbakning giver tryghed.") != std::string::npos);
    exporters::write_table(study.dir / "kondensering.xlsx", sheet);
    CHECK(testing::read_file(study.dir / "kondensering.xlsx").substr(0, 2) == "PK");
    CHECK_THROWS_WITH_AS(exporters::write_table(study.dir / "kondensering.pdf", sheet),
                         doctest::Contains("kondensering.pdf: a table is written as .xlsx or .csv"), InputError);
    CHECK_FALSE(std::filesystem::exists(study.dir / "kondensering.pdf"));
}
