#include <doctest/doctest.h>

#include <set>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/text.h"
#include "importers/batch.h"
#include "scratch.h"
#include "search/danish.h"
#include "search/index.h"

using namespace fokus;
using namespace fokus::search;

namespace {

struct Sample {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "søg.fokus");
    Sample() {
        const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
        importers::BatchOptions options;
        options.manifest = (corpus / "manifest.csv").string();
        options.participants = (corpus / "participants.csv").string();
        REQUIRE(importers::import_files(project, {corpus}, options).imported.size() == 13);
    }
};

std::set<std::string> words_found(const SearchResult& result) {
    std::set<std::string> words;
    for (const auto& hit : result.hits) words.insert(text::fold_case(hit.match));
    return words;
}

std::vector<std::pair<Id, std::int64_t>> positions(const SearchResult& result) {
    std::vector<std::pair<Id, std::int64_t>> all;
    for (const auto& hit : result.hits) all.emplace_back(hit.document, hit.span.start);
    std::sort(all.begin(), all.end());
    return all;
}

}  // namespace

TEST_CASE("Danish words split as a reader expects") {
    std::vector<std::string> words;
    for (const auto& token : tokenize("Borger 2: rådgiver/sagsbehandler (griner) [00:12:34] Ærø")) words.push_back(token.lower);
    CHECK(words == std::vector<std::string>{"borger", "2", "rådgiver", "sagsbehandler", "griner", "00", "12", "34", "ærø"});
    CHECK(tokenize("Ærø")[0].span == Span{0, 3});
}

TEST_CASE("stems, folded forms, exact search, phrases and prefixes on the sample corpus") {
    Sample s;
    auto index = Index::open_for(s.project);
    CHECK(index.rebuilt());
    const auto rådgiver = index.search("rådgiver", {});
    const auto found = words_found(rådgiver);
    CHECK(found.count("rådgiverne") == 1);
    CHECK(found.count("rådgiveren") == 1);
    CHECK(found.count("rådgivere") == 1);
    CHECK(positions(index.search("radgiver", {})) == positions(rådgiver));
    CHECK(positions(index.search("raadgiver", {})) == positions(rådgiver));
    CHECK(index.search("\"radgiver\"", {}).hits.empty());
    SearchOptions exact;
    exact.exact = true;
    CHECK(words_found(index.search("rådgiver", exact)) == std::set<std::string>{"rådgiver"});
    const auto phrase = index.search("\"faglig tryghed\"", {});
    REQUIRE(!phrase.hits.empty());
    for (const auto& hit : phrase.hits) CHECK(text::fold_case(hit.match) == "faglig tryghed");
    CHECK(words_found(index.search("medarbejder*", {})).count("medarbejderomsætning") == 1);
    // The KWIC span is exact: the excerpt at it is the word.
    for (const auto& hit : rådgiver.hits) CHECK(DocumentStore(s.project).excerpt(hit.document, hit.span) == hit.match);
}

TEST_CASE("filters by municipality and BIKVA stage return only those documents") {
    Sample s;
    auto index = Index::open_for(s.project);
    SearchOptions options;
    options.filter.attributes = {parse_condition("municipality=Kommune C"), parse_condition("bikva_stage=1")};
    const auto result = index.search("sagsbehandler", options);
    REQUIRE(!result.hits.empty());
    for (const auto& hit : result.hits) CHECK(hit.document_name == "bikva-1-borgere");
    CHECK(result.per_municipality.at("Kommune C") == static_cast<int>(result.hits.size()));
    SearchOptions leaders;
    leaders.filter.attributes = {parse_condition("participant.role=Teamleder")};
    for (const auto& hit : index.search("sparring", leaders).hits) CHECK(hit.speaker.rfind("Teamleder", 0) == 0);
    CHECK(index.search("sagsbehandler NOT koordinerende", options).hits.size() < result.hits.size());
    CHECK(!index.search("rådgiver NEAR/3 tid", {}).hits.empty());
}

TEST_CASE("a deleted index is rebuilt with the same hits; changes reach it through the journal") {
    Sample s;
    std::vector<std::pair<Id, std::int64_t>> before;
    std::optional<Hit> first;
    {
        auto index = Index::open_for(s.project);
        const auto result = index.search("rygdækning", {});
        before = positions(result);
        REQUIRE(!result.hits.empty());
        first = result.hits.front();
    }
    std::filesystem::remove_all(Index::path_for(s.project));
    {
        auto index = Index::open_for(s.project);
        CHECK(index.rebuilt());
        CHECK(positions(index.search("rygdækning", {})) == before);
    }
    const Id document = first->document;
    const auto span = first->span;
    CodingStore(s.project).add(document, CodeStore(s.project).resolve("Klager, mediesager og rygdækning").id, span);
    auto index = Index::open_for(s.project);
    CHECK_FALSE(index.rebuilt());
    SearchOptions coded;
    coded.filter.codes = {resolve_item(s.project, "Klager, mediesager og rygdækning")};
    const auto in_coded_turns = index.search("rygdækning", coded);
    REQUIRE(!in_coded_turns.hits.empty());
    for (const auto& hit : in_coded_turns.hits) CHECK(hit.document == document);
    coded.filter.codes.clear();
    coded.filter.inside = resolve_item(s.project, "Klager, mediesager og rygdækning");
    CHECK(index.search("rygdækning", coded).hits.size() == 1);
}

TEST_CASE("coding all hits gives exactly those spans, and one undo removes them") {
    Sample s;
    auto index = Index::open_for(s.project);
    const auto result = index.search("supervision", {});
    REQUIRE(result.hits.size() > 2);
    const Id code = CodeStore(s.project).resolve("Sparring og faglig ledelse").id;
    const auto made = code_hits(s.project, result.hits, code, HitLevel::Word);
    CHECK(made.size() == result.hits.size());
    std::set<std::pair<Id, std::int64_t>> coded;
    for (const auto& coding : CodingStore(s.project).list({{code}, std::nullopt, {}})) coded.insert({coding.document, coding.span.start});
    std::set<std::pair<Id, std::int64_t>> shown;
    for (const auto& hit : result.hits) shown.insert({hit.document, hit.span.start});
    CHECK(coded == shown);
    CHECK(code_hits(s.project, result.hits, CodeStore(s.project).resolve("Kompetenceudvikling").id, HitLevel::Sentence, {1}).size() == 1);
    History(s.project).undo();
    History(s.project).undo();
    CHECK(CodingStore(s.project).list().empty());
}

TEST_CASE("malformed queries are refused with the problem and its position") {
    Sample s;
    auto index = Index::open_for(s.project);
    CHECK_THROWS_WITH_AS(index.search("(rådgiver", {}), "a \")\" is missing at position 10 of the query", InputError);
    CHECK_THROWS_WITH_AS(index.search("\"faglig tryghed", {}), doctest::Contains("is never closed"), InputError);
    CHECK_THROWS_WITH_AS(index.search("", {}), "the query is empty", InputError);
    CHECK_THROWS_WITH_AS(index.search("rådgiver AND", {}), "a word is missing: the query ends after an operator at position 13 of the query",
                         InputError);
    CHECK_THROWS_WITH_AS(index.search("børn NEAR/x unge", {}), doctest::Contains("needs a distance from 0 to 1000"), InputError);
    CHECK_THROWS_WITH_AS(index.search("rådgiver)", {}), "a \")\" has no \"(\" before it at position 9 of the query", InputError);
    CHECK_THROWS_WITH_AS(index.search("OR tid", {}), "expected a word, a quoted phrase or \"(\" but found \"OR\" at position 1 of the query",
                         InputError);
    CHECK_THROWS_WITH_AS(index.search("med*arbejder", {}), doctest::Contains("may only end a word"), InputError);
    CHECK_THROWS_WITH_AS(index.search("(børn OR unge) NEAR/3 tid", {}), doctest::Contains("NEAR joins words"), InputError);
    CHECK_THROWS_WITH_AS(index.search("rådgiver ()", {}), "the brackets hold nothing at position 11 of the query", InputError);
    CHECK_THROWS_AS(parse_level("afsnit"), InputError);
}

TEST_CASE("the counts over every hit are the same whether the page is small or holds every hit, over many documents") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "mange-søstre.fokus");
    DocumentStore documents(project);
    const auto tryghed = CodeStore(project).resolve("Faglig tryghed").id;
    const std::vector<std::string> words = {"søsterskab", "rådgiveren", "ærlighed", "og", "tryghed", "åbenhed", "blåbær"};
    std::size_t expected = 0;
    for (int d = 0; d < 80; ++d) {
        NewDocument document;
        document.name = "Fokusgruppe " + std::to_string(d) + " på Ærø";
        document.format = "txt";
        document.attributes = {{"municipality", d % 2 ? "Kommune Å" : "Kommune Ø"}};
        for (int w = 0; w < 40; ++w) {
            const auto& word = words[static_cast<std::size_t>((d + w * w) % 7)];
            if (word == "søsterskab") ++expected;
            document.text += word + (w % 9 == 8 ? ".\n" : " ");
        }
        const Id id = documents.add(document);
        CodingStore(project).add(id, tryghed, Span{0, 60});
    }
    auto index = Index::open_for(project);
    SearchOptions every;
    const auto whole = index.search("søsterskab", every);
    REQUIRE(whole.hits.size() == expected);
    SearchOptions page;
    page.limit = 5;
    page.offset = 3;
    const auto paged = index.search("søsterskab", page);
    CHECK(paged.hits.size() == 5);
    CHECK(paged.hits.front().span == whole.hits[3].span);
    CHECK(paged.total == expected);
    CHECK(paged.matching_turns == whole.matching_turns);
    CHECK(paged.per_document == whole.per_document);
    CHECK(paged.per_municipality == whole.per_municipality);
    CHECK(paged.per_code == whole.per_code);
    CHECK(paged.per_code.at("Faglig tryghed") > 0);
    CHECK_FALSE(paged.complete);
}
