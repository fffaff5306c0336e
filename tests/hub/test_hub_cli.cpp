// fokus-cli hub and sync, as a team would run them, against a real server.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codings.h"
#include "coding/project.h"
#include "fixtures.h"
#include "hub/connection.h"
#include "postgres_server.h"
#include "project_by_guid.h"
#include "scratch.h"

using namespace fokus;
using testing::run_cli;

TEST_CASE("a lead publishes with fokus-cli, a coder joins, both sync, and a rename race is listed") {
    testing::PostgresServer server;
    testing::ScratchDir dir;
    {
        hub::Connection admin(server.conninfo());
        admin.exec("CREATE ROLE lene LOGIN; CREATE ROLE aase LOGIN;");
    }
    const auto lead = (dir / "studie.fokus").string();
    const auto copy = (dir / "aase.fokus").string();
    {
        auto project = Project::create(lead);
        project.set_coder("Lene Ærø");
        testing::add_focus_group(project);
    }
    CHECK(run_cli(dir, {"hub", "setup", server.conninfo()}).exit_code == 0);
    auto published = run_cli(dir, {"--coder", "Lene Ærø", "hub", "init", server.conninfo("lene"), "--from", lead, "--name", "Rådgivere"});
    CHECK(published.exit_code == 0);
    CHECK(published.out.find("with Lene Ærø as lead") != std::string::npos);
    CHECK(run_cli(dir, {"hub", "add-member", lead, "aase", "Åse Øst", "--role", "lead"}).exit_code == 0);
    const auto joined = run_cli(dir, {"hub", "join", server.conninfo("aase"), "Rådgivere", copy, "--coder", "Åse Øst"});
    CHECK(joined.exit_code == 0);
    CHECK(joined.out == "Joined \"Rådgivere\" as Åse Øst in " + copy + " (up to hub action 0)\n");

    CHECK(run_cli(dir, {"code", copy, "Fokusgruppe Kommune B", "Motivation", "--text", "Det er kollegerne"}).exit_code == 0);
    CHECK(run_cli(dir, {"codes", lead, "rename", "Motivation", "Drivkraft"}).exit_code == 0);
    CHECK(run_cli(dir, {"codes", copy, "rename", "Motivation", "Lyst"}).exit_code == 0);
    const auto waiting = run_cli(dir, {"hub", "status", copy, "--json"});
    REQUIRE(waiting.exit_code == 0);
    const auto status = nlohmann::json::parse(waiting.out);
    CHECK(status["waiting_here"] == 2);
    CHECK(status["coder"] == "Åse Øst");
    CHECK(status["reachable"] == true);

    CHECK(run_cli(dir, {"sync", lead}).out == "Sent 1, received 0 actions\n");
    const auto second = run_cli(dir, {"sync", copy});
    CHECK(second.out == "Sent 2, received 1 action\n1 conflict to look at: fokus-cli hub conflicts " + copy + "\n");
    CHECK(run_cli(dir, {"sync", lead}).exit_code == 0);
    {
        auto a = Project::open(lead, Project::Access::ReadOnly);
        auto b = Project::open(copy, Project::Access::ReadOnly);
        CHECK(testing::project_by_guid(a) == testing::project_by_guid(b));
        CHECK(CodingStore(a).list().front().coder_name == "Åse Øst");
    }
    const auto listed = nlohmann::json::parse(run_cli(dir, {"hub", "conflicts", lead, "--json"}).out);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["field"] == "name");
    CHECK(listed[0]["lost_value"] == "Drivkraft");
    CHECK(listed[0]["lost_by"] == "Lene Ærø");
    CHECK(listed[0]["kept_value"] == "Lyst");
    CHECK(listed[0]["kept_by"] == "Åse Øst");
    CHECK(run_cli(dir, {"hub", "conflicts", lead, "--revert", listed[0]["id"].dump()}).exit_code == 0);
    CHECK(run_cli(dir, {"sync", lead}).exit_code == 0);
    CHECK(run_cli(dir, {"sync", copy}).exit_code == 0);
    CHECK(run_cli(dir, {"codes", copy}).out.find("Drivkraft") != std::string::npos);

    server.stop();
    const auto offline = run_cli(dir, {"sync", copy});
    CHECK(offline.exit_code == 7);
    CHECK(offline.err.find("cannot be reached") != std::string::npos);
    CHECK(run_cli(dir, {"hub", "status", copy}).out.find("Offline: ") != std::string::npos);
}
