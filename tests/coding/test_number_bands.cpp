#include <doctest/doctest.h>

#include "coding/error.h"
#include "coding/number_bands.h"

using namespace fokus;

TEST_CASE("bands of numbers as researchers write them, both ends included") {
    const auto bands = parse_bands("-19, 20-29,30–39, 40-49,50-59 ,60-");
    REQUIRE(bands.size() == 6);
    CHECK(bands[2].label == "30–39");
    CHECK(band_of(bands, "19") == "-19");
    CHECK(band_of(bands, "20") == "20-29");
    CHECK(band_of(bands, "29") == "20-29");
    CHECK(band_of(bands, "39,0") == "30–39");
    CHECK(band_of(bands, "67") == "60-");
    CHECK(band_of(bands, "29.5") == "");  // between bands: none holds it
    CHECK(band_of(bands, "ukendt") == "");
    CHECK(parse_band("60+")->holds(99));
    CHECK_FALSE(parse_band("2-5 år"));
    CHECK_FALSE(parse_band("Kommune B"));
    CHECK_FALSE(parse_band("39-30"));
    CHECK_THROWS_WITH_AS(parse_bands("20-29,tyverne"), "\"tyverne\" is not a range of numbers; give bands as 20-29,30-39,60-", InputError);
}
