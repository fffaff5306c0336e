// The analysis on the sample corpus: its 13 transcripts imported with their
// sheets, coded from searches as a researcher would, then crosstabbed by
// municipality and followed through a BIKVA chain.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "analysis/bikva_chains.h"
#include "analysis/crosstab.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/project.h"
#include "importers/batch.h"
#include "scratch.h"
#include "search/index.h"

using namespace fokus;

namespace {

using Place = std::tuple<Id, std::int64_t, std::int64_t>;

struct CodedSample {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "eksempel.fokus");

    CodedSample() {
        project.set_coder("Testkoder");
        const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
        importers::BatchOptions options;
        options.manifest = (corpus / "manifest.csv").string();
        options.participants = (corpus / "participants.csv").string();
        REQUIRE(importers::import_files(project, {corpus}, options).imported.size() == 13);
        auto index = search::Index::open_for(project);
        const std::pair<const char*, const char*> coding_plan[] = {
            {"sagsbehandler*", "Opfattelse af medarbejderomsætning"}, {"sparring", "Sparring og faglig ledelse"},
            {"tryg* OR sikker*", "Faglig tryghed"},                   {"kolleg* OR team*", "Kultur på medarbejderniveau"},
            {"stress OR travl*", "Arbejdspres og prioritering"},       {"leder*", "Ledelseskultur og -stil"}};
        for (const auto& [query, code] : coding_plan) {
            const auto hits = index.search(query, {}).hits;
            REQUIRE_MESSAGE(!hits.empty(), query);
            search::code_hits(project, hits, CodeStore(project).resolve(code).id, search::HitLevel::Sentence);
        }
    }

    std::set<Place> codings_of(Id code, const std::string& municipality = {}) {
        std::set<Place> places;
        DocumentStore documents(project);
        for (const auto& coding : CodingStore(project).list()) {
            if (coding.code != code) continue;
            if (!municipality.empty() && documents.attributes(coding.document).at("municipality") != municipality) continue;
            places.insert({coding.document, coding.span.start, coding.span.end});
        }
        return places;
    }
};

}  // namespace

TEST_CASE("the crosstab of the 17 codes by municipality adds up to each code's codings, and its cells are those codings") {
    CodedSample sample;
    auto items = all_code_items(sample.project);
    items.resize(17);
    const AttributeCondition municipality{AttributeCondition::Of::Document, "municipality", {}};
    const auto table = crosstab(sample.project, items, {}, municipality, CrosstabCount::Codings);
    CHECK(table.values == std::vector<std::string>{"Kommune A", "Kommune B", "Kommune C", "Kommune D", "Kommune E"});
    std::int64_t coded_rows = 0;
    for (std::size_t row = 0; row < items.size(); ++row) {
        const auto& item = items[row];
        REQUIRE(item.codes.size() == 1);
        const auto all = sample.codings_of(item.id);
        CHECK_MESSAGE(table.row_totals[row] == static_cast<std::int64_t>(all.size()), item.name);
        std::int64_t across = 0;
        for (std::size_t column = 0; column < table.values.size(); ++column) {
            across += table.at(row, column);
            // Opening the cell lists exactly the codings of the code in that municipality.
            std::set<Place> listed;
            for (const auto& segment : crosstab_segments(sample.project, item, {}, municipality, table.values[column])) {
                listed.insert({segment.document, segment.span.start, segment.span.end});
            }
            CHECK_MESSAGE(listed == sample.codings_of(item.id, table.values[column]), item.name, " in ", table.values[column]);
            CHECK(static_cast<std::int64_t>(listed.size()) == table.at(row, column));
        }
        CHECK(across == table.row_totals[row]);
        coded_rows += !all.empty();
    }
    CHECK(coded_rows == 6);
    CHECK(table.total == static_cast<std::int64_t>(CodingStore(sample.project).list().size()));
}

TEST_CASE("a BIKVA chain on the sample lists a citizen's statement with the caseworkers' and the leaders' reactions") {
    CodedSample sample;
    DocumentStore documents(sample.project);
    CodingStore codings(sample.project);
    const Id citizens = documents.resolve("bikva-1-borgere").id;
    const Id caseworkers = documents.resolve("bikva-2-raadgivere").id;
    const Id leaders = documents.resolve("bikva-3-ledere").id;
    const std::string statement_text =
        "Jeg har haft fire forskellige sagsbehandlere på to år, og hver gang skulle jeg fortælle det hele forfra.";
    const auto statement = codings.find_text(citizens, statement_text);
    REQUIRE(statement.size() == 1);

    // Where the moderator read it out, and the turn right after: the group's first reaction.
    const auto read_out_and_reaction = [&](Id document) {
        const auto read_out = codings.find_text(document, statement_text);
        REQUIRE(read_out.size() == 1);
        const auto turns = documents.turns(document);
        const auto holding = std::find_if(turns.begin(), turns.end(), [&](const Turn& turn) {
            return turn.span.start <= read_out.front().start && read_out.front().end <= turn.span.end;
        });
        REQUIRE(holding != turns.end());
        REQUIRE(std::next(holding) != turns.end());
        const auto& reaction = *std::next(holding);
        return std::pair{read_out.front(), std::pair{Span{reaction.body_start, reaction.span.end}, reaction.speaker_label}};
    };
    const auto [caseworkers_read, caseworkers_reaction] = read_out_and_reaction(caseworkers);
    const auto [leaders_read, leaders_reaction] = read_out_and_reaction(leaders);
    CHECK(leaders_reaction.second == "Afdelingsleder");

    LinkStore links(sample.project);
    sample.project.act("BIKVA-kæde", [&] {
        links.present({citizens, statement.front()}, {caseworkers, caseworkers_read});
        links.present({citizens, statement.front()}, {leaders, leaders_read});
        links.react({caseworkers, caseworkers_reaction.first}, {citizens, statement.front()});
        links.react({leaders, leaders_reaction.first}, {citizens, statement.front()});
    });

    const auto chains = bikva_chains(sample.project);
    REQUIRE(chains.size() == 1);
    const auto& chain = chains.front();
    CHECK(chain.statement.where == SpanRef{citizens, statement.front()});
    CHECK(chain.statement.stage == 1);
    CHECK(chain.statement.speaker == "Borger 1");
    CHECK(chain.statement.text == statement_text);
    // Coded from the search for "sagsbehandler*" at sentence level.
    CHECK(std::find(chain.statement.codes.begin(), chain.statement.codes.end(), "Opfattelse af medarbejderomsætning") !=
          chain.statement.codes.end());
    REQUIRE(chain.presented.size() == 2);
    REQUIRE(chain.reactions.count(2) == 1);
    REQUIRE(chain.reactions.count(3) == 1);
    CHECK(chain.reactions.at(2).front().speaker == caseworkers_reaction.second);
    CHECK(chain.reactions.at(3).front().speaker == "Afdelingsleder");
    CHECK(chain.reactions.at(3).front().text.find("medarbejderomsætning på omkring tyve procent") != std::string::npos);
}
