#include <doctest/doctest.h>

#include "coding/attribute_types.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("an attribute's type is kept as one step, and orders its values: numbers by size, categories in their order") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "p.fokus");
    AttributeTypes types(project);
    CHECK_FALSE(types.of("participant.alder"));
    types.set("participant.alder", {AttributeType::Number, {}});
    types.set("participant.anciennitet", {AttributeType::Ordered, {"under 2 år", "2-5 år", "over 5 år"}});
    CHECK(types.of("participant.anciennitet")->categories == std::vector<std::string>{"under 2 år", "2-5 år", "over 5 år"});
    CHECK(types.sorted("participant.alder", {"9", "43", "100", "43", ""}) == std::vector<std::string>{"9", "43", "100", ""});
    CHECK(types.sorted("participant.anciennitet", {"over 5 år", "2-5 år", "under 2 år", "ukendt"}) ==
          std::vector<std::string>{"under 2 år", "2-5 år", "over 5 år", "ukendt"});
    // Untyped: Danish order, "aa" read as å.
    CHECK(types.sorted("participant.rolle", {"Østerbro", "Åby", "Ærø", "Aarhus"}) ==
          std::vector<std::string>{"Ærø", "Østerbro", "Åby", "Aarhus"});
    CHECK(History(project).next_undo()->label == "set the type of \"participant.anciennitet\"");
    History(project).undo();
    CHECK_FALSE(types.of("participant.anciennitet"));
    CHECK_THROWS_WITH_AS(types.set("participant.x", {AttributeType::Ordered, {}}), doctest::Contains("needs its categories"), InputError);
    CHECK_THROWS_WITH_AS(parse_attribute_type("tal"), doctest::Contains("use text, number, date, yesno or ordered"), InputError);
}
