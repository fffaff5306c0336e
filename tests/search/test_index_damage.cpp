// A damaged search index is found out and built anew, never a crash and never
// wrong hits: random bytes written into each file of the index, through the
// API and through fokus-cli; records Xapian reads without complaint but that
// contradict the text; and an index another program is writing, which is
// neither damaged nor to be written by a search.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <random>
#include <set>
#include <tuple>

#include "cli_runner.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "search/index.h"
#include "search/index_integrity.h"
#include "search_fixture.h"

using namespace fokus;
using namespace fokus::search;
using testing::DanishProject;
using testing::run_cli;
namespace fs = std::filesystem;

namespace {

using Place = std::tuple<Id, std::int64_t, std::int64_t>;
const std::vector<std::string> queries = {"rådgiver", "\"faglig tryghed\"", "medarbejder*", "tid NOT tryghed"};

std::set<Place> places(const SearchResult& result) {
    std::set<Place> all;
    for (const auto& hit : result.hits) all.emplace(hit.document, hit.span.start, hit.span.end);
    return all;
}

std::set<Place> places(const std::string& json) {
    std::set<Place> all;
    const auto parsed = nlohmann::json::parse(json);
    for (const auto& hit : parsed["hits"]) {
        all.emplace(hit["document_id"].get<Id>(), hit["start"].get<std::int64_t>(), hit["end"].get<std::int64_t>());
    }
    return all;
}

// `count` random bytes from `seed` written over the file from `offset`
// (clamped to the file's end), as a failing disk or a stray program would.
void scribble(const fs::path& file, std::uint32_t seed, std::uintmax_t offset, std::size_t count) {
    std::mt19937 random(seed);
    std::string bytes(count, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFF);
    std::fstream out(file, std::ios::binary | std::ios::in | std::ios::out);
    REQUIRE(out);
    out.seekp(static_cast<std::streamoff>(std::min(offset, fs::file_size(file))));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::string> files_of(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void restore(const fs::path& pristine, const fs::path& index) {
    fs::remove_all(index);
    fs::copy(pristine, index);
}

// Xapian's lock file holds nothing of the index: scribbling on it damages nothing.
bool holds_data(const std::string& name) { return name != "flintlock"; }

struct Damage {
    std::uint32_t seed;
    std::uintmax_t offset;
    std::size_t count;
};
const std::vector<Damage> damages = {{1, 0, 2000}, {2, 8192, 2000}, {3, 100, 16}, {4, 20000, 2000}, {5, 1, 1}};

}  // namespace

TEST_CASE("random bytes in any file of the index: found out, built anew, the same hits") {
    DanishProject p;
    const auto index_path = Index::path_for(p.project);
    std::vector<std::set<Place>> before;
    {
        auto index = Index::open_for(p.project);
        for (const auto& query : queries) before.push_back(places(index.search(query, {})));
    }
    REQUIRE(before[0].size() == 8);
    REQUIRE(before[1].size() == 1);
    const auto pristine = p.dir / "pristine.index";
    fs::copy(index_path, pristine);
    const auto names = files_of(pristine);
    // Every table Xapian keeps here, and Fokus's record of them.
    for (const auto* expected : {"iamglass", "docdata.glass", "postlist.glass", "position.glass", "termlist.glass", "synonym.glass",
                                 integrity_file}) {
        CHECK(std::find(names.begin(), names.end(), expected) != names.end());
    }
    for (const auto& name : names) {
        for (const auto& damage : damages) {
            CAPTURE(name);
            CAPTURE(damage.seed);
            restore(pristine, index_path);
            scribble(index_path / name, damage.seed, damage.offset, damage.count);
            auto index = Index::open_for(p.project);
            CHECK(index.repairs() == (holds_data(name) ? 1 : 0));
            for (std::size_t i = 0; i < queries.size(); ++i) CHECK(places(index.search(queries[i], {})) == before[i]);
            CHECK(index.repairs() <= 1);
        }
    }
    // Damage that Xapian reads without complaint, the record of the files
    // brought in line with it: documents whose records cannot be read, or say
    // their turns hold more words than the text has. Found while searching,
    // the index built anew, the search run again.
    for (const std::string& record : {std::string("\x01\xff", 2), std::string("\x01\x01\x01\x00\x7f\x00\x00\x01\x7f", 9)}) {
        restore(pristine, index_path);
        {
            Xapian::WritableDatabase writer(index_path.string(), Xapian::DB_OPEN);
            for (auto id = writer.postlist_begin(""); id != writer.postlist_end(""); ++id) {
                auto document = writer.get_document(*id);
                document.set_data(record);
                writer.replace_document(*id, document);
            }
            writer.commit();
            record_integrity(index_path);
        }
        auto index = Index::open_for(p.project);
        CHECK(index.repairs() == 0);
        CHECK(places(index.search("rådgiver", {})) == before[0]);
        CHECK(index.repairs() == 1);
        CHECK(places(index.search("\"faglig tryghed\"", {})) == before[1]);
        CHECK(index.repairs() == 1);
    }
}

TEST_CASE("fokus-cli on a damaged index: exit 0, says it was rebuilt, the same hits") {
    testing::ScratchDir dir;
    const auto path = dir / "fokusgrupper.fokus";
    { DanishProject made(path); }
    const auto index_path = fs::path(path.string() + ".index");
    auto first = run_cli(dir, {"search", path.string(), "rådgiver", "--json"});
    REQUIRE(first.exit_code == 0);
    const auto before = places(first.out);
    REQUIRE(before.size() == 8);
    const auto pristine = dir / "pristine.index";
    fs::copy(index_path, pristine);
    for (const auto& name : files_of(pristine)) {
        for (const auto& damage : {damages[0], damages[1], damages[2]}) {
            CAPTURE(name);
            CAPTURE(damage.seed);
            restore(pristine, index_path);
            scribble(index_path / name, damage.seed, damage.offset, damage.count);
            auto found = run_cli(dir, {"search", path.string(), "rådgiver", "--json"});
            CHECK(found.exit_code == 0);
            if (holds_data(name)) {
                CHECK(found.err == "The search index was damaged and has been rebuilt from the project.\n");
            } else {
                CHECK(found.err.empty());
            }
            CHECK(places(found.out) == before);
            auto again = run_cli(dir, {"search", path.string(), "rådgiver", "--json"});
            CHECK(again.err.empty());
        }
    }
    // No record at all, as an earlier version left the index: built anew, not called damaged.
    fs::remove(index_path / integrity_file);
    auto found = run_cli(dir, {"search", path.string(), "rådgiver", "--json"});
    CHECK(found.exit_code == 0);
    CHECK(found.err == "The search index was built anew from the project.\n");
    CHECK(places(found.out) == before);
    CHECK(fs::exists(index_path / integrity_file));
}

TEST_CASE("while another program writes the index, it is not taken for damaged, and a search that must write it is refused as in use") {
    testing::ScratchDir dir;
    const auto path = dir / "fokusgrupper.fokus";
    { DanishProject made(path); }
    const auto index_path = fs::path(path.string() + ".index");
    REQUIRE(run_cli(dir, {"search", path.string(), "rådgiver"}).exit_code == 0);
    {
        // Another program at work: its files no longer match the record,
        // which it writes only once it has committed.
        Xapian::WritableDatabase writer(index_path.string(), Xapian::DB_OPEN);
        Xapian::Document half_written;
        half_written.add_term("Ehalvskrevet");
        writer.add_document(half_written);
        writer.commit();
        auto read = run_cli(dir, {"search", path.string(), "rådgiver", "--json"});
        CHECK(read.exit_code == 0);
        CHECK(read.err.empty());
        CHECK(places(read.out).size() == 8);
        {
            auto project = Project::open(path, Project::Access::ReadOnly);
            auto index = Index::open_for(project);
            CHECK(index.repairs() == 0);
            CHECK_FALSE(index.rebuilt());
        }
        // The project has changed since: the search must bring the index up to date, and cannot.
        {
            auto project = Project::open(path);
            DocumentStore(project).add(testing::transcript("Kommune D, ledere", {{"Afdelingsleder", "Vi mangler rådgivere."}}));
        }
        auto refused = run_cli(dir, {"search", path.string(), "rådgiver"});
        CHECK(refused.exit_code == 3);
        CHECK(refused.err.find(index_path.string()) != std::string::npos);
        CHECK(refused.err.find("being updated by another program") != std::string::npos);
        CHECK(refused.out.empty());
        writer.close();
    }
    // Let go of without recording its files: now that no one writes, the
    // difference is damage, and the index is built anew.
    auto after = run_cli(dir, {"search", path.string(), "rådgiver", "--json"});
    CHECK(after.exit_code == 0);
    CHECK(after.err == "The search index was damaged and has been rebuilt from the project.\n");
    CHECK(places(after.out).size() == 9);
}
