// The hub against a real PostgreSQL server: publishing, joining, syncing, and
// roles enforced by the server itself.
#include <doctest/doctest.h>

#include <libpq-fe.h>

#include <nlohmann/json.hpp>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/sync.h"
#include "fixtures.h"
#include "hub/hub.h"
#include "postgres_server.h"
#include "project_by_guid.h"
#include "scratch.h"

using namespace fokus;

namespace {

// A lead's published project and a coder's joined copy, on one server.
struct Team {
    testing::PostgresServer server;
    testing::ScratchDir dir;
    Project lead = Project::create(dir / "studie.fokus");
    std::optional<Project> coder;

    Team() {
        hub::Connection admin(server.conninfo());
        admin.exec("CREATE ROLE lene LOGIN; CREATE ROLE bo LOGIN;");
        hub::set_up(server.conninfo());
        lead.set_coder("Lene Ærø");
        testing::add_focus_group(lead);
        hub::publish(server.conninfo("lene"), lead, "Rådgivere 2026");
        hub::add_member(lead, "bo", "Bo Ågård", "coder");
        hub::join(server.conninfo("bo"), "Rådgivere 2026", dir / "bo.fokus");
        coder.emplace(Project::open(dir / "bo.fokus"));
        coder->set_coder("whoever runs it");
    }
};

std::int64_t count_on_hub(testing::PostgresServer& server, const std::string& where) {
    hub::Connection admin(server.conninfo());
    return admin.run("SELECT count(*) FROM fokus_hub.actions WHERE " + where).int64(0, 0);
}

}  // namespace

TEST_CASE("a lead publishes, a coder joins, and their work meets through the hub") {
    Team team;
    CHECK(team.coder->coder_name() == "Bo Ågård");
    CHECK(testing::project_by_guid(team.lead) == testing::project_by_guid(*team.coder));
    const Id document = DocumentStore(*team.coder).all().front().id;
    const Id coding = CodingStore(*team.coder).add(document, CodeStore(*team.coder).resolve("Motivation").id,
                                                   testing::span_of(testing::focus_group_text, "Det er kollegerne"));
    MemoStore(*team.coder).add({MemoTarget::Kind::Coding, coding}, "Kolleger", "Går igen i alle tre kommuner, også i Ærøskøbing.");
    CodeStore(team.lead).define(CodeStore(team.lead).resolve("Motivation").id, "Hvorfor rådgiverne bliver.");

    const auto bo = hub::sync(*team.coder);
    CHECK(bo.pushed == 2);
    CHECK(bo.pulled == 0);
    const auto lene = hub::sync(team.lead);
    CHECK(lene.pushed == 1);
    CHECK(lene.pulled == 2);
    CHECK(hub::sync(*team.coder).pulled == 1);
    CHECK(testing::project_by_guid(team.lead) == testing::project_by_guid(*team.coder));
    CHECK(CodingStore(team.lead).list().front().coder_name == "Bo Ågård");
    CHECK(count_on_hub(team.server, "coder = 'Bo Ågård'") == 2);

    const auto status = hub::status(*team.coder);
    CHECK(status.reachable);
    CHECK(status.waiting_here == 0);
    CHECK(status.waiting_on_hub == 0);
    CHECK(status.latest == 3);
    CHECK(status.members.find("Bo Ågård (coder, online)") != std::string::npos);
    CHECK(status.members.find("Lene Ærø (lead") != std::string::npos);

    // A new member joins later and replays the log on the published snapshot.
    hub::Connection admin(team.server.conninfo());
    admin.exec("CREATE ROLE aase LOGIN");
    hub::add_member(team.lead, "aase", "Åse Øberg", "coder");
    hub::join(team.server.conninfo("aase"), "Rådgivere 2026", team.dir / "aase.fokus");
    auto aase = Project::open(team.dir / "aase.fokus");
    CHECK(testing::project_by_guid(aase) == testing::project_by_guid(team.lead));
    // After compaction, a new member starts from the lead's copy instead.
    CHECK(hub::compact(team.lead) == 3);
    admin.exec("CREATE ROLE ib LOGIN");
    hub::add_member(team.lead, "ib", "Ib", "coder");
    hub::join(team.server.conninfo("ib"), "Rådgivere 2026", team.dir / "ib.fokus");
    auto ib = Project::open(team.dir / "ib.fokus");
    CHECK(sync::hub_link(ib)->applied_seq == 3);
    CHECK(testing::project_by_guid(ib) == testing::project_by_guid(team.lead));
    CHECK_THROWS_AS(History(ib).undo(), InputError);
}

TEST_CASE("the server refuses a codebook change from a coder, whatever the client does") {
    Team team;
    // The client checks nothing: the rename is made locally and sent.
    CodeStore(*team.coder).rename(CodeStore(*team.coder).resolve("Motivation").id, "Bos motivation");
    const Id document = DocumentStore(*team.coder).all().front().id;
    CodingStore(*team.coder).add(document, CodeStore(*team.coder).resolve("Bos motivation").id,
                                 testing::span_of(testing::focus_group_text, "lederen står bag os"));
    const auto report = hub::sync(*team.coder);
    REQUIRE(report.refused.size() == 1);
    CHECK(report.refused[0].find("Bo Ågård is a coder of \"Rådgivere 2026\" and may not change codes") != std::string::npos);
    CHECK(report.pushed == 1);  // the coding still went
    CHECK(count_on_hub(team.server, "label LIKE 'rename%'") == 0);
    CHECK(sync::waiting_count(*team.coder) == 0);
    const auto listed = sync::conflicts(*team.coder);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].kind == "refused");

    // Nor can the coder's role write the log or the tables directly.
    PGconn* raw = PQconnectdb(team.server.conninfo("bo").c_str());
    REQUIRE(PQstatus(raw) == CONNECTION_OK);
    const nlohmann::json forged{{"guid", "4b0a6f0e-8a63-4f7e-9d7e-3c1f5b2a9e11"},
                                {"label", "rename code"},
                                {"coder", "Bo Ågård"},
                                {"ops", {{{"t", "codes"}, {"op", "u"}, {"k", "x"}, {"v", {{"name", "Forfalsket"}}}}}}};
    const std::string body = forged.dump();
    const char* values[] = {"Rådgivere 2026", body.c_str()};
    PGresult* pushed = PQexecParams(raw, "SELECT fokus_hub.push($1, $2)", 2, nullptr, values, nullptr, nullptr, 0);
    CHECK(PQresultStatus(pushed) == PGRES_FATAL_ERROR);
    CHECK(std::string(PQresultErrorField(pushed, PG_DIAG_SQLSTATE)) == "42501");
    PQclear(pushed);
    PGresult* inserted = PQexec(raw, "INSERT INTO fokus_hub.actions(project_id, guid, coder, db_role, label, body) "
                                     "VALUES (1, 'x', 'Bo Ågård', 'bo', 'rename code', '{}')");
    CHECK(PQresultStatus(inserted) == PGRES_FATAL_ERROR);
    CHECK(std::string(PQresultErrorField(inserted, PG_DIAG_SQLSTATE)) == "42501");
    PQclear(inserted);
    // Signing as someone else is refused too.
    const nlohmann::json impostor{{"guid", "0c9d2e44-1f55-4a3b-8c6d-2b7e9f1a0d33"}, {"label", "code"}, {"coder", "Lene Ærø"}, {"ops", nlohmann::json::array()}};
    const std::string impostor_body = impostor.dump();
    const char* impostor_values[] = {"Rådgivere 2026", impostor_body.c_str()};
    PGresult* signed_as_lead = PQexecParams(raw, "SELECT fokus_hub.push($1, $2)", 2, nullptr, impostor_values, nullptr, nullptr, 0);
    CHECK(PQresultStatus(signed_as_lead) == PGRES_FATAL_ERROR);
    PQclear(signed_as_lead);
    PQfinish(raw);
    CHECK(count_on_hub(team.server, "true") == 1);
}

TEST_CASE("no password is kept in the copy, and an unreachable hub is said plainly") {
    testing::PostgresServer server;
    testing::ScratchDir dir;
    auto project = Project::create(dir / "studie.fokus");
    hub::publish(server.conninfo() + " password=hemmeligt connect_timeout=5", project, "Studie");
    const auto link = *sync::hub_link(project);
    CHECK(link.conninfo.find("hemmeligt") == std::string::npos);
    CHECK(link.conninfo.find("connect_timeout='5'") != std::string::npos);
    server.stop();
    const auto status = hub::status(project);
    CHECK_FALSE(status.reachable);
    CHECK(status.problem.find("cannot be reached") != std::string::npos);
    CHECK_THROWS_AS(hub::sync(project), hub::HubError);
    server.start();
    CHECK(hub::sync(project).pushed == 0);
}
