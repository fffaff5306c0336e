// The hub's figures on a real PostgreSQL server (started in a temporary
// folder, as in the tests): the time for a new member to join a project of a
// million words with 20,000 codings, from the snapshot and by replaying the
// log, and sync throughput, actions pushed and pulled per second into that
// project.
//   fokus-bench-hub [--words N] [--actions N]
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "bench/synthetic_corpus.h"
#include "bench/timing.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/sync.h"
#include "hub/hub.h"
#include "tests/hub/postgres_server.h"
#include "tests/scratch.h"

using namespace fokus;

int main(int argc, char** argv) {
    std::cout << std::unitbuf;
    std::int64_t words = 1'000'000;
    int actions = 2'000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--words") words = std::atoll(argv[i + 1]);
        if (option == "--actions") actions = std::atoi(argv[i + 1]);
    }
    testing::PostgresServer server;
    testing::ScratchDir dir;
    {
        hub::Connection admin(server.conninfo());
        admin.exec("CREATE ROLE lead LOGIN; CREATE ROLE coder LOGIN; CREATE ROLE late LOGIN; CREATE ROLE replay LOGIN;");
    }
    hub::set_up(server.conninfo());

    // 20,000 codings in a million words: one per 50 words.
    bench::CorpusSize size;
    size.words = words;
    size.words_per_coding = words / 20'000;
    auto lead = Project::create(dir / "studie.fokus");
    lead.set_coder("Lene Ærø");
    bench::CorpusStats stats;
    const double fill = bench::milliseconds_of([&] { stats = bench::fill_project(lead, size); });
    std::cout << "Project: " << stats.documents << " documents, " << stats.words << " words, " << stats.codings << " codings ("
              << fill / 1000 << " s to make)\n";

    std::vector<Id> codes;
    for (const auto& code : CodeStore(lead).all()) {
        if (code.codable) codes.push_back(code.id);
    }
    const auto documents = DocumentStore(lead).all();
    std::mt19937 random(2026);
    // One action per coding, as a coder codes.
    const auto make_codings = [&](int count) {
        for (int i = 0; i < count; ++i) {
            const auto& document = documents[static_cast<std::size_t>(i) % documents.size()];
            const auto start = std::uniform_int_distribution<std::int64_t>(0, document.length - 200)(random);
            try {
                CodingStore(lead).add(document.id, codes[static_cast<std::size_t>(i) % codes.size()], Span{start, start + 120});
            } catch (const InputError&) {
                --i;  // the same span and code again: draw another
            }
        }
    };
    // As many as below, so that both run with as long an undo history.
    const double unsynced = bench::milliseconds_of([&] { make_codings(actions); });
    std::cout << "Baseline: " << actions << " codings in the project before it is published (nothing recorded for a hub): "
              << unsynced / actions << " ms each\n";
    const double publish = bench::milliseconds_of([&] { hub::publish(server.conninfo("lead"), lead, "Studie"); });
    std::cout << "Publish (snapshot of " << std::filesystem::file_size(dir / "studie.fokus") / 1'000'000 << " MB file): " << publish / 1000
              << " s\n";
    hub::add_member(lead, "coder", "Bo Ågård", "coder");
    hub::add_member(lead, "late", "Åse Sen", "coder");
    hub::add_member(lead, "replay", "Ib Igen", "coder");
    const double join = bench::milliseconds_of([&] { hub::join(server.conninfo("coder"), "Studie", dir / "bo.fokus"); });
    std::cout << "Join from the snapshot (" << stats.codings << " codings in it): " << join / 1000 << " s\n";

    // Push: the lead codes, one action per coding, offline; then one sync sends them all.
    const double coding_time = bench::milliseconds_of([&] { make_codings(actions); });
    std::cout << actions << " codings, one action each, made in the synced copy (each recorded for the hub): " << coding_time / actions << " ms each\n";
    hub::SyncReport pushed;
    const double push = bench::milliseconds_of([&] { pushed = hub::sync(lead); });
    std::cout << "Push: " << pushed.pushed << " actions in " << push / 1000 << " s = " << pushed.pushed / (push / 1000) << " actions/s\n";

    auto bo = Project::open(dir / "bo.fokus");
    hub::SyncReport pulled;
    const double pull = bench::milliseconds_of([&] { pulled = hub::sync(bo); });
    std::cout << "Pull into the " << stats.words << "-word copy: " << pulled.pulled << " actions in " << pull / 1000 << " s = "
              << pulled.pulled / (pull / 1000) << " actions/s\n";

    const double late = bench::milliseconds_of([&] { hub::join(server.conninfo("late"), "Studie", dir / "aase.fokus"); });
    std::cout << "Join from the snapshot, then replay " << actions << " actions: " << late / 1000 << " s\n";
    const double compact = bench::milliseconds_of([&] { hub::compact(lead); });
    const double after = bench::milliseconds_of([&] { hub::join(server.conninfo("replay"), "Studie", dir / "ib.fokus"); });
    std::cout << "Compact (new snapshot): " << compact / 1000 << " s; join after it (" << stats.codings + actions
              << " codings, nothing to replay): " << after / 1000 << " s\n";
    return 0;
}
