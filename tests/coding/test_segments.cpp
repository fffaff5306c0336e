#include <doctest/doctest.h>

#include "coding/segments.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("segments without their turns are the same codings, and a filter on participants still reads the turns") {
    testing::TwoFocusGroups study;
    const auto with_turns = load_segments(study.project, {});
    const auto codings_only = load_segments(study.project, {}, SegmentDetail::CodingsOnly);
    REQUIRE(with_turns.size() == 4);
    REQUIRE(codings_only.size() == with_turns.size());
    for (std::size_t i = 0; i < with_turns.size(); ++i) {
        CHECK(codings_only[i].coding == with_turns[i].coding);
        CHECK(codings_only[i].span.start == with_turns[i].span.start);
        CHECK(with_turns[i].turn.has_value());
        CHECK_FALSE(codings_only[i].turn.has_value());
        CHECK(codings_only[i].speaker.empty());
    }
    CHECK(with_turns[0].speaker == "Rådgiver 1");

    SegmentFilter leaders;
    leaders.attributes.push_back(parse_condition("participant.role=Leder"));
    const auto led = load_segments(study.project, leaders, SegmentDetail::CodingsOnly);
    REQUIRE(led.size() == 1);  // "Så føler man sig tryg …" is Rådgiver 1's in Kommune A, a leader there
    CHECK(led[0].speaker == "Rådgiver 1");
    SegmentFilter in_b;
    in_b.attributes.push_back(parse_condition("municipality=Kommune B"));
    CHECK(load_segments(study.project, in_b, SegmentDetail::CodingsOnly).size() == 2);
}
