#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

std::string project_with_document(const testing::ScratchDir& dir) {
    const auto path = (dir / "kodning.fokus").string();
    run_cli(dir, {"new", path});
    auto project = Project::open(path);
    testing::add_focus_group(project);
    return path;
}

}  // namespace

TEST_CASE("code applies a code to a span and codings lists it with its text") {
    testing::ScratchDir dir;
    const auto path = project_with_document(dir);
    const auto span = testing::span_of(testing::focus_group_text, "Så føler man sig tryg i sin faglighed.");
    const auto range = std::to_string(span.start) + "-" + std::to_string(span.end);
    auto coded = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Faglig tryghed", "--span", range, "--comment",
                               "Rygdækning giver tryghed"});
    CHECK(coded.exit_code == 0);
    CHECK(coded.out == "Coded Fokusgruppe Kommune B " + range + " with \"Faglig tryghed\" (coding 1)\n");
    const auto listed = nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["text"] == "Så føler man sig tryg i sin faglighed.");
    CHECK(listed[0]["coder"] == "Testkoder");
    CHECK(listed[0]["comment"] == "Rygdækning giver tryghed");
    CHECK(listed[0]["start"] == span.start);
}

TEST_CASE("code-in-vivo names a new code by the passage's words and codes it, as one step of undo") {
    testing::ScratchDir dir;
    const auto path = project_with_document(dir);
    const auto span = testing::span_of(testing::focus_group_text, "lederen står bag os");
    const auto made = nlohmann::json::parse(run_cli(dir, {"code-in-vivo", path, "Fokusgruppe Kommune B", "lederen står bag os", "--json"}).out);
    CHECK(made["code"] == "lederen står bag os");
    CHECK(made["new_code"] == true);
    CHECK(made["coding"]["start"] == span.start);
    CHECK(made["coding"]["end"] == span.end);
    const auto history = run_cli(dir, {"history", path, "--limit", "1"});
    CHECK(history.out.find("code in vivo \"lederen står bag os\"") != std::string::npos);
    CHECK(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(run_cli(dir, {"codes", path}).out.find("lederen står bag os") == std::string::npos);
    // Punctuation alone names no code, and nothing is written.
    const auto refused = run_cli(dir, {"code-in-vivo", path, "Fokusgruppe Kommune B", "11-12"});  // the colon after "Interviewer"
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("the selection has no words to name a code by") != std::string::npos);
    CHECK(nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out).empty());
}

TEST_CASE("code --text codes exact text, with --all or --occurrence when it occurs more than once") {
    testing::ScratchDir dir;
    const auto path = project_with_document(dir);
    auto once = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Motivation", "--text", "gør en forskel"});
    CHECK(once.exit_code == 0);
    auto ambiguous = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Faglig kompetence", "--text", "rådgiver"});
    CHECK(ambiguous.exit_code == 1);
    CHECK(ambiguous.err == "fokus-cli: \"rådgiver\" occurs 2 times in \"Fokusgruppe Kommune B\"; use --all or --occurrence N\n");
    auto all = run_cli(dir, {"--coder", "Åse", "code", path, "Fokusgruppe Kommune B", "Faglig kompetence", "--text",
                             "rådgiver", "--all"});
    CHECK(all.exit_code == 0);
    auto listed = nlohmann::json::parse(
        run_cli(dir, {"codings", path, "--code", "Faglig kompetence", "--coder", "Åse", "--json"}).out);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["text"] == "rådgiver");
    CHECK(listed[1]["text"] == "rådgiver");
    auto undone = run_cli(dir, {"undo", path});
    CHECK(undone.out == "Undone: code 2 passages with \"Faglig kompetence\"\n");
    CHECK(nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out).size() == 1);
    auto second = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Faglig kompetence", "--text", "rådgiver",
                                "--occurrence", "2", "--json"});
    const auto result = nlohmann::json::parse(second.out);
    CHECK(result["codings"].size() == 1);
}

TEST_CASE("bad coding requests are refused with a message and write nothing") {
    testing::ScratchDir dir;
    const auto path = project_with_document(dir);
    auto outside = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Motivation", "--span", "10-99999"});
    CHECK(outside.exit_code == 1);
    CHECK(outside.err.find("the span 10-99999 is not inside \"Fokusgruppe Kommune B\", which has") != std::string::npos);
    auto malformed = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Motivation", "--span", "tolv-tyve"});
    CHECK(malformed.err == "fokus-cli: \"tolv-tyve\" is not a span; give it as START-END in characters, e.g. 120-245\n");
    auto document = run_cli(dir, {"code", path, "Ledere Kommune Ø", "Motivation", "--span", "0-5"});
    CHECK(document.err == "fokus-cli: no document named \"Ledere Kommune Ø\"\n");
    auto code = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Trivsel", "--span", "0-5"});
    CHECK(code.err == "fokus-cli: no code named \"Trivsel\"\n");
    auto missing = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Motivation", "--text", "sagsbehandleren"});
    CHECK(missing.err == "fokus-cli: \"sagsbehandleren\" does not occur in \"Fokusgruppe Kommune B\"\n");
    auto neither = run_cli(dir, {"code", path, "Fokusgruppe Kommune B", "Motivation"});
    CHECK(neither.exit_code == 1);
    auto coder = run_cli(dir, {"codings", path, "--coder", "Ukendt Ødegaard"});
    CHECK(coder.err == "fokus-cli: no coder named \"Ukendt Ødegaard\"\n");
    CHECK(nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out).empty());
}

TEST_CASE("memos are written, listed, edited and deleted") {
    testing::ScratchDir dir;
    const auto path = project_with_document(dir);
    CHECK(run_cli(dir, {"memo", path, "Abduktiv analyse af tre temaer", "--title", "Plan"}).out ==
          "Wrote memo 1 on the project\n");
    CHECK(run_cli(dir, {"memo", path, "--code", "Faglig tryghed", "Kondensering: tryghed følger rygdækning"}).out ==
          "Wrote memo 2 on the code\n");
    CHECK(run_cli(dir, {"memo", path, "--document", "Fokusgruppe Kommune B", "Stemningen var god"}).exit_code == 0);
    auto on_code = nlohmann::json::parse(run_cli(dir, {"memo", path, "--code", "Faglig tryghed", "--json"}).out);
    REQUIRE(on_code.size() == 1);
    CHECK(on_code[0]["text"] == "Kondensering: tryghed følger rygdækning");
    CHECK(run_cli(dir, {"memo", path, "--edit", "2", "Tryghed følger ledelsens rygdækning"}).exit_code == 0);
    CHECK(run_cli(dir, {"memo", path, "--delete", "3"}).out == "Deleted memo 3\n");
    auto all = nlohmann::json::parse(run_cli(dir, {"memo", path, "--json"}).out);
    REQUIRE(all.size() == 2);
    CHECK(all[1]["text"] == "Tryghed følger ledelsens rygdækning");
    auto empty = run_cli(dir, {"memo", path, "--code", "Motivation", " "});
    CHECK(empty.exit_code == 1);
    CHECK(empty.err == "fokus-cli: the memo is empty\n");
}
