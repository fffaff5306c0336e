// A code's description saved as its editor saves it: what changed, as one step.
#include <doctest/doctest.h>

#include "coding/code_description.h"
#include "coding/codes.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("a new name, colour, definition and memo are saved as one step, and undone together") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "beskrivelse.fokus");
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    const auto before = description_of(project, code);
    const auto steps = History(project).steps().size();
    CHECK(describe_code(project, code, {"Tryghed i fagligheden", "#1E8449", "Når rådgiveren føler sig sikker i sine vurderinger.",
                                        "Tæt på »rygdækning« – se kommune Ø."}));
    CHECK(History(project).steps().size() == steps + 1);
    CHECK(History(project).next_undo()->label == "describe code \"Faglig tryghed\"");
    const auto after = description_of(project, code);
    CHECK(after.name == "Tryghed i fagligheden");
    CHECK(after.colour == "#1E8449");
    CHECK(after.definition == "Når rådgiveren føler sig sikker i sine vurderinger.");
    CHECK(after.memo == "Tæt på »rygdækning« – se kommune Ø.");
    History(project).undo();
    const auto undone = description_of(project, code);
    CHECK(undone.name == before.name);
    CHECK(undone.colour == before.colour);
    CHECK(undone.definition == before.definition);
    CHECK(undone.memo == before.memo);
}

TEST_CASE("nothing changed is no step; a bad colour or a taken name changes nothing") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "uændret.fokus");
    const Id code = CodeStore(project).resolve("Motivation").id;
    const auto now = description_of(project, code);
    const auto steps = History(project).steps().size();
    CHECK_FALSE(describe_code(project, code, now));
    auto bad_colour = now;
    bad_colour.colour = "grøn";
    bad_colour.definition = "Lysten til arbejdet.";
    CHECK_THROWS_AS(describe_code(project, code, bad_colour), InputError);
    auto taken = now;
    taken.name = "Faglig tryghed";
    CHECK_THROWS_AS(describe_code(project, code, taken), InputError);
    CHECK(History(project).steps().size() == steps);
    CHECK(description_of(project, code).definition == now.definition);
}
