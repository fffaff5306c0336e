#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace fokus;
using testing::run_cli;

TEST_CASE("search, code-hits and reindex from the command line") {
    testing::ScratchDir dir;
    const std::string corpus = std::string(FOKUS_SOURCE_DIR) + "/sample-transcripts";
    const auto path = (dir / "søg.fokus").string();
    run_cli(dir, {"new", path});
    REQUIRE(run_cli(dir, {"import", path, corpus, "--manifest", corpus + "/manifest.csv"}).exit_code == 0);
    // The import brought the index along, so the first search finds it current.
    CHECK(std::filesystem::is_directory(path + ".index"));
    auto first = run_cli(dir, {"search", path, "radgiver", "--json"});
    REQUIRE(first.exit_code == 0);
    CHECK(first.err.empty());
    const auto hits = nlohmann::json::parse(first.out)["hits"];
    REQUIRE(hits.size() > 10);
    std::filesystem::remove_all(path + ".index");
    auto rebuilt = run_cli(dir, {"search", path, "radgiver", "--json"});
    CHECK(rebuilt.err == "The search index was built anew from the project.\n");
    CHECK(nlohmann::json::parse(rebuilt.out)["hits"] == hits);
    CHECK(nlohmann::json::parse(run_cli(dir, {"search", path, "\"radgiver\"", "--json"}).out)["hits"].empty());
    auto filtered = nlohmann::json::parse(
        run_cli(dir, {"search", path, "sagsbehandler", "--filter", "municipality=Kommune C", "--filter", "bikva_stage=1", "--json"}).out);
    for (const auto& hit : filtered["hits"]) CHECK(hit["document"] == "bikva-1-borgere");
    auto coded = run_cli(dir, {"code-hits", path, "supervision", "Sparring og faglig ledelse", "--level", "sentence"});
    CHECK(coded.exit_code == 0);
    CHECK(coded.out.find("Coded ") == 0);
    const auto listed = nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out);
    CHECK(!listed.empty());
    for (const auto& coding : listed) CHECK(coding["text"].get<std::string>().find("upervision") != std::string::npos);
    CHECK(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out).empty());
    CHECK(run_cli(dir, {"reindex", path}).out.find("Built the search index") == 0);
    auto bad = run_cli(dir, {"search", path, "(børn"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err == "fokus-cli: a \")\" is missing at position 6 of the query\n");
}

TEST_CASE("--without-interviewers leaves the interviewers' and moderators' turns out of search and retrieval") {
    testing::ScratchDir dir;
    const std::string corpus = std::string(FOKUS_SOURCE_DIR) + "/sample-transcripts";
    const auto path = (dir / "deltagere.fokus").string();
    run_cli(dir, {"new", path});
    REQUIRE(run_cli(dir, {"import", path, corpus, "--manifest", corpus + "/manifest.csv", "--participants",
                          corpus + "/participants.csv"}).exit_code == 0);
    const auto total = [&](std::vector<std::string> extra) {
        std::vector<std::string> arguments = {"search", path, "rådgiver", "--counts-only", "--json"};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        const auto result = run_cli(dir, arguments);
        REQUIRE(result.exit_code == 0);
        return nlohmann::json::parse(result.out)["total"].get<int>();
    };
    // In the sample, the labels of the interviewers and moderators are these three, and no one else has them.
    const int all = total({});
    const int asked = total({"--speaker", "Interviewer", "--speaker", "Moderator", "--speaker", "I"});
    CHECK(asked > 10);
    CHECK(total({"--without-interviewers"}) == all - asked);

    // A question and an answer coded alike; retrieval without interviewers keeps the answer.
    REQUIRE(run_cli(dir, {"code", path, "kommune-e-raadgivere", "Motivation", "--text", "Velkommen, og tak fordi I kunne finde tid"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"code", path, "kommune-e-raadgivere", "Motivation", "--text", "Det er mit første job efter uddannelsen"}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out).size() == 2);
    const auto kept = nlohmann::json::parse(run_cli(dir, {"codings", path, "--without-interviewers", "--json"}).out);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0]["text"] == "Det er mit første job efter uddannelsen");
    const auto frequencies = run_cli(dir, {"freq", path, "--code", "Motivation", "--without-interviewers", "--json"});
    REQUIRE(frequencies.exit_code == 0);
    CHECK(nlohmann::json::parse(frequencies.out)[0]["overall"]["codings"] == 1);
}
