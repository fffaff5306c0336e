#include <doctest/doctest.h>
#include <xapian.h>

#include <set>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "search/danish.h"
#include "search/index.h"
#include "search_fixture.h"

using namespace fokus;
using namespace fokus::search;
using testing::DanishProject;

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    for (const auto& token : tokenize(text)) words.push_back(token.lower);
    return words;
}

std::multiset<std::string> matches(const SearchResult& result) {
    std::multiset<std::string> found;
    for (const auto& hit : result.hits) found.insert(hit.match);
    return found;
}

std::vector<std::pair<Id, std::int64_t>> places(const SearchResult& result) {
    std::vector<std::pair<Id, std::int64_t>> all;
    for (const auto& hit : result.hits) all.emplace_back(hit.document, hit.span.start);
    std::sort(all.begin(), all.end());
    return all;
}

SearchOptions exact_options() {
    SearchOptions options;
    options.exact = true;
    return options;
}

}  // namespace

TEST_CASE("transcript text splits into the words a reader sees") {
    CHECK(words_of("Borger 2: Ja. (griner) [utydeligt]") == std::vector<std::string>{"borger", "2", "ja", "griner", "utydeligt"});
    CHECK(words_of("rådgiver/sagsbehandler") == std::vector<std::string>{"rådgiver", "sagsbehandler"});
    CHECK(words_of("Leder (Kommune C): 1.812 svar") == std::vector<std::string>{"leder", "kommune", "c", "1.812", "svar"});
    // Folded alike whether the word is plain ASCII or not.
    CHECK(words_of("SAGSBEHANDLER Rådgiveren KØBENHAVN ÅRHUS Straße") ==
          std::vector<std::string>{"sagsbehandler", "rådgiveren", "københavn", "århus", "strasse"});
    const auto tokens = tokenize("(griner) Ærø");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].span == Span{1, 7});
    CHECK(tokens[1].span == Span{9, 12});
    CHECK(tokens[1].lower == "ærø");
}

TEST_CASE("stems and spellings without æ, ø, å find the same hits") {
    DanishProject p;
    auto index = Index::open_for(p.project);
    CHECK(index.rebuilt());
    const auto rådgiver = index.search("rådgiver", {});
    const auto found = matches(rådgiver);
    CHECK(found.count("rådgiver") == 2);
    CHECK(found.count("Rådgiverne") == 1);
    CHECK(found.count("rådgiveren") == 1);
    CHECK(found.count("Rådgiveren") == 1);
    CHECK(found.count("radgiver") == 1);     // the OCR'd text
    CHECK(found.count("raadgiverne") == 1);  // likewise
    CHECK(places(index.search("radgiver", {})) == places(rådgiver));
    CHECK(places(index.search("raadgiver", {})) == places(rådgiver));
    CHECK(places(index.search("RÅDGIVERNE", {})) == places(rådgiver));
    // Exact: only the forms as written.
    CHECK(matches(index.search("\"radgiver\"", {})) == std::multiset<std::string>{"radgiver"});
    CHECK(index.search("\"raadgiver\"", {}).hits.empty());
    CHECK(matches(index.search("rådgiver", exact_options())) == std::multiset<std::string>{"rådgiver", "rådgiver", "Rådgiver"});
    // Four in Kommune A, two in Kommune B, two in the OCR'd text; the label
    // "Rådgiver 1:" is not speech and not searched.
    CHECK(rådgiver.hits.size() == 8);
}

TEST_CASE("phrases, prefixes, NEAR and NOT") {
    DanishProject p;
    auto index = Index::open_for(p.project);
    const auto phrase = index.search("\"faglig tryghed\"", {});
    REQUIRE(phrase.hits.size() == 1);
    CHECK(phrase.hits[0].match == "faglig tryghed");
    CHECK(phrase.hits[0].speaker == "Rådgiver 1");
    // Typed as one word with a slash: its words side by side.
    CHECK(matches(index.search("rådgiver/sagsbehandler", {})) == std::multiset<std::string>{"Rådgiver/sagsbehandler"});

    CHECK(matches(index.search("medarbejder*", {})) == std::multiset<std::string>{"Medarbejderomsætningen", "Medarbejderne"});
    CHECK(matches(index.search("medarbejderoms*", {})) == std::multiset<std::string>{"Medarbejderomsætningen"});
    CHECK(matches(index.search("medarbejderomsaet*", {})) == std::multiset<std::string>{"Medarbejderomsætningen"});
    CHECK(index.search("medarbejderomsaet*", exact_options()).hits.empty());

    // "Rådgiverne har ikke tid": two words between.
    // At most two words between; "tiden" is a form of "tid".
    CHECK(matches(index.search("rådgiver NEAR/2 tid", {})) ==
          std::multiset<std::string>{"Rådgiverne har ikke tid", "rådgiver hele tiden", "raadgiverne skifter hele tiden"});
    CHECK(matches(index.search("rådgiver NEAR/1 tid", {})) == std::multiset<std::string>{"rådgiver hele tiden"});
    CHECK(index.search("rådgiver NEAR/0 tid", {}).hits.empty());
    CHECK(index.search("tid NEAR/2 rådgiverne", {}).hits.size() == 3);  // either order
    CHECK(matches(index.search("\"rådgiverne har\" NEAR/1 tid", {})) == std::multiset<std::string>{"Rådgiverne har ikke tid"});
    CHECK(matches(index.search("rådgiv* NEAR/1 tid", {})) == std::multiset<std::string>{"rådgiver hele tiden"});

    const auto tid = index.search("tid", {});
    const auto without = index.search("tid NOT rådgiver", {});
    CHECK(tid.hits.size() == 5);
    CHECK(without.hits.size() == 2);  // the team leader's turn and the citizen's in Kommune B
    for (const auto& hit : without.hits) CHECK((hit.speaker == "Teamleder" || hit.speaker == "Borger 2"));
    CHECK(index.search("tid IKKE rådgiver", {}).hits.size() == without.hits.size());
    CHECK(index.search("(sparring OR sagsbehandler) AND tid", {}).hits.size() == 2);  // one turn
    CHECK(index.search("sparring OG tid", {}).hits.size() == 2);
}

TEST_CASE("a hit never reaches from one speaker's turn into the next") {
    DanishProject p;
    DocumentStore(p.project)
        .add(testing::transcript("Kommune D, ledere",
                                 {{"Afdelingsleder", "Vi mangler en erfaren socialrådgiver"}, {"Teamleder", "Tiden går med at lære nye op."}},
                                 {{"municipality", "Kommune D"}}));
    auto index = Index::open_for(p.project);
    // Side by side in the text, but the words belong to two speakers.
    CHECK(index.search("\"socialrådgiver tiden\"", {}).hits.empty());
    CHECK(index.search("socialrådgiver NEAR/3 tid", {}).hits.empty());
    CHECK(index.search("socialrådgiver AND tiden", {}).hits.empty());
    CHECK(index.search("socialrådgiver NOT tid", {}).hits.size() == 1);
    const auto either = index.search("socialrådgiver OR lære", {});
    REQUIRE(either.hits.size() == 2);
    CHECK(either.hits[0].turn != either.hits[1].turn);
}

TEST_CASE("filters by document attributes, speaker and document") {
    DanishProject p;
    auto index = Index::open_for(p.project);
    SearchOptions options;
    options.filter.attributes = {parse_condition("municipality=Kommune B,Kommune C"), parse_condition("bikva_stage=1")};
    const auto result = index.search("tid", options);
    REQUIRE(result.hits.size() == 2);
    for (const auto& hit : result.hits) CHECK((hit.document == p.kommune_b || hit.document == p.ocr));
    CHECK(result.per_municipality == std::map<std::string, int>{{"Kommune B", 1}, {"Kommune C", 1}});
    options.filter.attributes = {parse_condition("municipality=Kommune A"), parse_condition("bikva_stage=1")};
    CHECK(index.search("tid", options).hits.empty());

    SearchOptions borger;
    borger.filter.speakers = {"Borger 2"};
    for (const auto& hit : index.search("tid", borger).hits) CHECK(hit.speaker == "Borger 2");
    CHECK(index.search("tid", borger).hits.size() == 3);
    SearchOptions one;
    one.filter.documents = {p.kommune_a};
    CHECK(index.search("tid", one).per_document == std::map<std::string, int>{{"Kommune A, rådgivere", 3}});
}

TEST_CASE("hits in context carry exact spans and the text around them") {
    DanishProject p;
    auto index = Index::open_for(p.project);
    SearchOptions options;
    options.context = 12;
    const auto result = index.search("rådgiver OR tryghed", options);
    REQUIRE(result.hits.size() > 4);
    DocumentStore documents(p.project);
    for (const auto& hit : result.hits) {
        CHECK(documents.excerpt(hit.document, hit.span) == hit.match);
        const auto before_start = std::max<std::int64_t>(0, hit.span.start - 12);
        if (hit.span.start > before_start) CHECK(documents.excerpt(hit.document, Span{before_start, hit.span.start}) == hit.before);
        CHECK(text::count_code_points(hit.after) <= 12);
    }
    SearchOptions ordered;
    ordered.document_order = true;
    const auto in_order = index.search("tid", ordered);
    CHECK(std::is_sorted(in_order.hits.begin(), in_order.hits.end(), [](const Hit& a, const Hit& b) {
        return std::tie(a.document, a.span.start) < std::tie(b.document, b.span.start);
    }));
    ordered.limit = 2;
    ordered.count_all = false;
    const auto first = index.search("tid", ordered);
    CHECK(matches(first) == std::multiset<std::string>{"tid", "tiden"});  // both in the first turn holding "tid"
    CHECK_FALSE(first.complete);
    CHECK(first.hits[0].document == p.kommune_a);
    CHECK(first.hits[1].turn == first.hits[0].turn);
}

TEST_CASE("the index is rebuilt when missing, damaged, of an earlier layout or another project's; else it follows the journal") {
    DanishProject p;
    std::vector<std::pair<Id, std::int64_t>> before;
    {
        auto index = Index::open_for(p.project);
        before = places(index.search("rådgiver", {}));
    }
    {
        auto index = Index::open_for(p.project);
        CHECK_FALSE(index.rebuilt());
        CHECK(places(index.search("rådgiver", {})) == before);
    }
    std::filesystem::remove_all(Index::path_for(p.project));
    std::size_t reported = 0;
    {
        auto index = Index::open_for(p.project, [&](std::size_t done, std::size_t total) {
            CHECK(total == 3);
            reported = done;
        });
        CHECK(index.rebuilt());
        CHECK(reported == 3);
        CHECK(places(index.search("rådgiver", {})) == before);
    }
    // Damaged: every file of the index overwritten.
    for (const auto& entry : std::filesystem::directory_iterator(Index::path_for(p.project))) {
        testing::write_file(entry.path(), "ikke et indeks");
    }
    {
        auto index = Index::open_for(p.project);
        CHECK(index.rebuilt());
        CHECK(places(index.search("rådgiver", {})) == before);
    }
    // An index laid out by an earlier version.
    {
        Xapian::WritableDatabase earlier(Index::path_for(p.project).string(), Xapian::DB_OPEN);
        earlier.set_metadata("fokus.layout", "1");
        earlier.commit();
    }
    {
        auto index = Index::open_for(p.project);
        CHECK(index.rebuilt());
        CHECK(places(index.search("rådgiver", {})) == before);
    }
    // Another project's index under this name.
    DanishProject other;
    { Index::open_for(other.project); }
    std::filesystem::remove_all(Index::path_for(p.project));
    std::filesystem::copy(Index::path_for(other.project), Index::path_for(p.project));
    CHECK(Index::open_for(p.project).rebuilt());
}

TEST_CASE("changes made through the core reach the next search through the journal") {
    DanishProject p;
    { Index::open_for(p.project); }
    auto index = Index::open_for(p.project);
    CHECK(index.search("anbringelse", {}).hits.empty());
    DocumentStore documents(p.project);
    const Id added = documents.add(testing::transcript("Kommune D, ledere", {{"Afdelingsleder", "Anbringelsesområdet mangler rådgivere."}},
                                                       {{"municipality", "Kommune D"}}));
    auto report = index.update();
    CHECK(report.reindexed == 1);
    CHECK_FALSE(index.rebuilt());
    CHECK(index.search("anbringelse*", {}).hits.size() == 1);

    CHECK(index.search("sagsbehandler", {}).hits.size() == 2);
    documents.remove(p.kommune_b);
    CHECK(index.update().reindexed == 1);
    for (const auto& hit : index.search("rådgiver", {}).hits) CHECK(hit.document != p.kommune_b);
    // Only Kommune B's citizens spoke of a "sagsbehandler".
    CHECK(index.search("sagsbehandler", {}).hits.empty());
    CHECK(index.search("sagsbeh*", {}).hits.empty());

    const auto motivation = resolve_item(p.project, "Motivation");
    SearchOptions coded;
    coded.filter.codes = {motivation};
    CHECK(index.search("rådgivere", coded).hits.empty());
    const auto hit = index.search("anbringelse*", {}).hits.at(0);
    CodingStore(p.project).add(added, motivation.codes.at(0), hit.span);
    report = index.update();
    CHECK(report.refreshed == 1);
    CHECK(report.reindexed == 0);
    CHECK(index.search("rådgivere", coded).hits.size() == 1);  // in the coded turn
    coded.filter.codes.clear();
    coded.filter.inside = motivation;
    CHECK(index.search("rådgivere", coded).hits.empty());  // but not inside the coding
    CHECK(index.search("anbringelse*", coded).hits.size() == 1);
    coded.filter.inside.reset();
    coded.filter.outside = motivation;
    CHECK(index.search("anbringelse* OR rådgivere", coded).hits.size() == index.search("rådgivere", {}).hits.size());
    CHECK(index.search("anbringelse*", {}).per_code == std::map<std::string, int>{{"Motivation", 1}});

    documents.set_attribute(p.kommune_a, "municipality", "Kommune E");
    CHECK(index.update().refreshed == 1);
    SearchOptions moved;
    moved.filter.attributes = {parse_condition("municipality=Kommune E")};
    CHECK(index.search("tryghed", moved).hits.size() == 2);
    // Reopening finds nothing left to do.
    auto again = Index::open_for(p.project);
    CHECK_FALSE(again.rebuilt());
    CHECK(again.update().reindexed == 0);
}

TEST_CASE("coding hits: exactly the spans shown, at word, sentence or turn level, undone in one step") {
    DanishProject p;
    auto index = Index::open_for(p.project);
    const auto result = index.search("rådgiver", {});
    const Id code = CodeStore(p.project).resolve("Motivation").id;
    const auto made = code_hits(p.project, result.hits, code, HitLevel::Word);
    CHECK(made.size() == result.hits.size());
    std::set<std::pair<Id, Span>, bool (*)(const std::pair<Id, Span>&, const std::pair<Id, Span>&)> coded(
        [](const std::pair<Id, Span>& a, const std::pair<Id, Span>& b) {
            return std::tie(a.first, a.second.start, a.second.end) < std::tie(b.first, b.second.start, b.second.end);
        });
    auto shown = coded;
    for (const auto& coding : CodingStore(p.project).list({{code}, std::nullopt, {}})) coded.insert({coding.document, coding.span});
    for (const auto& hit : result.hits) shown.insert({hit.document, hit.span});
    CHECK(coded == shown);
    // One step of undo, labelled with how many hits got which code.
    CHECK(History(p.project).next_undo()->label == "code " + std::to_string(result.hits.size()) + " search hits with \"Motivation\"");
    History(p.project).undo();
    CHECK(CodingStore(p.project).list().empty());

    const auto tryghed = index.search("\"faglig tryghed\"", {}).hits;
    REQUIRE(tryghed.size() == 1);
    DocumentStore documents(p.project);
    CHECK(documents.excerpt(tryghed[0].document, coding_span(p.project, tryghed[0], HitLevel::Sentence)) ==
          "Medarbejderomsætningen er høj, og faglig tryghed mangler.");
    CHECK(documents.excerpt(tryghed[0].document, coding_span(p.project, tryghed[0], HitLevel::Turn)) ==
          "Medarbejderomsætningen er høj, og faglig tryghed mangler. Rådgiveren før mig stoppede efter et år.");
    // Chosen hits, at sentence level; two hits in one sentence make one coding.
    SearchOptions ordered;
    ordered.document_order = true;
    const auto tid = index.search("\"Rådgiverne\" OR tid", ordered).hits;
    REQUIRE(tid.size() > 2);
    CHECK(tid[0].match == "Rådgiverne");
    CHECK(tid[1].match == "tid");
    const auto sentences = code_hits(p.project, tid, code, HitLevel::Sentence, {1, 2});
    CHECK(sentences.size() == 1);
    // ICU keeps "(griner)" and what follows in lower case in the sentence.
    CHECK(documents.excerpt(p.kommune_a, CodingStore(p.project).get(sentences[0]).span) ==
          "Rådgiverne har ikke tid til os. (griner) Man får en ny rådgiver hele tiden.");
    CHECK_THROWS_WITH_AS(code_hits(p.project, tid, code, HitLevel::Word, {99}), doctest::Contains("no hit number 99"), InputError);
    History(p.project).undo();
    CHECK(CodingStore(p.project).list().empty());
}

TEST_CASE("a word longer than any Danish word is known by its first 120 bytes, in the text and in a query alike") {
    std::string letters;
    for (int i = 0; i < 1000; ++i) letters += "Å";
    const auto long_word = tokenize("Ja " + letters + " nej");
    REQUIRE(long_word.size() == 3);
    CHECK(long_word[1].span == Span{3, 1003});  // the whole word, though its form is cut
    std::string sixty;
    for (int i = 0; i < 60; ++i) sixty += "å";
    CHECK(long_word[1].lower == sixty);
    CHECK(tokenize(std::string(500, 'K'))[0].lower == std::string(120, 'k'));
    // Cut at a character's start: 119 bytes of ASCII and then an "ø" of two.
    CHECK(tokenize(std::string(119, 'x') + "øøø")[0].lower == std::string(119, 'x'));

    DanishProject p;
    std::string compound;
    for (int i = 0; i < 20; ++i) compound += "sagsbehandlingsforløbs";  // 440 letters
    const Id document = DocumentStore(p.project).add(
        testing::transcript("Kommune D, lang", {{"Borger 3", "Jeg kalder det " + compound + ", og det er for langt."}}));
    auto index = Index::open_for(p.project);
    const auto whole = index.search(compound, {});
    REQUIRE(whole.hits.size() == 1);
    CHECK(whole.hits[0].document == document);
    CHECK(whole.hits[0].match == compound);
    // Its first 130 letters, or the same beginning going on differently, are cut the same way.
    CHECK(index.search(compound.substr(0, 130), exact_options()).hits.size() == 1);
    CHECK(index.search(compound.substr(0, 200) + "æøå", {}).hits.size() == 1);
    // Fewer letters than are kept are another word.
    CHECK(index.search(compound.substr(0, 100), {}).hits.empty());
    CHECK(index.search(compound.substr(0, 100) + "*", {}).hits.size() == 1);
    const auto coded = code_hits(p.project, whole.hits, CodeStore(p.project).resolve("Motivation").id, HitLevel::Sentence);
    REQUIRE(coded.size() == 1);
    CHECK(DocumentStore(p.project).excerpt(document, CodingStore(p.project).get(coded[0]).span) ==
          "Jeg kalder det " + compound + ", og det er for langt.");
}

TEST_CASE("coding hits at sentence level: each hit's own sentence, in whatever order the hits come") {
    DanishProject p;
    const Id document = DocumentStore(p.project).add(testing::transcript(
        "Kommune D, sætninger", {{"Borger 3", "Vi har ikke tid.  Rådgiveren ringer aldrig! Hvad med tid og ro?\nJa, tid. Tid nok tid."}}));
    auto index = Index::open_for(p.project);
    SearchOptions options;
    options.filter.documents = {document};
    options.document_order = true;
    auto hits = index.search("tid", options).hits;
    REQUIRE(hits.size() == 5);
    std::reverse(hits.begin(), hits.end());
    DocumentStore documents(p.project);
    std::vector<std::string> sentences;
    for (const auto& hit : hits) sentences.push_back(documents.excerpt(document, coding_span(p.project, hit, HitLevel::Sentence)));
    CHECK(sentences == std::vector<std::string>{"Tid nok tid.", "Tid nok tid.", "Ja, tid.", "Hvad med tid og ro?", "Vi har ikke tid."});
    const auto made = code_hits(p.project, hits, CodeStore(p.project).resolve("Motivation").id, HitLevel::Sentence);
    CHECK(made.size() == 4);  // two hits in one sentence make one coding
}

TEST_CASE("NEAR over many occurrences in one turn pairs each with the nearest") {
    DanishProject p;
    // "tid" at every third word, "ro" at every seventh: the nearest "ro" to each "tid".
    std::string speech;
    std::vector<int> tid, ro;
    for (int word = 0; word < 3000; ++word) {
        const char* text = word % 7 == 3 ? "ro" : word % 3 == 0 ? "tid" : "og";
        if (word % 7 == 3) ro.push_back(word);
        if (word % 7 != 3 && word % 3 == 0) tid.push_back(word);
        speech += std::string(word == 0 ? "" : " ") + text;
    }
    DocumentStore(p.project).add(testing::transcript("Kommune D, gentagelser", {{"Borger 3", speech}}));
    auto index = Index::open_for(p.project);
    SearchOptions options;
    options.filter.documents = {DocumentStore(p.project).resolve("Kommune D, gentagelser").id};
    // Expected: each "tid" with a "ro" at most one word between, spanning both.
    std::size_t expected = 0;
    for (const int at : tid) {
        if (std::any_of(ro.begin(), ro.end(), [&](int other) { return std::abs(other - at) - 1 <= 1; })) ++expected;
    }
    const auto near = index.search("tid NEAR/1 ro", options);
    CHECK(near.hits.size() == expected);
    for (const auto& hit : near.hits) {
        const bool tid_first = hit.match.rfind("tid", 0) == 0;
        CHECK(hit.match == (tid_first ? (hit.match.size() == 6 ? "tid ro" : "tid og ro") : (hit.match.size() == 6 ? "ro tid" : "ro og tid")));
    }
}

TEST_CASE("malformed queries name the problem and where it is") {
    DanishProject p;
    auto index = Index::open_for(p.project);
    CHECK_THROWS_WITH_AS(index.search("(rådgiver OR tid", {}), "a \")\" is missing at position 17 of the query", InputError);
    CHECK_THROWS_WITH_AS(index.search("tid \"faglig", {}), "the quote at position 5 of the query is never closed", InputError);
    CHECK_THROWS_WITH_AS(index.search("   ", {}), "the query is empty", InputError);
    CHECK_THROWS_WITH_AS(index.search("tid NEAR/1001 os", {}), doctest::Contains("needs a distance from 0 to 1000"), InputError);
    CHECK_THROWS_WITH_AS(index.search("tid AND -", {}), "\"-\" has no letters or digits to search for at position 9 of the query",
                         InputError);
    CHECK_THROWS_WITH_AS(index.search("*", {}), doctest::Contains("no letters or digits"), InputError);
    CHECK_THROWS_WITH_AS(index.search("\"()\"", {}), "the quotes hold no words at position 1 of the query", InputError);
    CHECK_THROWS_WITH_AS(parse_level("afsnit"), "\"afsnit\" is not a level of coding; use word, sentence or turn", InputError);
}
