#include <doctest/doctest.h>

#include "analysis/contrast.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("contrast shows one code's segments for two groups side by side") {
    testing::TwoFocusGroups s;
    const auto result = contrast(s.project, resolve_item(s.project, "Faglig tryghed"), {},
                                 parse_condition("participant.role=Leder"), parse_condition("participant.role=Rådgiver"));
    CHECK(result.left.label == "participant.role=Leder");
    REQUIRE(result.left.segments.size() == 1);
    CHECK(result.left.segments[0].document == s.a);
    REQUIRE(result.right.segments.size() == 2);
    CHECK(result.right.segments[0].speaker == "Rådgiver 1");
}
