#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

// Two BIKVA stages of the fixture exchange, coded.
std::string coded_project(const testing::ScratchDir& dir) {
    const auto path = (dir / "analyse.fokus").string();
    auto project = Project::create(path);
    project.set_coder("Testkoder");
    const Id users = testing::add_focus_group(project, "Borgere Kommune C", "Kommune C");
    const Id staff = testing::add_focus_group(project, "Rådgivere Kommune C", "Kommune C");
    DocumentStore documents(project);
    documents.set_attribute(users, "bikva_stage", "1");
    documents.set_attribute(staff, "bikva_stage", "2");
    CodeStore codes(project);
    CodingStore codings(project);
    const auto text = testing::focus_group_text;
    codings.add(users, codes.resolve("Motivation").id, testing::span_of(text, "Man gør en forskel for familierne, også selv om"));
    codings.add(users, codes.resolve("Arbejdspres og prioritering").id, testing::span_of(text, "også selv om arbejdspresset er stort"));
    codings.add(staff, codes.resolve("Faglig tryghed").id, testing::span_of(text, "Så føler man sig tryg i sin faglighed."));
    return path;
}

}  // namespace

TEST_CASE("cooccur prints the matrix, JSON cells and the segments behind a cell") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    auto json = nlohmann::json::parse(
        run_cli(dir, {"cooccur", path, "--code", "Motivation", "--code", "Arbejdspres og prioritering", "--json"}).out);
    CHECK(json["relation"] == "overlap");
    REQUIRE(json["cells"].size() == 4);
    CHECK(json["cells"][1]["pairs"] == 1);
    CHECK(json["cells"][1]["c"] == doctest::Approx(1.0));
    auto text = run_cli(dir, {"cooccur", path, "--code", "Motivation", "--code", "Arbejdspres og prioritering"});
    CHECK(text.out == "                               1  2\n1 Motivation                   1  1\n"
                      "2 Arbejdspres og prioritering  1  1\n");
    auto csv = run_cli(dir, {"cooccur", path, "--code", "Motivation", "--code", "Faglig tryghed", "--csv"});
    CHECK(csv.out == ",Motivation,Faglig tryghed\r\nMotivation,1,0\r\nFaglig tryghed,0,1\r\n");
    auto cell = nlohmann::json::parse(
        run_cli(dir, {"cooccur", path, "--cell", "Motivation:Arbejdspres og prioritering", "--json"}).out);
    REQUIRE(cell.size() == 2);
    CHECK(cell[1]["text"] == "også selv om arbejdspresset er stort");
    auto bad = run_cli(dir, {"cooccur", path, "--relation", "samme"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == "fokus-cli: \"samme\" is not a relation; use overlap, inside, turn or near\n");
}

TEST_CASE("crosstab and freq by an attribute, filtered by stage") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    auto table = nlohmann::json::parse(run_cli(dir, {"crosstab", path, "--by", "bikva_stage", "--json"}).out);
    for (const auto& row : table["rows"]) {
        std::int64_t sum = 0;
        for (const auto& [value, cell] : row["cells"].items()) sum += cell["count"].get<std::int64_t>();
        CHECK(sum == row["total"]);
    }
    auto cell = nlohmann::json::parse(run_cli(dir, {"crosstab", path, "--by", "bikva_stage", "--cell", "Faglig tryghed=2", "--json"}).out);
    REQUIRE(cell.size() == 1);
    CHECK(cell[0]["document"] == "Rådgivere Kommune C");
    auto freq = nlohmann::json::parse(
        run_cli(dir, {"freq", path, "--code", "Motivation", "--filter", "bikva_stage=1", "--by", "municipality", "--json"}).out);
    CHECK(freq[0]["overall"]["codings"] == 1);
    CHECK(freq[0]["by"]["Kommune C"]["words_coded"] == 9);  // "Man gør en forskel for familierne, også selv om"
    auto malformed = run_cli(dir, {"freq", path, "--filter", "bikva_stage"});
    CHECK(malformed.exit_code == 1);
    CHECK(malformed.err.find("is not a filter; give it as name=value") != std::string::npos);
}

TEST_CASE("contrast, bikva links and chains, and condensations from the command line") {
    testing::ScratchDir dir;
    const auto path = coded_project(dir);
    auto contrast = nlohmann::json::parse(run_cli(dir, {"contrast", path, "theme:Faglig tryghed", "--left", "bikva_stage=1",
                                                        "--right", "bikva_stage=2", "--json"})
                                              .out);
    CHECK(contrast["left"]["segments"].empty());
    CHECK(contrast["right"]["segments"][0]["text"] == "Så føler man sig tryg i sin faglighed.");
    CHECK(run_cli(dir, {"bikva", path, "present", "Borgere Kommune C", "Man gør en forskel for familierne",
                        "Rådgivere Kommune C"})
              .exit_code == 0);
    auto reacted = run_cli(dir, {"bikva", path, "react", "Rådgivere Kommune C", "Det er kollegerne, helt klart.",
                                 "Borgere Kommune C", "Man gør en forskel for familierne"});
    CHECK(reacted.exit_code == 0);
    auto chains = nlohmann::json::parse(run_cli(dir, {"bikva", path, "--json"}).out);
    REQUIRE(chains.size() == 1);
    CHECK(chains[0]["statement"]["codes"][0] == "Motivation");
    CHECK(chains[0]["reactions"]["2"][0]["speaker"] == "Rådgiver 1");
    auto ambiguous = run_cli(dir, {"bikva", path, "react", "Rådgivere Kommune C", "rådgiver", "Borgere Kommune C", "0-5"});
    CHECK(ambiguous.err == "fokus-cli: \"rådgiver\" occurs 2 times in \"Rådgivere Kommune C\"; give more of the text, or START-END\n");
    auto advised = run_cli(dir, {"bikva", path, "advise", "Rådgivere Kommune C", "lederen står bag os", "--note", "Til ledelsen"});
    CHECK(advised.out == "Wrote down good advice in \"Rådgivere Kommune C\"\n");
    auto advice = nlohmann::json::parse(run_cli(dir, {"bikva", path, "advice", "--json"}).out);
    REQUIRE(advice["2"].size() == 1);
    CHECK(advice["2"][0]["text"] == "lederen står bag os");
    CHECK(run_cli(dir, {"condense", path, "set", "Motivation", "--value", "municipality=Kommune C",
                        "Borgerne oplever, at rådgiverne gør en forskel."})
              .exit_code == 0);
    auto grid = run_cli(dir, {"condense", path, "--by", "municipality", "--csv"});
    CHECK(grid.out.find("Motivation,\"Borgerne oplever, at rådgiverne gør en forskel.\"\r\n") != std::string::npos);
    auto shown = run_cli(dir, {"condense", path, "show", "Motivation", "--value", "municipality=Kommune C"});
    CHECK(shown.out.find("Condensation: Borgerne oplever") == 0);
    CHECK(shown.out.find("Man gør en forskel for familierne, også selv om") != std::string::npos);
}
