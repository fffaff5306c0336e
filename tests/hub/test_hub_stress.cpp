// Five coders, as five processes, code, memo, quote and edit the codebook at
// random, syncing at random moments, while their connections are cut mid-sync
// and the server is restarted twice. At the end every copy and a fresh join
// hold the same project, nothing is lost or applied twice, and every
// same-field conflict in the hub's log is listed.
// FOKUS_HUB_STRESS_ACTIONS sets the actions per coder (CI: 60; the full run: 500).
#include <doctest/doctest.h>

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/identity.h"
#include "coding/memos.h"
#include "coding/quote_sets.h"
#include "coding/sqlite.h"
#include "coding/sync.h"
#include "fixtures.h"
#include "hub/hub.h"
#include "postgres_server.h"
#include "project_by_guid.h"
#include "scratch.h"

using namespace fokus;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int coders = 5;
const char* project_name = "Stress på rådgiverne";

int actions_per_coder() {
    const char* given = std::getenv("FOKUS_HUB_STRESS_ACTIONS");
    return given ? std::max(1, std::atoi(given)) : 60;
}

struct Member {
    std::string db_role;
    std::string coder;
    bool lead = false;
    fs::path copy;
    fs::path made;  // what the coder made and removed, one "kind guid" a line
};

template <class T>
const T& pick(std::mt19937& random, const std::vector<T>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
}

// One coder's session: random actions, a sync now and then, offline when the hub is not there.
void work(const Member& member, int actions, unsigned seed, std::atomic<int>* progress) {
    auto project = Project::open(member.copy);
    project.set_coder(member.coder);
    std::ofstream made(member.made);
    std::mt19937 random(seed);
    std::vector<Id> documents;
    for (const auto& document : DocumentStore(project).all()) documents.push_back(document.id);
    std::vector<Id> codes;
    for (const auto& code : CodeStore(project).all()) {
        if (code.codable) codes.push_back(code.id);
    }
    const Id quote_set = QuoteSetStore(project).create("Citater fra " + member.coder);
    made << "quote_set " << QuoteSetStore(project).get(quote_set).guid << '\n';
    std::vector<Id> my_codings, my_memos;
    int quotes = 0;
    const std::vector<std::string> words{"tryghed", "sparring", "arbejdspres", "børn", "ledelse", "faglighed", "søvn", "ærgrelse"};
    for (int done = 0; done < actions; ++done) {
        const int kind = std::uniform_int_distribution<int>(0, member.lead ? 11 : 8)(random);
        const Id document = pick(random, documents);
        const auto length = static_cast<std::int64_t>(DocumentStore(project).get(document).length);
        const auto start = std::uniform_int_distribution<std::int64_t>(0, length - 2)(random);
        const auto end = std::min(length, start + std::uniform_int_distribution<std::int64_t>(1, 60)(random));
        try {
            if (kind <= 2) {
                const Id coding = CodingStore(project).add(document, pick(random, codes), Span{start, end}, pick(random, words));
                my_codings.push_back(coding);
                made << "coding " << CodingStore(project).get(coding).guid << '\n';
            } else if (kind == 3 && !my_codings.empty()) {
                const auto at = std::uniform_int_distribution<std::size_t>(0, my_codings.size() - 1)(random);
                made << "removed " << CodingStore(project).get(my_codings[at]).guid << '\n';
                CodingStore(project).remove(my_codings[at]);
                my_codings.erase(my_codings.begin() + static_cast<std::ptrdiff_t>(at));
            } else if (kind == 4 && !my_codings.empty()) {
                CodingStore(project).set_comment(pick(random, my_codings), "kommentar: " + pick(random, words));
            } else if (kind == 5) {
                const Id memo = MemoStore(project).add({MemoTarget::Kind::Document, document}, "Note " + std::to_string(done),
                                                       member.coder + " om " + pick(random, words));
                my_memos.push_back(memo);
                made << "memo " << MemoStore(project).get(memo).guid << '\n';
            } else if (kind == 6 && !my_memos.empty()) {
                MemoStore(project).edit(pick(random, my_memos), "Note", "rettet: " + pick(random, words));
            } else if (kind <= 8) {
                QuoteSetStore(project).add_span(quote_set, document, Span{start, end});
                ++quotes;
            } else if (kind == 9) {
                CodeStore(project).define(pick(random, codes), member.coder + " definerer: " + pick(random, words));
            } else if (kind == 10) {
                CodeStore(project).recolour(pick(random, codes), pick(random, std::vector<std::string>{"#aa0000", "#00aa00", "#0000aa", "#c0ffee"}));
            } else {
                DocumentStore(project).set_attribute(document, "fase", pick(random, words));
            }
        } catch (const InputError&) {
            // A coding that is already there, an unchanged value: nothing was done.
        }
        progress->fetch_add(1);
        // A moment of thought between actions, so that the five sessions overlap.
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 1500)(random)));
        if (std::uniform_int_distribution<int>(0, 7)(random) == 0) {
            try {
                hub::sync(project);
            } catch (const hub::HubError&) {
                // Offline, or cut off mid-sync: keep working, sync later.
            }
        }
    }
    made << "quotes " << quotes << '\n';
    made.close();
}

std::map<std::string, std::vector<std::string>> read_made(const fs::path& path) {
    std::map<std::string, std::vector<std::string>> made;
    std::ifstream in(path);
    std::string kind, value;
    while (in >> kind >> value) made[kind].push_back(value);
    return made;
}

void sync_until_done(Project& copy) {
    for (int attempt = 0;; ++attempt) {
        try {
            hub::sync(copy);
            return;
        } catch (const hub::HubError&) {
            if (attempt == 50) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}

// Same-field conflicts found from the hub's log alone: a write whose author had
// not seen the value it overwrites (its old value differs from the previous write).
struct LoggedConflict {
    std::string listed_as;  // as conflicts_listed() writes it
    std::set<std::string> rewritten_by;  // who wrote the field again later
};

std::vector<LoggedConflict> conflicts_in_log(testing::PostgresServer& server) {
    static const std::set<std::string> bookkeeping{"coder_id", "modified_at", "created_at"};
    static const std::set<std::string> by_natural_key{"document_attributes", "condensations"};
    hub::Connection admin(server.conninfo());
    const auto log = admin.run("SELECT body FROM fokus_hub.actions ORDER BY seq");
    std::map<std::string, json> last;  // "table key field" → the latest value
    std::vector<LoggedConflict> expected;
    std::map<std::string, std::vector<std::size_t>> open_by_field;  // conflicts whose loser may write again
    for (int row = 0; row < log.rows(); ++row) {
        const auto action = json::parse(log.text(row, 0));
        const auto coder = action["coder"].get<std::string>();
        for (const auto& op : action["ops"]) {
            const std::string entity = op["t"].get<std::string>() + " " + op["k"].dump();
            if (op["op"] == "d") continue;
            const bool checked = op["op"] == "u" || by_natural_key.count(op["t"].get<std::string>());
            for (const auto& [field, value] : op["v"].items()) {
                const auto id = entity + " " + field;
                for (const auto index : open_by_field[id]) expected[index].rewritten_by.insert(coder);
                const auto previous = last.find(id);
                if (checked && !bookkeeping.count(field) && previous != last.end() && previous->second != value) {
                    // An old text travels as its SHA-256 (of its JSON), other old values as they are.
                    const auto old_as_sent = previous->second.is_string() ? json{{"sha256", sha256_hex(previous->second.dump())}} : previous->second;
                    const bool saw_it = op.contains("o") && op["o"].contains(field) && op["o"][field] == old_as_sent;
                    if (!saw_it) {
                        open_by_field[id].push_back(expected.size());
                        expected.push_back({id + " lost " + previous->second.dump(), {}});
                    }
                }
                last[id] = value;
            }
        }
    }
    if (std::getenv("FOKUS_HUB_STRESS_DUMP")) {
        std::ofstream dump(std::getenv("FOKUS_HUB_STRESS_DUMP"));
        for (int row = 0; row < log.rows(); ++row) dump << log.text(row, 0) << '\n';
    }
    return expected;
}

std::set<std::string> conflicts_listed(Project& copy) {
    std::set<std::string> listed;
    for (const auto& conflict : sync::conflicts(copy)) {
        if (conflict.kind == "overwritten") {
            listed.insert(conflict.entity_type + " " + conflict.entity + " " + conflict.field + " lost " + conflict.lost_value.value_or(""));
        }
    }
    return listed;
}

}  // namespace

TEST_CASE("five coders in five processes stay in sync through cuts and restarts") {
    const int actions = actions_per_coder();
    testing::PostgresServer server;
    testing::ScratchDir dir;
    std::vector<Member> members;
    for (int n = 1; n <= coders; ++n) {
        const std::vector<std::string> names{"Åse Ærø", "Bjørn Øst", "Cæcilie Å", "Dorte Bæk", "Else Sø"};
        members.push_back({"stress" + std::to_string(n), names[static_cast<std::size_t>(n - 1)], n <= 2,
                           dir / ("kopi" + std::to_string(n) + ".fokus"), dir / ("lavet" + std::to_string(n) + ".txt")});
    }
    {
        hub::Connection admin(server.conninfo());
        for (int n = 1; n <= coders + 1; ++n) admin.exec("CREATE ROLE stress" + std::to_string(n) + " LOGIN");
        hub::set_up(server.conninfo());
        auto project = Project::create(members[0].copy);
        project.set_coder(members[0].coder);
        testing::add_focus_group(project, "Fokusgruppe Kommune A", "Kommune A");
        testing::add_focus_group(project, "Fokusgruppe Kommune Æ", "Kommune Æ");
        testing::add_focus_group(project, "Fokusgruppe Kommune Ø", "Kommune Ø");
        hub::publish(server.conninfo(members[0].db_role), project, project_name);
        for (int n = 1; n < coders; ++n) {
            const auto& member = members[static_cast<std::size_t>(n)];
            hub::add_member(project, member.db_role, member.coder, member.lead ? "lead" : "coder");
        }
        hub::add_member(project, "stress6", "Frede Nyhed", "coder");
    }
    for (int n = 1; n < coders; ++n) {
        hub::join(server.conninfo(members[static_cast<std::size_t>(n)].db_role), project_name, members[static_cast<std::size_t>(n)].copy);
    }

    auto* progress = static_cast<std::atomic<int>*>(
        ::mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    REQUIRE(progress != MAP_FAILED);
    new (progress) std::atomic<int>(0);
    std::vector<pid_t> children;
    for (int n = 0; n < coders; ++n) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            int status = 0;
            try {
                work(members[static_cast<std::size_t>(n)], actions, 1000u + static_cast<unsigned>(n), progress);
            } catch (const std::exception& error) {
                std::ofstream(dir / ("fejl" + std::to_string(n) + ".txt")) << error.what() << '\n';
                status = 1;
            }
            ::_exit(status);
        }
        children.push_back(child);
    }

    // Meanwhile: connections cut at random moments, and two restarts.
    std::mt19937 random(7);
    int restarts = 0;
    int cuts = 0;
    const int total = coders * actions;
    const auto all_done = [&] {
        for (auto& child : children) {
            if (child == 0) continue;
            int status = 0;
            if (::waitpid(child, &status, WNOHANG) == child) {
                CHECK_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0), "a coder's process failed; see fejl*.txt");
                child = 0;
            }
        }
        return std::all_of(children.begin(), children.end(), [](pid_t child) { return child == 0; });
    };
    while (!all_done()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 40)(random)));
        if (restarts < 2 && progress->load() >= total * (restarts + 1) / 3) {
            server.restart(restarts == 0 ? "fast" : "immediate");
            ++restarts;
            continue;
        }
        try {
            hub::Connection admin(server.conninfo());
            cuts += static_cast<int>(admin.run("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                               "WHERE usename LIKE 'stress%') AS cut").int64(0, 0));
        } catch (const hub::HubError&) {
        }
    }
    while (restarts < 2) {
        server.restart();
        ++restarts;
    }
    MESSAGE(cuts << " connections cut, " << restarts << " restarts, " << total << " actions");
    for (int n = 0; n < coders; ++n) CHECK_FALSE(fs::exists(dir / ("fejl" + std::to_string(n) + ".txt")));

    // Everyone syncs once more, twice round, and a newcomer joins.
    std::vector<Project> copies;
    for (const auto& member : members) copies.push_back(Project::open(member.copy));
    for (int round = 0; round < 2; ++round) {
        for (auto& copy : copies) sync_until_done(copy);
    }
    hub::join(server.conninfo("stress6"), project_name, dir / "ny.fokus");
    copies.push_back(Project::open(dir / "ny.fokus"));

    hub::Connection admin(server.conninfo());
    const auto on_hub = admin.run("SELECT count(*), count(DISTINCT guid), max(seq) FROM fokus_hub.actions");
    const auto logged = on_hub.int64(0, 0);
    CHECK(on_hub.int64(0, 1) == logged);
    const auto reference = testing::project_by_guid(copies.back());
    std::int64_t made_here = 0;
    for (std::size_t n = 0; n < copies.size(); ++n) {
        CAPTURE(n);
        CHECK(testing::project_by_guid(copies[n]) == reference);
        CHECK(sync::waiting_count(copies[n]) == 0);
        CHECK(sync::hub_link(copies[n])->applied_seq == on_hub.int64(0, 2));
        if (n < members.size()) made_here += static_cast<std::int64_t>(copies[n].db().scalar_int("SELECT count(*) FROM sync_actions WHERE own = 1"));
        CHECK(copies[n].db().scalar_int("SELECT count(*) FROM sync_actions") == logged);
    }
    // Every action any copy made is on the hub exactly once (and none was refused).
    CHECK(made_here == logged);

    // Nothing lost: every coding, memo and quote made is there, less those removed by their coder.
    auto& fresh = copies.back();
    std::set<std::string> codings_there, memos_there;
    for (const auto& coding : CodingStore(fresh).list()) codings_there.insert(coding.guid);
    for (const auto& memo : MemoStore(fresh).list()) memos_there.insert(memo.guid);
    std::size_t codings_expected = 0, memos_expected = 0;
    for (const auto& member : members) {
        auto made = read_made(member.made);
        const std::set<std::string> removed(made["removed"].begin(), made["removed"].end());
        for (const auto& guid : made["coding"]) {
            if (removed.count(guid)) continue;
            ++codings_expected;
            CHECK_MESSAGE(codings_there.count(guid), "coding " << guid << " of " << member.coder << " is missing");
        }
        for (const auto& guid : made["memo"]) {
            ++memos_expected;
            CHECK_MESSAGE(memos_there.count(guid), "memo " << guid << " of " << member.coder << " is missing");
        }
        const auto set = QuoteSetStore(fresh).resolve("Citater fra " + member.coder);
        CHECK(static_cast<int>(QuoteSetStore(fresh).quotes(set.id).size()) == std::stoi(made["quotes"].at(0)));
    }
    CHECK(codings_there.size() == codings_expected);
    CHECK(memos_there.size() == memos_expected);

    // Every same-field conflict in the log is listed: in a copy made from the
    // log alone, and in every copy whose own coder did not write the field
    // again afterwards (such a write can settle the field before the copy
    // sees the earlier ones, and then nothing was lost there).
    const auto expected = conflicts_in_log(server);
    MESSAGE(expected.size() << " same-field conflicts in the log");
    for (std::size_t n = 0; n < copies.size(); ++n) {
        const auto listed = conflicts_listed(copies[n]);
        const auto coder = n < members.size() ? members[n].coder : std::string("Frede Nyhed");
        for (const auto& conflict : expected) {
            if (conflict.rewritten_by.count(coder)) continue;
            CHECK_MESSAGE(listed.count(conflict.listed_as), conflict.listed_as << " is not listed in " << copies[n].path());
        }
    }
    ::munmap(progress, sizeof(std::atomic<int>));
}
