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

TEST_CASE("a filter on an attribute or a speaker that no document has is refused, not answered with no hits") {
    testing::ScratchDir dir;
    const auto path = (dir / "fokusgrupper.fokus").string();
    { testing::DanishProject made(path); }
    const auto attribute = run_cli(dir, {"search", path, "tid", "--filter", "kommune=Kommune B"});
    CHECK(attribute.exit_code == 1);
    CHECK(attribute.err.find("no document or participant has the attribute \"kommune\"; known attributes: ") != std::string::npos);
    CHECK(attribute.err.find("municipality") != std::string::npos);
    const auto speaker = run_cli(dir, {"search", path, "tid", "--speaker", "Borger 9"});
    CHECK(speaker.exit_code == 1);
    CHECK(speaker.err.find("no document has a speaker labelled \"Borger 9\"") != std::string::npos);
    CHECK(run_cli(dir, {"search", path, "tid", "--offset", "-1"}).exit_code == 2);
    CHECK(run_cli(dir, {"search", path, "tid", "--limit", "0"}).exit_code == 2);
    // The same speaker and attribute spelt right are searched.
    CHECK(run_cli(dir, {"search", path, "tid", "--filter", "municipality=Kommune B", "--speaker", "Borger 2"}).exit_code == 0);
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

namespace {

// Three transcripts in which "søsterskab" comes often, among other words of
// æ, ø and å, so that a search for it has many hits over many turns.
void write_paging_project(const std::filesystem::path& path, std::vector<std::string>& texts) {
    auto project = Project::create(path);
    DocumentStore documents(project);
    const std::vector<std::string> words = {"søsterskab", "rådgiveren", "ærlighed", "og", "Søsterskab", "tryghed", "åbenhed",
                                            "søsterskab,", "blåbær", "søsterskaber"};
    for (int d = 0; d < 3; ++d) {
        std::vector<std::pair<std::string, std::string>> turns;
        for (int t = 0; t < 25; ++t) {
            std::string speech;
            for (int w = 0; w < 12; ++w) speech += (w ? " " : "") + words[static_cast<std::size_t>((d * 7 + t * 3 + w * w) % 10)];
            turns.push_back({t % 2 ? "Borger" : "Rådgiver", speech + "."});
        }
        const auto document = testing::transcript("Kommune " + std::string(1, static_cast<char>('A' + d)) + ", søstre", turns,
                                                  {{"municipality", "Kommune " + std::string(1, static_cast<char>('A' + d))}});
        texts.push_back(document.text);
        documents.add(document);
    }
}

// Words of the text lower-cased, split at anything that is not a letter:
// a count that owes nothing to the search's own word breaking.
std::size_t count_word(const std::string& text, const std::string& wanted) {
    std::size_t found = 0;
    std::string word;
    auto flush = [&] {
        if (text::fold_case(word) == wanted) ++found;
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (std::isalpha(byte) || byte >= 0x80) {
            word += text[i];
        } else {
            flush();
        }
    }
    flush();
    return found;
}

}  // namespace

TEST_CASE("search in pages: --limit and --offset pages join into the --all list, and the total is every hit") {
    testing::ScratchDir dir;
    const auto path = (dir / "søstre.fokus").string();
    std::vector<std::string> texts;
    write_paging_project(path, texts);
    std::size_t expected = 0;
    for (const auto& text : texts) expected += count_word(text, "søsterskab");
    REQUIRE(expected > 60);

    for (const std::string order : {"relevance", "document"}) {
        CAPTURE(order);
        auto all = run_cli(dir, {"search", path, "søsterskab", "--exact", "--all", "--json", "--order", order});
        REQUIRE(all.exit_code == 0);
        const auto every = nlohmann::json::parse(all.out);  // streamed, and still one JSON document
        REQUIRE(every["hits"].size() == expected);
        CHECK(every["total"] == expected);
        CHECK(every["complete"] == true);
        std::size_t per_document = 0;
        for (const auto& [name, count] : every["per_document"].items()) per_document += count.get<std::size_t>();
        CHECK(per_document == expected);

        nlohmann::json joined = nlohmann::json::array();
        for (std::size_t offset = 0; offset < expected; offset += 7) {
            auto page = run_cli(dir, {"search", path, "søsterskab", "--exact", "--json", "--order", order, "--limit", "7",
                                      "--offset", std::to_string(offset)});
            REQUIRE(page.exit_code == 0);
            const auto result = nlohmann::json::parse(page.out);
            CHECK(result["total"] == expected);
            CHECK(result["per_document"] == every["per_document"]);  // counts cover every hit, whatever the page
            CHECK(result["per_municipality"] == every["per_municipality"]);
            CHECK(result["complete"] == (offset + 7 >= expected));
            for (const auto& hit : result["hits"]) joined.push_back(hit);
        }
        CHECK(joined == every["hits"]);
    }

    // The default page is 100 hits; text says which hits are shown and how to see more.
    auto text = run_cli(dir, {"search", path, "søsterskab", "--exact", "--limit", "5", "--offset", "10"});
    CHECK(text.out.rfind("11  ", 0) == 0);
    CHECK(text.out.find("Hits 11-15 of " + std::to_string(expected)) != std::string::npos);
    auto counts = run_cli(dir, {"search", path, "søsterskab", "--exact", "--counts-only", "--json"});
    CHECK(nlohmann::json::parse(counts.out)["total"] == expected);
    CHECK(run_cli(dir, {"search", path, "søsterskab", "--limit", "5", "--all"}).exit_code == 2);
}
