#include <doctest/doctest.h>

#include "analysis/bikva_chains.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "two_focus_groups.h"

using namespace fokus;

TEST_CASE("BIKVA chains list each statement with the reactions of later stages, and good advice per stage") {
    testing::TwoFocusGroups s;
    DocumentStore documents(s.project);
    documents.set_attribute(s.a, "bikva_stage", "1");
    documents.set_attribute(s.b, "bikva_stage", "2");
    const auto text = testing::focus_group_text;
    const SpanRef statement{s.a, testing::span_of(text, "Man gør en forskel for familierne")};
    LinkStore links(s.project);
    links.present(statement, SpanRef{s.b, testing::span_of(text, "Hvad får jer til at blive i jobbet som rådgiver?")});
    links.react(SpanRef{s.b, testing::span_of(text, "Det er kollegerne, helt klart.")}, statement);
    CHECK_THROWS_WITH_AS(links.react(SpanRef{s.a, Span{0, 5}}, SpanRef{s.b, Span{0, 5}}),
                         doctest::Contains("goes from stage 2 to a later stage, not to stage 1"), InputError);
    CHECK_THROWS_WITH_AS(links.react(SpanRef{s.b, testing::span_of(text, "Det er kollegerne, helt klart.")}, statement),
                         "that link is already there", InputError);
    const auto chains = bikva_chains(s.project);
    REQUIRE(chains.size() == 1);
    CHECK(chains[0].statement.text == "Man gør en forskel for familierne");
    CHECK(chains[0].statement.stage == 1);
    CHECK(chains[0].statement.codes == std::vector<std::string>{"Motivation"});
    REQUIRE(chains[0].presented.size() == 1);
    REQUIRE(chains[0].reactions.at(2).size() == 1);
    CHECK(chains[0].reactions.at(2)[0].text == "Det er kollegerne, helt klart.");
    CHECK(chains[0].reactions.at(2)[0].speaker == "Rådgiver 1");
    CodingStore(s.project).add(s.b, CodeStore(s.project).resolve("Gode råd").id, testing::span_of(text, "Man gør en forskel"));
    const auto advice = good_advice(s.project);
    REQUIRE(advice.at(2).size() == 1);
    CHECK(advice.at(2)[0].text == "Man gør en forskel");
    History(s.project).undo();
    History(s.project).undo();
    CHECK(bikva_chains(s.project)[0].reactions.empty());
}
