// Search without interviewers' and moderators' turns on the sample corpus:
// exactly the hits of the others, counted and paged exactly.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "coding/project.h"
#include "importers/batch.h"
#include "scratch.h"
#include "search/index.h"

using namespace fokus;
using namespace fokus::search;

namespace {

const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";

// The speaker labels the participants sheet gives the role Interviewer, read
// from the sheet itself: (file stem, label).
std::set<std::pair<std::string, std::string>> interviewer_labels() {
    std::ifstream sheet(corpus / "participants.csv");
    std::set<std::pair<std::string, std::string>> labels;
    std::string line;
    std::getline(sheet, line);  // the header: file,speaker,participant,role,...
    while (std::getline(sheet, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        if (cells.size() > 3 && cells[3] == "Interviewer") {
            labels.emplace(std::filesystem::path(cells[0]).stem().string(), cells[1]);
        }
    }
    return labels;
}

std::string place(const Hit& hit) {
    return hit.document_name + ":" + std::to_string(hit.span.start) + "-" + std::to_string(hit.span.end);
}

}  // namespace

TEST_CASE("search without interviewers finds exactly the participants' hits, with exact counts and pages") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "uden-moderator.fokus");
    importers::BatchOptions batch;
    batch.manifest = (corpus / "manifest.csv").string();
    batch.participants = (corpus / "participants.csv").string();
    REQUIRE(importers::import_files(project, {corpus}, batch).imported.size() == 13);
    const auto interviewers = interviewer_labels();
    REQUIRE(interviewers.size() == 13);  // one interviewer or moderator in each transcript

    auto index = Index::open_for(project);
    std::size_t left_out = 0;
    for (const std::string query : {"rådgiver", "jeg", "\"gode råd\"", "tid OR tryghed"}) {
        CAPTURE(query);
        const auto all = index.search(query, {});
        std::vector<std::string> expected;
        std::set<std::pair<Id, Id>> turns;
        std::map<std::string, int> per_document;
        for (const auto& hit : all.hits) {
            if (interviewers.count({hit.document_name, hit.speaker})) continue;
            expected.push_back(place(hit));
            turns.emplace(hit.document, hit.turn);
            ++per_document[hit.document_name];
        }
        left_out += all.hits.size() - expected.size();

        SearchOptions without;
        without.filter.without_interviewers = true;
        const auto found = index.search(query, without);
        std::vector<std::string> places;
        for (const auto& hit : found.hits) places.push_back(place(hit));
        CHECK(places == expected);
        CHECK(found.total == expected.size());
        CHECK(found.matching_turns == turns.size());
        CHECK(found.per_document == per_document);

        // Pages of three join up into the whole list, each counting every hit.
        std::vector<std::string> paged;
        for (std::size_t offset = 0; offset < expected.size(); offset += 3) {
            SearchOptions page = without;
            page.offset = offset;
            page.limit = 3;
            const auto result = index.search(query, page);
            CHECK(result.total == expected.size());
            for (const auto& hit : result.hits) paged.push_back(place(hit));
        }
        CHECK(paged == expected);
    }
    CHECK(left_out > 20);  // the interviewers and moderators said a good deal of it
}
