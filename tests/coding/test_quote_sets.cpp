#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

struct QuoteProject {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "citater.fokus");
    Id document = testing::add_focus_group(project);
    Id motivation = CodeStore(project).resolve("Motivation").id;
    Id tryghed = CodeStore(project).resolve("Faglig tryghed").id;
    Span kolleger = testing::span_of(testing::focus_group_text, "Det er kollegerne, helt klart.");
    Span tryg = testing::span_of(testing::focus_group_text, "Så føler man sig tryg i sin faglighed.");
    Span forskel = testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne");
};

std::vector<Span> spans_of(const std::vector<Quote>& quotes) {
    std::vector<Span> spans;
    for (const auto& quote : quotes) spans.push_back(quote.span);
    return spans;
}

std::int64_t history_steps(Project& project) { return project.db().scalar_int("SELECT count(*) FROM undo_log"); }

}  // namespace

TEST_CASE("a quote set is made, renamed and deleted, each as one step of undo") {
    QuoteProject fixture;
    QuoteSetStore sets(fixture.project);
    const Id id = sets.create("  Kapitel 4: Faglig tryghed ", "Citater til rapportens kapitel 4");
    CHECK(sets.get(id).name == "Kapitel 4: Faglig tryghed");
    CHECK(sets.get(id).note == "Citater til rapportens kapitel 4");
    CHECK(sets.resolve("kapitel 4: faglig tryghed").id == id);
    CHECK(sets.resolve(std::to_string(id)).id == id);

    sets.rename(id, "Kapitel 5");
    CHECK(sets.get(id).name == "Kapitel 5");
    History history(fixture.project);
    CHECK(history.undo().label == "rename quote set \"Kapitel 4: Faglig tryghed\" to \"Kapitel 5\"");
    CHECK(sets.get(id).name == "Kapitel 4: Faglig tryghed");

    sets.add_code(id, fixture.motivation);
    CodingStore(fixture.project).add(fixture.document, fixture.tryghed, fixture.tryg);
    sets.add_code(id, fixture.tryghed);
    sets.remove(id);
    CHECK(sets.all().empty());
    CHECK(fixture.project.db().scalar_int("SELECT count(*) FROM quotes") == 0);
    history.undo();
    REQUIRE(sets.all().size() == 1);
    CHECK(sets.quotes(id).size() == 1);
    CHECK(sets.quotes(id).front().span == fixture.tryg);
}

TEST_CASE("empty and duplicate names and unknown sets are refused and the project is unchanged") {
    QuoteProject fixture;
    QuoteSetStore sets(fixture.project);
    const Id id = sets.create("Motivation");
    sets.create("Tryghed");
    const auto steps = history_steps(fixture.project);
    CHECK_THROWS_WITH_AS(sets.create("  "), "a quote set name cannot be empty", InputError);
    CHECK_THROWS_WITH_AS(sets.create("MOTIVATION"), "there is already a quote set named \"Motivation\"", InputError);
    CHECK_THROWS_WITH_AS(sets.rename(id, "tryghed"), "there is already a quote set named \"Tryghed\"", InputError);
    CHECK_THROWS_WITH_AS(sets.resolve("Ledelse"), "no quote set named \"Ledelse\"", NotFoundError);
    CHECK_THROWS_AS(sets.add_span(id, fixture.document, Span{0, 100000}), InputError);
    CHECK_THROWS_AS(sets.add_span(id, fixture.document, Span{5, 5}), InputError);
    CHECK_THROWS_AS(sets.add_codings(id, {4711}), NotFoundError);
    CHECK_THROWS_AS(sets.move_quote(4711, 1), NotFoundError);
    CHECK(history_steps(fixture.project) == steps);
    CHECK(sets.get(id).name == "Motivation");
    CHECK(sets.get(id).quotes == 0);
}

TEST_CASE("quotes come from a code's codings, from codings and spans by hand, in the order added") {
    QuoteProject fixture;
    CodingStore codings(fixture.project);
    const Id first = codings.add(fixture.document, fixture.motivation, fixture.forskel);
    const Id second = codings.add(fixture.document, fixture.motivation, fixture.kolleger);
    const Id third = codings.add(fixture.document, fixture.tryghed, fixture.tryg);
    QuoteSetStore sets(fixture.project);
    const Id set = sets.create("Rapport");

    const auto steps = history_steps(fixture.project);
    CHECK(sets.add_code(set, fixture.motivation).size() == 2);
    CHECK(history_steps(fixture.project) == steps + 1);
    // Codings come in document order; one already in the set is not added twice.
    CHECK(spans_of(sets.quotes(set)) == std::vector<Span>{fixture.kolleger, fixture.forskel});
    CHECK(sets.add_codings(set, {third, first}).size() == 1);
    const Id by_hand = sets.add_span(set, fixture.document, Span{0, 11}, std::nullopt, "  Spørgsmålet  ");

    const auto quotes = sets.quotes(set);
    REQUIRE(quotes.size() == 4);
    CHECK(quotes[0].coding == second);
    CHECK(quotes[0].code == fixture.motivation);
    CHECK(quotes[2].coding == third);
    CHECK(quotes[2].code == fixture.tryghed);
    CHECK(quotes[3].id == by_hand);
    CHECK_FALSE(quotes[3].coding);
    CHECK(quotes[3].comment == "Spørgsmålet");
    for (int index = 0; index < 4; ++index) CHECK(quotes[static_cast<std::size_t>(index)].position == index + 1);
}

TEST_CASE("a quote keeps its span and code when its coding is removed") {
    QuoteProject fixture;
    CodingStore codings(fixture.project);
    const Id coding = codings.add(fixture.document, fixture.tryghed, fixture.tryg);
    QuoteSetStore sets(fixture.project);
    const Id set = sets.create("Rapport");
    sets.add_codings(set, {coding});
    codings.remove(coding);
    const auto quotes = sets.quotes(set);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes.front().span == fixture.tryg);
    CHECK_FALSE(quotes.front().coding);
    CHECK(quotes.front().code == fixture.tryghed);
}

TEST_CASE("quotes are moved, removed, commented and re-spanned, each undone as one step") {
    QuoteProject fixture;
    QuoteSetStore sets(fixture.project);
    const Id set = sets.create("Rapport");
    const Id a = sets.add_span(set, fixture.document, fixture.kolleger);
    const Id b = sets.add_span(set, fixture.document, fixture.tryg);
    const Id c = sets.add_span(set, fixture.document, fixture.forskel);
    auto order = [&] {
        std::vector<Id> ids;
        for (const auto& quote : sets.quotes(set)) ids.push_back(quote.id);
        return ids;
    };
    History history(fixture.project);

    sets.move_quote(c, 1);
    CHECK(order() == std::vector<Id>{c, a, b});
    sets.move_quote(c, 3);
    CHECK(order() == std::vector<Id>{a, b, c});
    history.undo();
    CHECK(order() == std::vector<Id>{c, a, b});
    CHECK_THROWS_WITH_AS(sets.move_quote(a, 4), "position 4 is outside the quote set \"Rapport\", which has 3 quotes",
                         InputError);
    CHECK_THROWS_AS(sets.move_quote(a, 0), InputError);

    sets.remove_quote(a);
    CHECK(order() == std::vector<Id>{c, b});
    CHECK(sets.quotes(set).back().position == 2);
    history.undo();
    CHECK(order() == std::vector<Id>{c, a, b});

    sets.set_comment(b, "Bruges i afsnit 4.2 – tryghed");
    CHECK(sets.quote(b).comment == "Bruges i afsnit 4.2 – tryghed");
    history.undo();
    CHECK(sets.quote(b).comment.empty());

    const auto longer = testing::span_of(testing::focus_group_text, "lederen står bag os");
    sets.set_span(b, longer);
    CHECK(sets.quote(b).span == longer);
    CHECK_THROWS_AS(sets.set_span(b, Span{-3, 4}), InputError);
    history.undo();
    CHECK(sets.quote(b).span == fixture.tryg);
    history.redo();
    CHECK(sets.quote(b).span == longer);
}

TEST_CASE("a project from before quote sets is upgraded with a code for each quote") {
    QuoteProject fixture;
    auto& db = fixture.project.db();
    CHECK(db.scalar_int("SELECT count(*) FROM pragma_table_info('quotes') WHERE name = 'code_id'") == 1);
    CHECK(db.scalar_int("SELECT count(*) FROM sqlite_master WHERE name = 'quotes_by_coding'") == 1);
}
