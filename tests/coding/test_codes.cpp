#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/error.h"
#include "coding/memos.h"
#include "coding/project.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("codes are found by name, case, id, GUID and path") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "koder.fokus");
    CodeStore codes(project);
    const auto tryghed = codes.resolve("Faglig tryghed");
    CHECK(codes.resolve("faglig TRYGHED").id == tryghed.id);
    CHECK(codes.resolve(std::to_string(tryghed.id)).id == tryghed.id);
    CHECK(codes.resolve(tryghed.guid).id == tryghed.id);
    CHECK(codes.resolve("BIKVA-trin/2 frontlinjemedarbejdere").name == "2 Frontlinjemedarbejdere");
    CHECK_THROWS_WITH_AS(codes.resolve("Tillid til ledelsen"), "no code named \"Tillid til ledelsen\"", NotFoundError);
    CHECK_THROWS_WITH_AS(codes.resolve(" "), doctest::Contains("empty"), InputError);
}

TEST_CASE("adding, renaming, recolouring and defining codes") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "koder.fokus", nullptr);
    CodeStore codes(project);
    const Id parent = codes.resolve("Ledelseskultur og -stil").id;
    const Id id = codes.add("  Tilgængelig leder ", parent, "#1a5276", "Lederen er til at få fat på.");
    auto code = codes.get(id);
    CHECK(code.name == "Tilgængelig leder");
    CHECK(code.parent == parent);
    CHECK(code.color == "#1A5276");
    CHECK(code.definition == "Lederen er til at få fat på.");
    CHECK_THROWS_WITH_AS(codes.add("tilgængelig LEDER", parent), doctest::Contains("already a code named \"Tilgængelig leder\""),
                         InputError);
    CHECK_THROWS_WITH_AS(codes.add(""), "a code name cannot be empty", InputError);
    CHECK_THROWS_WITH_AS(codes.add("Åbenhed", std::nullopt, "blå"), doctest::Contains("\"blå\" is not a colour"), InputError);
    codes.rename(id, "Synlig leder");
    codes.recolour(id, "#0e6251");
    codes.define(id, "Lederen er synlig i hverdagen.");
    code = codes.get(id);
    CHECK(code.name == "Synlig leder");
    CHECK(code.color == "#0E6251");
    CHECK(code.definition == "Lederen er synlig i hverdagen.");
    codes.move(id, std::nullopt);
    CHECK_THROWS_WITH_AS(codes.rename(id, "Motivation"), doctest::Contains("already a code named"), InputError);
}

TEST_CASE("moving codes keeps the order and refuses cycles") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "flyt.fokus");
    CodeStore codes(project);
    const Id motivation = codes.resolve("Motivation").id;
    const Id kompetence = codes.resolve("Faglig kompetence").id;
    codes.move(kompetence, motivation);
    CHECK(codes.get(kompetence).parent == motivation);
    CHECK_THROWS_WITH_AS(codes.move(motivation, kompetence), doctest::Contains("under itself or one of its own sub-codes"),
                         InputError);
    codes.move(kompetence, std::nullopt, 0);
    const auto all = codes.all();
    CHECK(all[0].name == "Faglig kompetence");
    CHECK(all[1].name == "Opfattelse af medarbejderomsætning");
    CHECK(all[2].name == "Motivation");
}

TEST_CASE("merging moves codings, memos and theme membership, and drops duplicates") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "flet.fokus");
    CodeStore codes(project);
    CodingStore codings(project);
    const Id document = testing::add_focus_group(project);
    const Id sparring = codes.resolve("Sparring og faglig ledelse").id;
    const Id kultur = codes.resolve("Kultur på medarbejderniveau").id;
    const auto kollegerne = testing::span_of(testing::focus_group_text, "Det er kollegerne");
    const auto tryg = testing::span_of(testing::focus_group_text, "Så føler man sig tryg i sin faglighed.");
    codings.add(document, sparring, kollegerne);
    codings.add(document, sparring, tryg);
    codings.add(document, kultur, kollegerne);
    MemoStore(project).add({MemoTarget::Kind::Code, sparring}, "", "Sparring hænger sammen med kulturen.");
    CHECK(codes.merge(sparring, kultur) == 1);
    CHECK_THROWS_AS(codes.get(sparring), NotFoundError);
    const auto merged = codings.list({{kultur}, std::nullopt, {}});
    REQUIRE(merged.size() == 2);
    CHECK(merged[0].span == kollegerne);
    CHECK(merged[1].span == tryg);
    CHECK(MemoStore(project).list(MemoTarget{MemoTarget::Kind::Code, kultur}).size() == 1);
    const auto theme = codes.resolve_set("Faglig tryghed");
    CHECK(std::find(theme.members.begin(), theme.members.end(), kultur) != theme.members.end());
    CHECK_THROWS_WITH_AS(codes.merge(kultur, kultur), doctest::Contains("into itself"), InputError);
}

TEST_CASE("deleting a code removes its sub-codes and their codings") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "slet.fokus");
    CodeStore codes(project);
    const Id document = testing::add_focus_group(project);
    const Id stages = codes.resolve("BIKVA-trin").id;
    const Id users = codes.resolve("1 Brugere").id;
    CodingStore(project).add(document, users, Span{0, 11});
    CHECK(codes.coding_count(users) == 1);
    codes.remove(stages);
    CHECK_THROWS_AS(codes.get(users), NotFoundError);
    CHECK(CodingStore(project).list().empty());
    CHECK(codes.all().size() == 17);  // the stages and good advice went with their heading
}

TEST_CASE("themes are code sets with members") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "temaer.fokus");
    CodeStore codes(project);
    const Id id = codes.add_set("Arbejdsvilkår", "Tid, pres og fleksibilitet",
                                {codes.resolve("Arbejdspres og prioritering").id,
                                 codes.resolve("Fleksibilitet og arbejdstilrettelæggelse").id});
    CHECK(codes.resolve_set("arbejdsvilkår").members.size() == 2);
    CHECK_THROWS_WITH_AS(codes.add_set("ARBEJDSVILKÅR", "", {}), doctest::Contains("already a theme"), InputError);
    codes.remove_set(id);
    CHECK(codes.sets().size() == 3);
}

TEST_CASE("every code's name by id, with sub-codes and after a rename") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "navne.fokus");
    CodeStore codes(project);
    const Id pressure = codes.add("Arbejdspres");
    const Id stress = codes.add("Stress på jobbet", pressure);
    codes.rename(pressure, "Arbejdspres og travlhed");
    const auto names = codes.names();
    CHECK(names.at(pressure) == "Arbejdspres og travlhed");
    CHECK(names.at(stress) == "Stress på jobbet");
    CHECK(names.at(codes.resolve("Faglig tryghed").id) == "Faglig tryghed");
    CHECK(names.size() == codes.all().size());
    codes.remove(pressure);
    CHECK(codes.names().count(stress) == 0);
}
