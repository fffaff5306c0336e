#include <doctest/doctest.h>
#include <xapian.h>

#include "coding/documents.h"
#include "coding/error.h"
#include "search/follower.h"
#include "search/index.h"
#include "search_fixture.h"

using namespace fokus;
using namespace fokus::search;
using testing::DanishProject;
using testing::transcript;

namespace {

Id add_leaders(Project& project, const std::string& name, const std::string& speech) {
    return DocumentStore(project).add(transcript(name, {{"Afdelingsleder", speech}}, {{"municipality", "Kommune D"}}));
}

}  // namespace

TEST_CASE("an index follower takes in each committed document, and the index is current when it finishes") {
    DanishProject p;
    {
        IndexFollower follower(p.project.path());
        add_leaders(p.project, "Kommune D, ledere", "Anbringelsesområdet mangler rådgivere.");
        follower.committed();
        add_leaders(p.project, "Kommune E, ledere", "Vi får ikke fat i erfarne socialrådgivere til børneområdet.");
        follower.committed();
        follower.finish();
    }
    auto index = Index::open_for(p.project);
    CHECK_FALSE(index.rebuilt());
    const auto report = index.update();
    CHECK(report.reindexed == 0);  // nothing left to take in
    CHECK(report.refreshed == 0);
    CHECK(index.search("anbringelse*", {}).hits.size() == 1);
    const auto found = index.search("socialrådgiver", {});
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].document_name == "Kommune E, ledere");
    CHECK(found.hits[0].match == "socialrådgivere");
}

TEST_CASE("a follower stopped early leaves the rest to the next search") {
    DanishProject p;
    {
        IndexFollower follower(p.project.path());
        add_leaders(p.project, "Kommune D, ledere", "Anbringelsesområdet mangler rådgivere.");
        follower.committed();
    }
    auto index = Index::open_for(p.project);
    CHECK(index.search("anbringelse*", {}).hits.size() == 1);
    CHECK(index.search("rådgiver", {}).hits.size() == 9);
}

TEST_CASE("a follower that cannot write the index says so and leaves the project as it was") {
    DanishProject p;
    const auto path = Index::path_for(p.project);
    // Another program holds the index open for writing.
    Xapian::WritableDatabase other(path.string(), Xapian::DB_CREATE_OR_OPEN);
    IndexFollower follower(p.project.path());
    const Id added = add_leaders(p.project, "Kommune D, ledere", "Anbringelsesområdet mangler rådgivere.");
    follower.committed();
    const std::string named = path.string();
    CHECK_THROWS_WITH_AS(follower.finish(), doctest::Contains(named.c_str()), FileError);
    CHECK_THROWS_WITH_AS(follower.finish(), doctest::Contains("being updated by another program"), FileError);
    CHECK(DocumentStore(p.project).all().size() == 4);
    CHECK(DocumentStore(p.project).get(added).name == "Kommune D, ledere");
    other.close();
    auto index = Index::open_for(p.project);
    CHECK(index.search("anbringelse*", {}).hits.size() == 1);
}
