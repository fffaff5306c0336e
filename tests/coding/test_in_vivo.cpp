// Coding in vivo: the participant's words become the code's name and are
// coded with it, as one step.
#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/in_vivo.h"
#include "coding/project.h"
#include "coding/text.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

TEST_CASE("the selected words become a name on one line, without the punctuation around them") {
    CHECK(in_vivo_name("  »Man føler sig\nmeget lille«, ") == "Man føler sig meget lille");
    CHECK(in_vivo_name("– ærlig talt …") == "ærlig talt");
    CHECK(in_vivo_name("?!. ,") == "");
    // 78 characters: cut at the last space within 60, then an ellipsis (counted in Python).
    const std::string long_words = "Det er jo lige præcis det, vi ikke vil, når vi overtager tyve sager på én gang";
    CHECK(in_vivo_name(long_words) == "Det er jo lige præcis det, vi ikke vil, når vi overtager…");
}

TEST_CASE("coding in vivo makes the code and codes the words as one step, and uses the code the next time") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "in vivo.fokus");
    const Id document = testing::add_focus_group(project);
    const auto span = testing::span_of(testing::focus_group_text, "lederen står bag os");
    const auto steps = History(project).steps().size();
    const auto made = code_in_vivo(project, document, span);
    CHECK(made.new_code);
    CHECK(made.name == "lederen står bag os");
    CHECK(CodeStore(project).get(made.code).name == "lederen står bag os");
    CHECK(CodingStore(project).get(made.coding).span == span);
    CHECK(History(project).steps().size() == steps + 1);
    CHECK(History(project).next_undo()->label == "code in vivo \"lederen står bag os\"");

    History(project).undo();
    CHECK_THROWS_AS(CodeStore(project).resolve("lederen står bag os"), NotFoundError);
    CHECK(CodingStore(project).list().empty());
    History(project).redo();
    // Uncoded, the words coded in vivo again use the code they named.
    CodingStore(project).remove(CodingStore(project).list().front().id);
    const auto again = code_in_vivo(project, document, testing::span_of(testing::focus_group_text, "lederen står bag os"));
    CHECK_FALSE(again.new_code);
    CHECK(again.code == CodeStore(project).resolve("lederen står bag os").id);
}

TEST_CASE("a selection of punctuation alone names nothing, and nothing changes") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "tegn.fokus");
    const Id document = testing::add_focus_group(project);
    const auto codes_before = CodeStore(project).all().size();
    const auto steps = History(project).steps().size();
    const auto comma = testing::focus_group_text.find(',');
    REQUIRE(comma != std::string::npos);
    const auto at = static_cast<std::int64_t>(text::count_code_points(testing::focus_group_text.substr(0, comma)));
    CHECK_THROWS_WITH_AS(code_in_vivo(project, document, Span{at, at + 1}), "the selection has no words to name a code by", InputError);
    CHECK(CodeStore(project).all().size() == codes_before);
    CHECK(History(project).steps().size() == steps);
}
