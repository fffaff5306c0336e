#include <doctest/doctest.h>

#include "analysis/crosstab.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("the crosstab of codes by municipality adds up to each code's codings, and a cell lists its segments") {
    testing::TwoFocusGroups s;
    const auto items = all_code_items(s.project);
    const AttributeCondition municipality{AttributeCondition::Of::Document, "municipality", {}};
    const auto table = crosstab(s.project, items, {}, municipality, CrosstabCount::Codings);
    for (std::size_t row = 0; row < items.size(); ++row) {
        std::int64_t sum = 0;
        for (std::size_t column = 0; column < table.values.size(); ++column) sum += table.at(row, column);
        CHECK(sum == CodeStore(s.project).coding_count(items[row].id));
        CHECK(sum == table.row_totals[row]);
    }
    const auto row = static_cast<std::size_t>(std::find_if(items.begin(), items.end(), [&](const CodeItem& item) {
                                                  return item.id == s.tryghed;
                                              }) - items.begin());
    CHECK(table.at(row, 1) == 2);
    CHECK(table.row_percent(row, 1) == doctest::Approx(200.0 / 3.0));
    CHECK(table.column_percent(row, 1) == doctest::Approx(100.0));
    const auto behind = crosstab_segments(s.project, items[row], {}, municipality, "Kommune B");
    REQUIRE(behind.size() == 2);
    CHECK(DocumentStore(s.project).excerpt(behind[0].document, behind[0].span) == "Vi får sparring");
    const auto documents = crosstab(s.project, items, {}, municipality, CrosstabCount::Documents);
    CHECK(documents.at(row, 1) == 1);
    const auto by_role = crosstab(s.project, items, {}, parse_attribute("participant.role"), CrosstabCount::Participants);
    CHECK(by_role.values == std::vector<std::string>{"Leder", "Rådgiver", ""});  // Rådgiver 2 is no participant
}
