#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/condensation_table.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("condensations per code and document or attribute value, exported as a grid") {
    testing::TwoFocusGroups groups;
    const auto row_of = [&](const CondensationTable& table) {
        const auto found = std::find_if(table.codes.begin(), table.codes.end(), [&](const CodeItem& item) { return item.id == groups.tryghed; });
        return static_cast<std::size_t>(found - table.codes.begin());
    };
    CondensationStore(groups.project).set(groups.tryghed, CondensationScope::of_value("municipality", "Kommune A"),
                                          "Rygdækning fra lederen giver tryghed.");
    CondensationStore(groups.project).set(groups.tryghed, CondensationScope::of_document(groups.b), "Sparring giver tryghed.");

    const auto by_value = condensation_table(groups.project, "municipality");
    CHECK(by_value.columns == std::vector<std::string>{"Kommune A", "Kommune B"});
    const auto row = row_of(by_value);
    CHECK(by_value.cells[row * 2] == "Rygdækning fra lederen giver tryghed.");
    CHECK(by_value.cells[row * 2 + 1].empty());

    const auto by_document = condensation_table(groups.project, "");
    CHECK(by_document.columns == std::vector<std::string>{"Ledere Kommune A", "Rådgivere Kommune B"});
    CHECK(by_document.cells[row_of(by_document) * 2].empty());
    CHECK(by_document.cells[row_of(by_document) * 2 + 1] == "Sparring giver tryghed.");
}
