#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/documents.h"
#include "search/index.h"
#include "search_fixture.h"

using namespace fokus;
using testing::run_cli;

TEST_CASE("search --json, a rebuilt index reported on stderr, and reindex") {
    testing::ScratchDir dir;
    const auto path = (dir / "fokusgrupper.fokus").string();
    { testing::DanishProject made(path); }
    auto first = run_cli(dir, {"search", path, "radgiver", "--json", "--context", "10"});
    REQUIRE(first.exit_code == 0);
    CHECK(first.err == "The search index was built anew from the project.\n");
    const auto result = nlohmann::json::parse(first.out);
    REQUIRE(result["hits"].size() == 8);
    for (const auto& hit : result["hits"]) {
        CHECK(hit["end"].get<std::int64_t>() - hit["start"].get<std::int64_t>() ==
              static_cast<std::int64_t>(text::count_code_points(hit["match"].get<std::string>())));
    }
    CHECK(result["per_municipality"]["Kommune C"] == 2);

    auto again = run_cli(dir, {"search", path, "tid", "--filter", "municipality=Kommune B", "--speaker", "Borger 2", "--json"});
    CHECK(again.err.empty());
    const auto filtered = nlohmann::json::parse(again.out);
    REQUIRE(filtered["hits"].size() == 1);
    CHECK(filtered["hits"][0]["document"] == "Kommune B, borgere");

    auto text = run_cli(dir, {"search", path, "\"faglig tryghed\""});
    CHECK(text.out.find("«faglig tryghed»") != std::string::npos);

    CHECK(run_cli(dir, {"reindex", path}).out.find("Built the search index") == 0);
    auto bad = run_cli(dir, {"search", path, "tid NEAR/x os"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("needs a distance") != std::string::npos);
}

TEST_CASE("search names the spelling OCR made of a word, and --no-ocr and --exact leave such spellings out") {
    testing::ScratchDir dir;
    const auto path = (dir / "rapport.fokus").string();
    {
        testing::DanishProject made(path);
        DocumentStore(made.project)
            .add(testing::transcript("Rapport, skannet", {{"A", "Sygefraveer og sygefraværet steg, mens bgrnene ventede."}}));
    }
    auto json = run_cli(dir, {"search", path, "sygefravær", "--json"});
    REQUIRE(json.exit_code == 0);
    const auto hits = nlohmann::json::parse(json.out)["hits"];
    REQUIRE(hits.size() == 2);  // one turn: in the order of the text
    CHECK(hits[0]["match"] == "Sygefraveer");
    CHECK(hits[0]["other_spellings"] == nlohmann::json::array({"Sygefraveer"}));
    CHECK(hits[1]["match"] == "sygefraværet");
    CHECK_FALSE(hits[1].contains("other_spellings"));

    auto text = run_cli(dir, {"search", path, "børn"});
    CHECK(text.out.find("A  spelt bgrnene\n    …") != std::string::npos);
    CHECK(text.out.find("«bgrnene»") != std::string::npos);

    for (const auto* option : {"--no-ocr", "--exact"}) {
        auto plain = run_cli(dir, {"search", path, "sygefraværet", "--json", option});
        REQUIRE(plain.exit_code == 0);
        CHECK(nlohmann::json::parse(plain.out)["hits"].size() == 1);
    }
}
