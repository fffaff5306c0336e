// Kills fokus-cli with SIGKILL at random moments while it imports the sample
// corpus, codes many search hits, merges another coder's project and imports
// a REFI-QDA project, then checks that the project
// is sound (integrity, foreign keys), that every action is wholly there or
// wholly absent, and that the search index agrees with the project.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "scratch.h"
#include "search/index.h"

using namespace fokus;
namespace fs = std::filesystem;

namespace {

const fs::path corpus = fs::path(FOKUS_SOURCE_DIR) / "sample-transcripts";

// Runs fokus-cli and kills it after `after`; returns whether it had finished by itself.
bool run_and_kill(const std::vector<std::string>& arguments, std::chrono::microseconds after) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::vector<char*> argv{const_cast<char*>(FOKUS_CLI)};
        for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        setenv("FOKUS_CODER", "Testkoder", 1);
        execv(FOKUS_CLI, argv.data());
        _exit(127);
    }
    std::this_thread::sleep_for(after);
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) return true;
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    return false;
}

void check_sound(Project& project) {
    auto integrity = project.db().prepare("PRAGMA integrity_check");
    REQUIRE(integrity.step());
    CHECK(integrity.text(0) == "ok");
    auto foreign_keys = project.db().prepare("PRAGMA foreign_key_check");
    CHECK_FALSE(foreign_keys.step());
}

// Hits of a few queries per document, from the index as it is and from one built anew.
std::map<std::string, std::size_t> hits_by_document(Project& project) {
    auto index = search::Index::open_for(project);
    std::map<std::string, std::size_t> counts;
    for (const char* query : {"sagsbehandler*", "tryg*", "\"faglig sparring\"", "leder"}) {
        for (const auto& [document, n] : index.search(query, {}).per_document) counts[document + " " + query] += static_cast<std::size_t>(n);
    }
    return counts;
}

void check_index_agrees(const fs::path& path) {
    std::map<std::string, std::size_t> followed, rebuilt;
    {
        auto project = Project::open(path, Project::Access::ReadOnly);
        followed = hits_by_document(project);
    }
    fs::remove_all(fs::path(path.string() + ".index"));
    auto project = Project::open(path, Project::Access::ReadOnly);
    rebuilt = hits_by_document(project);
    CHECK(followed == rebuilt);
}

}  // namespace

TEST_CASE("import killed at random moments leaves each transcript wholly imported or absent") {
    testing::ScratchDir dir;
    std::mt19937 random(20261122);
    int finished = 0;
    for (int run = 0; run < 30; ++run) {
        const auto path = dir / ("import-" + std::to_string(run) + ".fokus");
        { Project::create(path); }
        finished += run_and_kill({"import", path.string(), corpus.string(), "--manifest", (corpus / "manifest.csv").string(),
                                  "--participants", (corpus / "participants.csv").string()},
                                 std::chrono::microseconds(random() % 350'000));
        auto project = Project::open(path);
        check_sound(project);
        DocumentStore documents(project);
        const auto all = documents.all();
        CHECK(all.size() <= 13);
        for (const auto& document : all) {
            // Whole: the text, its turns and speakers, and its attributes from the manifest.
            CHECK(!documents.text(document.id).empty());
            CHECK(!documents.turns(document.id).empty());
            CHECK(documents.attributes(document.id).count("municipality") == 1);
        }
        // Each document arrived in its own step, so the history holds one per document.
        CHECK(History(project).steps(100).size() == all.size());
    }
    MESSAGE(finished << " of 30 imports finished before the kill");
    CHECK(finished < 30);
}

TEST_CASE("coding many search hits killed at random moments codes all of them or none, and the index agrees") {
    testing::ScratchDir dir;
    const auto original = dir / "kodet.fokus";
    std::size_t all_hits = 0;
    { Project::create(original); }
    REQUIRE(std::system((std::string(FOKUS_CLI) + " import '" + original.string() + "' '" + corpus.string() + "' >/dev/null 2>&1").c_str()) == 0);
    // What a whole run codes.
    const auto whole = dir / "helt.fokus";
    fs::copy_file(original, whole);
    REQUIRE(std::system((std::string(FOKUS_CLI) + " code-hits '" + whole.string() + "' 'sagsbehandler* OR tryg* OR leder*' Motivation --level sentence >/dev/null 2>&1").c_str()) == 0);
    {
        auto project = Project::open(whole, Project::Access::ReadOnly);
        all_hits = CodingStore(project).list().size();
        REQUIRE(all_hits > 50);
    }
    std::mt19937 random(7);
    int finished = 0;
    for (int run = 0; run < 20; ++run) {
        const auto path = dir / ("hits-" + std::to_string(run) + ".fokus");
        fs::copy_file(original, path);
        finished += run_and_kill({"code-hits", path.string(), "sagsbehandler* OR tryg* OR leder*", "Motivation", "--level", "sentence"},
                                 std::chrono::microseconds(random() % 700'000));
        {
            auto project = Project::open(path);
            check_sound(project);
            const auto coded = CodingStore(project).list().size();
            CHECK_MESSAGE((coded == 0 || coded == all_hits), "run ", run, ": ", coded, " of ", all_hits, " codings");
        }
        check_index_agrees(path);
    }
    MESSAGE(finished << " of 20 codings of hits finished before the kill");
    CHECK(finished < 20);
}

TEST_CASE("a merge and a REFI-QDA import killed at random moments add everything or nothing") {
    testing::ScratchDir dir;
    const auto original = dir / "åse.fokus";
    { Project::create(original); }
    REQUIRE(std::system((std::string(FOKUS_CLI) + " import '" + original.string() + "' '" + corpus.string() + "' >/dev/null 2>&1").c_str()) == 0);
    // Bjørn's copy, coded from a search, and the same as a .qdpx.
    const auto other = dir / "bjørn.fokus";
    fs::copy_file(original, other);
    REQUIRE(std::system((std::string(FOKUS_CLI) + " --coder Bjørn code-hits '" + other.string() +
                         "' 'sagsbehandler* OR tryg* OR leder*' Motivation --level sentence >/dev/null 2>&1").c_str()) == 0);
    const auto qdpx = dir / "bjørn.qdpx";
    REQUIRE(std::system((std::string(FOKUS_CLI) + " export-qdpx '" + other.string() + "' '" + qdpx.string() + "' >/dev/null 2>&1").c_str()) == 0);
    std::size_t theirs = 0;
    {
        auto project = Project::open(other, Project::Access::ReadOnly);
        theirs = CodingStore(project).list().size();
        REQUIRE(theirs > 50);
    }
    std::mt19937 random(2026);
    int finished = 0;
    for (int run = 0; run < 24; ++run) {
        const bool refi = run % 2 == 1;
        const auto path = dir / ("flettet-" + std::to_string(run) + ".fokus");
        fs::copy_file(original, path);
        finished += run_and_kill({refi ? "import-qdpx" : "merge", path.string(), (refi ? qdpx : other).string()},
                                 std::chrono::microseconds(random() % 150'000));
        {
            auto project = Project::open(path);
            check_sound(project);
            const auto coded = CodingStore(project).list().size();
            CHECK_MESSAGE((coded == 0 || coded == theirs), "run ", run, ": ", coded, " of ", theirs, " codings");
            CHECK(DocumentStore(project).all().size() == 13);
        }
        check_index_agrees(path);
    }
    // Into a new project: the file is there whole, or not at all.
    for (int run = 0; run < 6; ++run) {
        const auto path = dir / ("ny-" + std::to_string(run) + ".fokus");
        finished += run_and_kill({"import-qdpx", path.string(), qdpx.string()}, std::chrono::microseconds(random() % 150'000));
        if (!fs::exists(path)) continue;
        auto project = Project::open(path, Project::Access::ReadOnly);
        check_sound(project);
        CHECK(CodingStore(project).list().size() == theirs);
        CHECK(DocumentStore(project).all().size() == 13);
    }
    MESSAGE(finished << " of 30 merges and imports finished before the kill");
    CHECK(finished < 30);
}
