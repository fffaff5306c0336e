// Times between anchors. Expected values were computed separately with
// Python's fractions (linear interpolation, halves rounded up).
#include <doctest/doctest.h>

#include "coding/timeline.h"

using namespace fokus;

TEST_CASE("times between turn starts and sync points are interpolated, both ways") {
    // Turns at 0, 100 and 250; a sync point at 175; a backwards anchor (300 heard at 15 s) left out;
    // the text's end (400) heard at the recording's end (32 s).
    const Timeline timeline({{100, 5000}, {0, 1000}, {250, 20000}, {300, 15000}, {175, 9000}}, 400, 32000);
    REQUIRE(timeline.anchors().size() == 5);
    CHECK(timeline.time_at(50) == 3000);
    CHECK(timeline.time_at(137) == 6973);
    CHECK(timeline.time_at(200) == 12667);
    CHECK(timeline.time_at(325) == 26000);
    CHECK(timeline.time_at(400) == 32000);
    CHECK(timeline.time_at(175) == 9000);
    CHECK(timeline.position_at(3000) == 50);
    CHECK(timeline.position_at(12667) == 200);
    CHECK(timeline.position_at(26000) == 325);
    CHECK(timeline.position_at(7000) == 138);
    CHECK(timeline.position_at(0) == 0);
    CHECK(timeline.position_at(40000) == 400);
}

TEST_CASE("without the recording's length, the last anchor holds to the end; without anchors, no time") {
    const Timeline timeline({{10, 2000}, {60, 7000}}, 500, std::nullopt);
    CHECK(timeline.time_at(0) == 2000);
    CHECK(timeline.time_at(35) == 4500);
    CHECK(timeline.time_at(499) == 7000);
    CHECK(timeline.position_at(9000) == 60);
    const Timeline none({}, 500, 60000);
    CHECK(none.empty());
    CHECK_FALSE(none.time_at(10));
    CHECK_FALSE(none.position_at(10));
}

TEST_CASE("a second anchor at the same place is left out; the first given wins") {
    const Timeline timeline({{100, 9000}, {100, 5000}, {0, 0}}, 200, std::nullopt);
    REQUIRE(timeline.anchors().size() == 2);
    CHECK(timeline.time_at(100) == 9000);
    CHECK(timeline.time_at(50) == 4500);
}

TEST_CASE("times written and read as transcripts write them") {
    CHECK(format_time(754000) == "00:12:34");
    CHECK(format_time(3723999) == "01:02:03");
    CHECK(parse_time("00:12:34") == 754000);
    CHECK(parse_time("12:34") == 754000);
    CHECK(parse_time("1:02:03.5") == 3723500);
    CHECK(parse_time("754,25") == 754250);
    CHECK_FALSE(parse_time("12:75"));
    CHECK_FALSE(parse_time("tolv"));
    CHECK_FALSE(parse_time(""));
    CHECK_FALSE(parse_time("1:2:3:4"));
}
