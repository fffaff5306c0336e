#include <doctest/doctest.h>

#include "analysis/frequencies.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("frequencies count codings, documents, speakers, participants and the share of words") {
    testing::TwoFocusGroups s;
    const auto table = frequencies(s.project, {resolve_item(s.project, "Faglig tryghed"), resolve_item(s.project, "Motivation")},
                                   {}, AttributeCondition{AttributeCondition::Of::Document, "municipality", {}});
    REQUIRE(table.values == std::vector<std::string>{"Kommune A", "Kommune B"});
    const auto& tryghed = table.rows[0];
    CHECK(tryghed.overall.codings == 3);
    CHECK(tryghed.overall.documents == 2);
    CHECK(tryghed.overall.speakers == 2);      // Rådgiver 1 in each document
    CHECK(tryghed.overall.participants == 2);
    CHECK(tryghed.by_value[1].codings == 2);
    // "Så føler man sig tryg i sin faglighed." is 8 words; each document has the same words.
    CHECK(tryghed.by_value[0].words_coded == 8);
    CHECK(tryghed.by_value[1].words_coded == 7);  // "lederen står bag os" and "Vi får sparring"
    CHECK(tryghed.overall.words == 2 * tryghed.by_value[0].words);
    CHECK(tryghed.overall.share_of_words() == doctest::Approx(15.0 / static_cast<double>(tryghed.overall.words)));
    CHECK(table.rows[1].by_value[1].codings == 0);
}
