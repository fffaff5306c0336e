#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/exchange.h"
#include "coding/project.h"
#include "coding/snapshot.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("a snapshot reads the project as it was when it began, while another connection goes on changing it") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "øjeblik.fokus");
    const Id document = testing::add_focus_group(project);
    const Id tryghed = CodeStore(project).resolve("Faglig tryghed").id;
    CodingStore(project).add(document, tryghed, testing::span_of(testing::focus_group_text, "lederen står bag os"));

    auto exporting = project.another_connection();
    {
        const Snapshot moment(exporting);
        // The user goes on: renames the code and codes another passage.
        CodeStore(project).rename(tryghed, "Tryghed i fagligheden");
        CodingStore(project).add(document, tryghed, testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne"));

        const auto exchange = read_exchange(exporting);
        CHECK(exchange.codings.size() == 1);
        const auto code = std::find_if(exchange.codes.begin(), exchange.codes.end(),
                                       [](const auto& c) { return c.name == "Faglig tryghed"; });
        CHECK(code != exchange.codes.end());
    }
    // Once it ends, the connection reads the project as it is now.
    const auto now = read_exchange(exporting);
    CHECK(now.codings.size() == 2);
    CHECK(std::any_of(now.codes.begin(), now.codes.end(), [](const auto& c) { return c.name == "Tryghed i fagligheden"; }));
    // And the snapshot's connection can change the project again.
    CodingStore(exporting).add(document, tryghed, testing::span_of(testing::focus_group_text, "arbejdspresset er stort"));
    CHECK(CodingStore(project).list().size() == 3);
}
