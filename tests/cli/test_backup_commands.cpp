#include <doctest/doctest.h>

#include "cli_runner.h"
#include "scratch.h"

using namespace fokus;
using testing::run_cli;

TEST_CASE("backup, damage, and restore from the command line") {
    testing::ScratchDir dir;
    const auto path = (dir / "sikkerhed.fokus").string();
    REQUIRE(run_cli(dir, {"new", path}).exit_code == 0);
    testing::write_file(dir / "gruppe.txt", "Interviewer: Hvordan går det?\nRådgiver 1: Vi får sparring, og så føler man sig tryg.\n");
    REQUIRE(run_cli(dir, {"import", path, (dir / "gruppe.txt").string()}).exit_code == 0);
    REQUIRE(run_cli(dir, {"code", path, "gruppe", "Faglig tryghed", "--text", "føler man sig tryg"}).exit_code == 0);
    const auto made = run_cli(dir, {"backup", path});
    REQUIRE(made.exit_code == 0);
    CHECK(made.out.find("sikkerhed.fokus.backups/sikkerhed-") != std::string::npos);
    CHECK(run_cli(dir, {"restore", path, "--list"}).out.find("good") != std::string::npos);

    const std::string bytes = testing::read_file(path);
    testing::write_file(path, bytes.substr(0, bytes.size() / 2));
    const auto refused = run_cli(dir, {"codings", path});
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find("the newest good backup is") != std::string::npos);

    const auto restored = run_cli(dir, {"restore", path});
    REQUIRE(restored.exit_code == 0);
    CHECK(restored.out.find("the replaced file is kept as") != std::string::npos);
    const auto listed = run_cli(dir, {"codings", path});
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.find("føler man sig tryg") != std::string::npos);
}
