#include <doctest/doctest.h>

#include "coding/condensation.h"
#include "coding/error.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("a condensation per code and document or attribute value is written, rewritten and removed") {
    testing::TwoFocusGroups s;
    CondensationStore store(s.project);
    store.set(s.tryghed, CondensationScope::of_document(s.a), "Tryghed hviler på rygdækning fra lederen.");
    store.set(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"), "Sparring giver tryghed i Kommune B.");
    store.set(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"), "Sparring og rygdækning giver tryghed.");
    CHECK(store.list().size() == 2);
    CHECK(store.get(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"))->text ==
          "Sparring og rygdækning giver tryghed.");
    store.set(s.tryghed, CondensationScope::of_document(s.a), "");
    CHECK(store.list().size() == 1);
    CHECK_FALSE(store.get(s.tryghed, CondensationScope::of_document(s.a)).has_value());
    CHECK_THROWS_AS(store.set(s.tryghed, CondensationScope::of_value("", "Kommune B"), "x"), InputError);
}
