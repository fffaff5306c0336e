#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

// Åse codes "Det er kollegerne, helt klart." as Kultur på medarbejderniveau,
// Bjørn the same and "Vi får sparring"; only Åse codes Motivation.
std::string two_coder_project(const testing::ScratchDir& dir) {
    const auto path = (dir / "enighed.fokus").string();
    auto project = Project::create(path);
    const Id document = testing::add_focus_group(project);
    CodeStore codes(project);
    CodingStore codings(project);
    const auto& text = testing::focus_group_text;
    const Id culture = codes.resolve("Kultur på medarbejderniveau").id;
    project.set_coder("Åse");
    codings.add(document, culture, testing::span_of(text, "Det er kollegerne, helt klart."));
    codings.add(document, codes.resolve("Motivation").id, testing::span_of(text, "Man gør en forskel for familierne"));
    project.set_coder("Bjørn");
    codings.add(document, culture, testing::span_of(text, "Det er kollegerne, helt klart. Vi får sparring"));
    return path;
}

}  // namespace

TEST_CASE("agreement prints a table per code with an overall row, and JSON") {
    testing::ScratchDir dir;
    const auto path = two_coder_project(dir);
    const auto table = run_cli(dir, {"agreement", path, "--coders", "Åse,Bjørn", "--code", "Kultur på medarbejderniveau",
                                     "--code", "Motivation", "--code", "Ledelseskultur og -stil"});
    REQUIRE(table.exit_code == 0);
    CHECK(table.out.find("Cohen's kappa") != std::string::npos);
    CHECK(table.out.find("Kultur på medarbejderniveau") != std::string::npos);
    CHECK(table.out.find("0.746") != std::string::npos);  // Cohen's kappa 600/804 for culture by word
    CHECK(table.out.find("undefined") != std::string::npos);  // nobody used Ledelseskultur og -stil
    CHECK(table.out.find("(overall)") != std::string::npos);
    CHECK(table.out.find("nan") == std::string::npos);

    const auto json = run_cli(dir, {"agreement", path, "--coders", "Åse,Bjørn", "--unit", "turn", "--code",
                                    "Motivation", "--code", "Ledelseskultur og -stil", "--json"});
    REQUIRE(json.exit_code == 0);
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["unit"] == "turn");
    CHECK(parsed["codes"][0]["code"] == "Motivation");
    CHECK(parsed["codes"][0]["cohen_kappa"].get<double>() == doctest::Approx(0.0));
    CHECK(parsed["codes"][0]["units"] == 3);
    CHECK(parsed["codes"][1]["krippendorff_alpha"].is_null());
}

TEST_CASE("agreement --disagreements lists the stretches with text and coders") {
    testing::ScratchDir dir;
    const auto path = two_coder_project(dir);
    const auto result =
        run_cli(dir, {"agreement", path, "--coders", "Åse,Bjørn", "--disagreements", "Kultur på medarbejderniveau"});
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("Vi får sparring") != std::string::npos);
    CHECK(result.out.find("applied by Bjørn; not by Åse") != std::string::npos);
    CHECK(result.out.find("kollegerne") == std::string::npos);
}

TEST_CASE("agreement refuses an unknown coder or code, naming it") {
    testing::ScratchDir dir;
    const auto path = two_coder_project(dir);
    const auto coder = run_cli(dir, {"agreement", path, "--coders", "Åse,Carsten"});
    CHECK(coder.exit_code == 1);
    CHECK(coder.err.find("\"Carsten\"") != std::string::npos);
    const auto code = run_cli(dir, {"agreement", path, "--coders", "Åse,Bjørn", "--code", "Tillid til ledelsen"});
    CHECK(code.exit_code == 1);
    CHECK(code.err.find("Tillid til ledelsen") != std::string::npos);
    const auto help = run_cli(dir, {"agreement", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--disagreements") != std::string::npos);
}
