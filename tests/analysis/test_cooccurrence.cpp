#include <doctest/doctest.h>

#include "analysis/cooccurrence.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/project.h"
#include "coding/text.h"
#include "scratch.h"

using namespace fokus;

namespace {

// Three codes A, B, C on a document with turns [0,25) and [25,70):
//   A [0,10)  B [10,20)     touch only
//   A [30,50) B [35,45)     B inside A
//   C [40,60)               overlaps A and B, inside neither
struct Fixture {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "samtidighed.fokus", nullptr);
    Id a = 0, b = 0, c = 0, document = 0;

    Fixture() {
        std::string text;
        while (text::count_code_points(text) < 100) text += "Rådgiverne på Ærø taler om børn. ";
        document = DocumentStore(project).add(NewDocument{
            "Ærø rådgivere", "txt", text, "", "", {NewTurn{"Rådgiver 1", Span{0, 25}, 0, {}}, NewTurn{"Rådgiver 2", Span{25, 70}, 25, {}}}, {}});
        CodeStore codes(project);
        a = codes.add("Tryghed");
        b = codes.add("Sparring");
        c = codes.add("Arbejdspres");
        CodingStore codings(project);
        codings.add(document, a, Span{0, 10});
        codings.add(document, b, Span{10, 20});
        codings.add(document, a, Span{30, 50});
        codings.add(document, b, Span{35, 45});
        codings.add(document, c, Span{40, 60});
    }

    std::vector<CodeItem> items() {
        return {resolve_item(project, "Tryghed"), resolve_item(project, "Sparring"), resolve_item(project, "Arbejdspres")};
    }
    CooccurrenceMatrix matrix(Relation relation, std::int64_t distance = 0) {
        return cooccurrence(load_segments(project, {}), items(), CooccurrenceOptions{relation, distance});
    }
};

}  // namespace

TEST_CASE("overlap: touching spans do not overlap, and the measures match hand computation") {
    Fixture f;
    const auto m = f.matrix(Relation::Overlap);
    CHECK(m.at(0, 1).pairs == 1);  // A[30,50) with B[35,45); A[0,10) and B[10,20) only touch
    CHECK(m.at(0, 2).pairs == 1);
    CHECK(m.at(1, 2).pairs == 1);  // B[35,45) and C[40,60) share 40-45
    CHECK(m.at(1, 0).pairs == m.at(0, 1).pairs);
    CHECK(m.at(0, 1).segments == 2);
    CHECK(m.at(0, 1).documents == 1);
    CHECK(m.at(0, 1).c == doctest::Approx(1.0 / 3.0));       // 1 / (2 + 2 - 1)
    CHECK(m.at(0, 1).jaccard == doctest::Approx(2.0 / 4.0)); // 2 of the 4 segments take part
    CHECK(m.at(0, 2).c == doctest::Approx(1.0 / 2.0));       // 1 / (2 + 1 - 1)
    CHECK(m.at(0, 2).jaccard == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("the diagonal is each code's own count") {
    Fixture f;
    const auto m = f.matrix(Relation::Overlap);
    CHECK(m.at(0, 0).pairs == 2);
    CHECK(m.at(0, 0).segments == 2);
    CHECK(m.at(0, 0).documents == 1);
    CHECK(m.at(2, 2).pairs == 1);
    CHECK(m.at(1, 1).c == 1.0);
}

TEST_CASE("inside: a nested span counts as inside and as overlapping") {
    Fixture f;
    const auto inside = f.matrix(Relation::Inside);
    CHECK(inside.at(0, 1).pairs == 1);  // B[35,45) within A[30,50)
    CHECK(inside.at(0, 2).pairs == 0);
    CHECK(inside.at(1, 2).pairs == 0);
    CHECK(f.matrix(Relation::Overlap).at(0, 1).pairs == 1);
}

TEST_CASE("same turn counts once per turn") {
    Fixture f;
    const auto m = f.matrix(Relation::SameTurn);
    CHECK(m.at(0, 1).pairs == 2);  // turn 1: A and B; turn 2: A and B (once, though A meets B there once and C once)
    CHECK(m.at(0, 2).pairs == 1);
    CHECK(m.at(1, 2).pairs == 1);
    CHECK(m.at(0, 1).segments == 4);
}

TEST_CASE("near: within N characters, touching included") {
    Fixture f;
    CHECK(f.matrix(Relation::Near, 0).at(0, 1).pairs == 2);   // touching A[0,10) B[10,20), and the nested pair
    CHECK(f.matrix(Relation::Near, 10).at(0, 1).pairs == 3);  // B[10,20) is 10 from A[30,50)
    CHECK(f.matrix(Relation::Near, 9).at(0, 1).pairs == 2);
}

TEST_CASE("a theme stands for its codes, and the segments behind a cell are listed") {
    Fixture f;
    const Id theme = CodeStore(f.project).add_set("Rammer", "", {f.b, f.c});
    (void)theme;
    const std::vector<CodeItem> items = {resolve_item(f.project, "Tryghed"), resolve_item(f.project, "theme:Rammer")};
    const auto segments = load_segments(f.project, {});
    const auto m = cooccurrence(segments, items, {});
    CHECK(m.at(0, 1).pairs == 2);
    CHECK(m.at(1, 1).pairs == 3);
    const auto pairs = cooccurring_pairs(segments, items[0], items[1], {});
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].first.span == Span{30, 50});
    CHECK(pairs[0].second.span == Span{35, 45});
    CHECK(pairs[1].second.span == Span{40, 60});
}

TEST_CASE("many-to-many overlaps cap the c-coefficient at 1") {
    Fixture f;
    CodingStore codings(f.project);
    for (int i = 0; i < 3; ++i) {
        codings.add(f.document, f.a, Span{70 + i, 90});
        codings.add(f.document, f.b, Span{71 + i, 95});
    }
    const auto m = f.matrix(Relation::Overlap);
    CHECK(m.at(0, 1).pairs == 10);  // 9 new pairs and the nested one
    CHECK(m.at(0, 1).c == 1.0);
    CHECK(m.at(0, 1).jaccard <= 1.0);
}

TEST_CASE("filters by coder and attribute limit the matrix") {
    Fixture f;
    f.project.set_coder("Åse");
    CodingStore(f.project).add(f.document, f.c, Span{0, 15});
    SegmentFilter only_åse;
    only_åse.coders = {f.project.coder_id()};
    const auto m = cooccurrence(load_segments(f.project, only_åse), f.items(), {});
    CHECK(m.at(2, 2).pairs == 1);
    CHECK(m.at(0, 2).pairs == 0);
    CHECK(f.matrix(Relation::Overlap).at(0, 2).pairs == 2);
    CHECK_THROWS_WITH_AS(parse_relation("samme"), doctest::Contains("use overlap, inside, turn or near"), InputError);
    CHECK_THROWS_WITH_AS(parse_condition("kommune"), doctest::Contains("give it as name=value"), InputError);
}
