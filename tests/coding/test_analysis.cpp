#include <doctest/doctest.h>

#include "coding/bikva.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/condensation.h"
#include "coding/crosstab.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/frequencies.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "fixtures.h"
#include "scratch.h"

using namespace fokus;

namespace {

// Two focus groups, Kommune A and Kommune B, each with the exchange of
// fixtures.h; Rådgiver 1 is a leader in A and a caseworker in B.
struct Study {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "analyse.fokus");
    Id a = 0, b = 0, motivation = 0, tryghed = 0;

    Study() {
        project.set_coder("Testkoder");
        a = testing::add_focus_group(project, "Ledere Kommune A", "Kommune A");
        b = testing::add_focus_group(project, "Rådgivere Kommune B", "Kommune B");
        auto& db = project.db();
        db.exec("INSERT INTO participants(id, guid, label) VALUES (1, 'p1', 'A-L1'), (2, 'p2', 'B-R1');"
                "INSERT INTO participant_attributes VALUES (1, 'role', 'Leder'), (2, 'role', 'Rådgiver');");
        db.exec("UPDATE speakers SET participant_id = 1 WHERE label = 'Rådgiver 1' AND document_id = " + std::to_string(a));
        db.exec("UPDATE speakers SET participant_id = 2 WHERE label = 'Rådgiver 1' AND document_id = " + std::to_string(b));
        CodeStore codes(project);
        motivation = codes.resolve("Motivation").id;
        tryghed = codes.resolve("Faglig tryghed").id;
        CodingStore codings(project);
        const auto text = testing::focus_group_text;
        codings.add(a, tryghed, testing::span_of(text, "Så føler man sig tryg i sin faglighed."));
        codings.add(a, motivation, testing::span_of(text, "Man gør en forskel for familierne"));
        codings.add(b, tryghed, testing::span_of(text, "lederen står bag os"));
        codings.add(b, tryghed, testing::span_of(text, "Vi får sparring"));
    }
};

}  // namespace

TEST_CASE("frequencies count codings, documents, speakers, participants and the share of words") {
    Study s;
    const auto table = frequencies(s.project, {resolve_item(s.project, "Faglig tryghed"), resolve_item(s.project, "Motivation")},
                                   {}, AttributeCondition{AttributeCondition::Of::Document, "municipality", {}});
    REQUIRE(table.values == std::vector<std::string>{"Kommune A", "Kommune B"});
    const auto& tryghed = table.rows[0];
    CHECK(tryghed.overall.codings == 3);
    CHECK(tryghed.overall.documents == 2);
    CHECK(tryghed.overall.speakers == 2);      // Rådgiver 1 in each document
    CHECK(tryghed.overall.participants == 2);
    CHECK(tryghed.by_value[1].codings == 2);
    // "Så føler man sig tryg i sin faglighed." is 8 words; each document has the same words.
    CHECK(tryghed.by_value[0].words_coded == 8);
    CHECK(tryghed.by_value[1].words_coded == 7);  // "lederen står bag os" and "Vi får sparring"
    CHECK(tryghed.overall.words == 2 * tryghed.by_value[0].words);
    CHECK(tryghed.overall.share_of_words() == doctest::Approx(15.0 / static_cast<double>(tryghed.overall.words)));
    CHECK(table.rows[1].by_value[1].codings == 0);
}

TEST_CASE("segments without their turns are the same codings, and a filter on participants still reads the turns") {
    Study study;
    const auto with_turns = load_segments(study.project, {});
    const auto codings_only = load_segments(study.project, {}, SegmentDetail::CodingsOnly);
    REQUIRE(with_turns.size() == 4);
    REQUIRE(codings_only.size() == with_turns.size());
    for (std::size_t i = 0; i < with_turns.size(); ++i) {
        CHECK(codings_only[i].coding == with_turns[i].coding);
        CHECK(codings_only[i].span.start == with_turns[i].span.start);
        CHECK(with_turns[i].turn.has_value());
        CHECK_FALSE(codings_only[i].turn.has_value());
        CHECK(codings_only[i].speaker.empty());
    }
    CHECK(with_turns[0].speaker == "Rådgiver 1");

    SegmentFilter leaders;
    leaders.attributes.push_back(parse_condition("participant.role=Leder"));
    const auto led = load_segments(study.project, leaders, SegmentDetail::CodingsOnly);
    REQUIRE(led.size() == 1);  // "Så føler man sig tryg …" is Rådgiver 1's in Kommune A, a leader there
    CHECK(led[0].speaker == "Rådgiver 1");
    SegmentFilter in_b;
    in_b.attributes.push_back(parse_condition("municipality=Kommune B"));
    CHECK(load_segments(study.project, in_b, SegmentDetail::CodingsOnly).size() == 2);
}

TEST_CASE("the crosstab of codes by municipality adds up to each code's codings, and a cell lists its segments") {
    Study s;
    const auto items = all_code_items(s.project);
    const AttributeCondition municipality{AttributeCondition::Of::Document, "municipality", {}};
    const auto table = crosstab(s.project, items, {}, municipality, CrosstabCount::Codings);
    for (std::size_t row = 0; row < items.size(); ++row) {
        std::int64_t sum = 0;
        for (std::size_t column = 0; column < table.values.size(); ++column) sum += table.at(row, column);
        CHECK(sum == CodeStore(s.project).coding_count(items[row].id));
        CHECK(sum == table.row_totals[row]);
    }
    const auto row = static_cast<std::size_t>(std::find_if(items.begin(), items.end(), [&](const CodeItem& item) {
                                                  return item.id == s.tryghed;
                                              }) - items.begin());
    CHECK(table.at(row, 1) == 2);
    CHECK(table.row_percent(row, 1) == doctest::Approx(200.0 / 3.0));
    CHECK(table.column_percent(row, 1) == doctest::Approx(100.0));
    const auto behind = crosstab_segments(s.project, items[row], {}, municipality, "Kommune B");
    REQUIRE(behind.size() == 2);
    CHECK(DocumentStore(s.project).excerpt(behind[0].document, behind[0].span) == "Vi får sparring");
    const auto documents = crosstab(s.project, items, {}, municipality, CrosstabCount::Documents);
    CHECK(documents.at(row, 1) == 1);
    const auto by_role = crosstab(s.project, items, {}, parse_attribute("participant.role"), CrosstabCount::Participants);
    CHECK(by_role.values == std::vector<std::string>{"Leder", "Rådgiver", ""});  // Rådgiver 2 is no participant
}

TEST_CASE("contrast shows one code's segments for two groups side by side") {
    Study s;
    const auto result = contrast(s.project, resolve_item(s.project, "Faglig tryghed"), {},
                                 parse_condition("participant.role=Leder"), parse_condition("participant.role=Rådgiver"));
    CHECK(result.left.label == "participant.role=Leder");
    REQUIRE(result.left.segments.size() == 1);
    CHECK(result.left.segments[0].document == s.a);
    REQUIRE(result.right.segments.size() == 2);
    CHECK(result.right.segments[0].speaker == "Rådgiver 1");
}

TEST_CASE("BIKVA chains list each statement with the reactions of later stages, and good advice per stage") {
    Study s;
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

TEST_CASE("condensations per code and document or attribute value, exported as a grid") {
    Study s;
    CondensationStore store(s.project);
    store.set(s.tryghed, CondensationScope::of_document(s.a), "Tryghed hviler på rygdækning fra lederen.");
    store.set(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"), "Sparring giver tryghed i Kommune B.");
    store.set(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"), "Sparring og rygdækning giver tryghed.");
    CHECK(store.list().size() == 2);
    CHECK(store.get(s.tryghed, CondensationScope::of_value("municipality", "Kommune B"))->text ==
          "Sparring og rygdækning giver tryghed.");
    const auto grid = condensation_table(s.project, "municipality");
    CHECK(grid.columns == std::vector<std::string>{"Kommune A", "Kommune B"});
    const auto row = static_cast<std::size_t>(std::find_if(grid.codes.begin(), grid.codes.end(), [&](const CodeItem& item) {
                                                  return item.id == s.tryghed;
                                              }) - grid.codes.begin());
    CHECK(grid.cells[row * 2 + 1] == "Sparring og rygdækning giver tryghed.");
    CHECK(grid.cells[row * 2].empty());
    const auto by_document = condensation_table(s.project, "");
    CHECK(by_document.cells[row * 2] == "Tryghed hviler på rygdækning fra lederen.");
    store.set(s.tryghed, CondensationScope::of_document(s.a), "");
    CHECK(store.list().size() == 1);
    CHECK_THROWS_AS(store.set(s.tryghed, CondensationScope::of_value("", "Kommune B"), "x"), InputError);
}
