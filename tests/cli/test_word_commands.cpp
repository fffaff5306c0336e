// words, keyness, stopwords, concordance and export-transcript from the
// command line, on two copies of the fixture exchange, with counts worked
// out by hand from its text.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli_runner.h"
#include "coding/documents.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

std::string two_groups(const testing::ScratchDir& dir) {
    const auto path = (dir / "ord.fokus").string();
    auto project = Project::create(path);
    project.set_coder("Testkoder");
    testing::add_focus_group(project, "Borgere Kommune C", "Kommune C");
    testing::add_focus_group(project, "Rådgivere Kommune D", "Kommune D");
    return path;
}

nlohmann::json row_of(const nlohmann::json& table, const std::string& word) {
    for (const auto& row : table["rows"]) {
        if (row["word"] == word) return row;
    }
    return {};
}

}  // namespace

TEST_CASE("words counts each word with its documents and speakers, and leaves out the stop words") {
    testing::ScratchDir dir;
    const auto path = two_groups(dir);
    // "og" three times in each exchange: once by Rådgiver 1, twice by Rådgiver 2.
    auto all = run_cli(dir, {"words", path, "--json", "--no-stopwords"});
    REQUIRE(all.exit_code == 0);
    auto table = nlohmann::json::parse(all.out);
    CHECK(row_of(table, "og")["count"] == 6);
    CHECK(row_of(table, "og")["documents"] == 2);
    CHECK(row_of(table, "og")["speakers"] == 4);
    // The speaker labels are not words of the turns.
    CHECK(row_of(table, "interviewer").is_null());
    auto kept = nlohmann::json::parse(run_cli(dir, {"words", path, "--json"}).out);
    CHECK(row_of(kept, "og").is_null());
    CHECK(row_of(kept, "sparring")["count"] == 2);
    // rådgiver, rådgiverne under one stem.
    auto stems = nlohmann::json::parse(run_cli(dir, {"words", path, "--json", "--stems"}).out);
    CHECK(row_of(stems, "rådgiv")["count"] == 4);
    CHECK(row_of(stems, "rådgiv")["forms"] == nlohmann::json{"rådgiver", "rådgiverne"});
    // Half the documents by municipality.
    auto half = nlohmann::json::parse(run_cli(dir, {"words", path, "--json", "--filter", "municipality=Kommune D"}).out);
    CHECK(row_of(half, "sparring")["count"] == 1);
    CHECK(half["documents"] == 1);
    const auto wrong = run_cli(dir, {"words", path, "--filter", "municipality=Kommune X"});
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("Kommune C, Kommune D") != std::string::npos);
}

TEST_CASE("the project's stop words change as one undo step") {
    testing::ScratchDir dir;
    const auto path = two_groups(dir);
    REQUIRE(run_cli(dir, {"stopwords", path, "--add", "Sparring"}).exit_code == 0);
    CHECK(row_of(nlohmann::json::parse(run_cli(dir, {"words", path, "--json"}).out), "sparring").is_null());
    REQUIRE(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(row_of(nlohmann::json::parse(run_cli(dir, {"words", path, "--json"}).out), "sparring")["count"] == 2);
}

TEST_CASE("keyness of two identical exchanges finds no key word either way; the concordance codes what it lists") {
    testing::ScratchDir dir;
    const auto path = two_groups(dir);
    const auto keyness = run_cli(dir, {"keyness", path, "--left", "municipality=Kommune C", "--right", "rest", "--json", "--min-count", "1"});
    REQUIRE(keyness.exit_code == 0);
    const auto key = nlohmann::json::parse(keyness.out);
    CHECK(key["left"]["key_words"].empty());
    CHECK(key["right"]["key_words"].empty());
    CHECK(key["left"]["words"] == key["right"]["words"]);
    const auto lines = run_cli(dir, {"concordance", path, "sparring", "--json"});
    REQUIRE(lines.exit_code == 0);
    CHECK(nlohmann::json::parse(lines.out).size() == 2);
    const auto coded = run_cli(dir, {"concordance", path, "sparring", "--code-all", "Faglig tryghed", "--level", "sentence"});
    REQUIRE(coded.exit_code == 0);
    CHECK(coded.out.find("Coded 2 passages") != std::string::npos);
}

TEST_CASE("export-transcript writes the coded transcript as .docx and .odt, and refuses another format") {
    testing::ScratchDir dir;
    const auto path = two_groups(dir);
    for (const char* name : {"t.docx", "t.odt"}) {
        const auto written = run_cli(dir, {"export-transcript", path, "Borgere Kommune C", (dir / name).string()});
        CHECK(written.exit_code == 0);
        CHECK(std::filesystem::file_size(dir / name) > 1000);
    }
    CHECK(run_cli(dir, {"export-transcript", path, "Borgere Kommune C", (dir / "t.rtf").string()}).exit_code == 1);
}
