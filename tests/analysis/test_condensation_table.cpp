#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/condensation_table.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("condensations per code and document or attribute value, exported as a grid") {
    testing::TwoFocusGroups s;
    CondensationStore store(s.project);
    store.set(s.tryghed, CondensationScope::of_document(s.a), "Tryghed hviler på rygdækning fra lederen.");
    store.set(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"), "Sparring og rygdækning giver tryghed.");
    const auto grid = condensation_table(s.project, "municipality");
    CHECK(grid.columns == std::vector<std::string>{"Kommune A", "Kommune B"});
    const auto row = static_cast<std::size_t>(std::find_if(grid.codes.begin(), grid.codes.end(), [&](const CodeItem& item) {
                                                  return item.id == s.tryghed;
                                              }) - grid.codes.begin());
    CHECK(grid.cells[row * 2 + 1] == "Sparring og rygdækning giver tryghed.");
    CHECK(grid.cells[row * 2].empty());
    const auto by_document = condensation_table(s.project, "");
    CHECK(by_document.columns == std::vector<std::string>{"Ledere Kommune A", "Rådgivere Kommune B"});
    CHECK(by_document.cells[row * 2] == "Tryghed hviler på rygdækning fra lederen.");
    CHECK(by_document.cells[row * 2 + 1].empty());
}
