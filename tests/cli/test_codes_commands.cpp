#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codings.h"
#include "coding/codes.h"
#include "coding/project.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("codes lists the 17 codes in the scheme's order with their colours, and the themes with --sets") {
    testing::ScratchDir dir;
    const auto path = (dir / "x.fokus").string();
    REQUIRE(run_cli(dir, {"new", path}).exit_code == 0);
    auto listed = run_cli(dir, {"codes", path});
    REQUIRE(listed.exit_code == 0);
    const auto lines = lines_of(listed.out);
    REQUIRE(lines.size() == 23);
    CHECK(lines[0] == "1  #1F4E99  Opfattelse af medarbejderomsætning  (0)");
    CHECK(lines[6] == "7  #A93270  Faglig tryghed  (0)");
    CHECK(lines[16] == "17  #C2185B  Samarbejde på tværs  (0)");
    CHECK(lines[17] == "18  #34495E  BIKVA-trin");
    CHECK(lines[18] == "  19  #0E6251  1 Brugere  (0)");
    auto sets = run_cli(dir, {"codes", path, "--sets"});
    CHECK(sets.out.find("Kollektiv sammenhængskraft\n  4  Kultur på medarbejderniveau\n  10  Introduktion af nye "
                        "medarbejdere\n  14  Organisering og omorganisering\n  17  Samarbejde på tværs\n") == 0);
    CHECK(sets.out.find("Handlemulighed og indflydelse\n  5  Ledelseskultur og -stil\n  15  Handlerum og "
                        "beslutningskompetence\n  16  Fleksibilitet og arbejdstilrettelæggelse\n") != std::string::npos);
    const auto json = nlohmann::json::parse(run_cli(dir, {"codes", path, "--sets", "--json"}).out);
    CHECK(json[1]["name"] == "Faglig tryghed");
    CHECK(json[1]["members"].size() == 5);
}

TEST_CASE("codes add, rename, move, recolour, define and merge from the command line") {
    testing::ScratchDir dir;
    const auto path = (dir / "ændr.fokus").string();
    run_cli(dir, {"new", path});
    auto added = run_cli(dir, {"codes", path, "add", "Tilgængelig leder", "--parent", "Ledelseskultur og -stil",
                               "--colour", "#1a5276", "--definition", "Lederen er til at få fat på"});
    CHECK(added.exit_code == 0);
    CHECK(added.out == "Added code 24  Tilgængelig leder\n");
    CHECK(run_cli(dir, {"codes", path, "rename", "Tilgængelig leder", "Synlig leder"}).out ==
          "Renamed \"Tilgængelig leder\" to \"Synlig leder\"\n");
    CHECK(run_cli(dir, {"codes", path, "recolour", "synlig leder", "#0E6251"}).out == "\"Synlig leder\" is now #0E6251\n");
    CHECK(run_cli(dir, {"codes", path, "define", "24", "Lederen ses på gangen"}).exit_code == 0);
    CHECK(run_cli(dir, {"codes", path, "move", "Synlig leder", "--top", "--position", "0"}).exit_code == 0);
    auto codes = nlohmann::json::parse(run_cli(dir, {"codes", path, "--json"}).out);
    CHECK(codes[0]["name"] == "Synlig leder");
    CHECK(codes[0]["color"] == "#0E6251");
    CHECK(codes[0]["definition"] == "Lederen ses på gangen");
    CHECK(codes[0]["parent"].is_null());
    auto merged = run_cli(dir, {"codes", path, "merge", "Synlig leder", "Ledelseskultur og -stil"});
    CHECK(merged.exit_code == 0);
    CHECK(merged.out == "Merged \"Synlig leder\" into \"Ledelseskultur og -stil\": 0 codings moved\n");
}

TEST_CASE("codes describe changes name, colour, definition and memo as one step; a bad colour changes nothing") {
    testing::ScratchDir dir;
    const auto path = (dir / "beskriv.fokus").string();
    run_cli(dir, {"new", path});
    auto described = run_cli(dir, {"codes", path, "describe", "Faglig tryghed", "--name", "Tryghed i fagligheden", "--colour", "#1E8449",
                                   "--memo", "Tæt på »rygdækning«."});
    CHECK(described.exit_code == 0);
    CHECK(described.out == "Described \"Faglig tryghed\"\n");
    CHECK(run_cli(dir, {"history", path, "--limit", "1"}).out.find("describe code \"Faglig tryghed\"") != std::string::npos);
    const auto codes = nlohmann::json::parse(run_cli(dir, {"codes", path, "--json"}).out);
    CHECK(codes[6]["name"] == "Tryghed i fagligheden");
    CHECK(codes[6]["color"] == "#1E8449");
    const auto refused = run_cli(dir, {"codes", path, "describe", "Motivation", "--colour", "grøn", "--definition", "Lyst"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("\"grøn\" is not a colour") != std::string::npos);
    CHECK(nlohmann::json::parse(run_cli(dir, {"codes", path, "--json"}).out)[1]["definition"] == codes[1]["definition"]);
    CHECK(run_cli(dir, {"codes", path, "describe", "Motivation"}).out == "Nothing changed for \"Motivation\"\n");
}

TEST_CASE("wrong code requests are refused with a message and change nothing") {
    testing::ScratchDir dir;
    const auto path = (dir / "fejl.fokus").string();
    run_cli(dir, {"new", path});
    const auto before = run_cli(dir, {"codes", path, "--json"}).out;
    auto unknown = run_cli(dir, {"codes", path, "rename", "Tillid", "Tryghed"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "fokus-cli: no code named \"Tillid\"\n");
    auto duplicate = run_cli(dir, {"codes", path, "add", "motivation"});
    CHECK(duplicate.exit_code == 1);
    CHECK(duplicate.err == "fokus-cli: there is already a code named \"Motivation\" at the top level\n");
    auto empty = run_cli(dir, {"codes", path, "add", "  "});
    CHECK(empty.err == "fokus-cli: a code name cannot be empty\n");
    auto colour = run_cli(dir, {"codes", path, "recolour", "Motivation", "rødlig"});
    CHECK(colour.err == "fokus-cli: \"rødlig\" is not a colour; give it as #RRGGBB, e.g. #1F77B4\n");
    auto cycle = run_cli(dir, {"codes", path, "merge", "BIKVA-trin", "1 Brugere"});
    CHECK(cycle.exit_code == 1);
    CHECK(run_cli(dir, {"codes", path, "--json"}).out == before);
}

TEST_CASE("deleting a code with codings needs confirmation or --force") {
    testing::ScratchDir dir;
    const auto path = (dir / "slet.fokus").string();
    run_cli(dir, {"new", path});
    {
        auto project = Project::open(path);
        const Id document = testing::add_focus_group(project);
        CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id, Span{0, 11});
    }
    auto refused = run_cli(dir, {"codes", path, "delete", "Motivation"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err ==
          "fokus-cli: \"Motivation\" has 1 codings and 0 sub-codes; nothing was deleted (use --force to delete them too)\n");
    CHECK(run_cli(dir, {"codings", path, "--json"}).out.find("Motivation") != std::string::npos);
    auto forced = run_cli(dir, {"codes", path, "delete", "Motivation", "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(forced.out == "Deleted \"Motivation\" and 1 codings\n");
    CHECK(run_cli(dir, {"codes", path, "delete", "Samarbejde på tværs"}).exit_code == 0);  // no codings: no question
}

TEST_CASE("export-codebook and import-codebook carry codes between projects, valid against the REFI-QDA schema") {
    testing::ScratchDir dir;
    const auto first = (dir / "første.fokus").string();
    const auto second = (dir / "anden.fokus").string();
    const auto codebook = (dir / "kodebog.qdc").string();
    run_cli(dir, {"new", first});
    run_cli(dir, {"codes", first, "add", "Tillid til kolleger", "--parent", "Kultur på medarbejderniveau"});
    auto exported = run_cli(dir, {"export-codebook", first, codebook});
    REQUIRE(exported.exit_code == 0);
    const std::string schema = std::string(FOKUS_TEST_DATA) + "/refi-qda/Codebook.xsd";
    const std::string validate = "xmllint --noout --schema " + testing::shell_quote(schema) + " " +
                                 testing::shell_quote(codebook) + " 2>/dev/null";
    CHECK(std::system(validate.c_str()) == 0);
    run_cli(dir, {"new", second, "--empty"});
    auto imported = run_cli(dir, {"import-codebook", second, codebook});
    CHECK(imported.exit_code == 0);
    CHECK(imported.out == "Codebook " + codebook + ": 24 codes added, 0 updated, 3 themes added\n");
    // Row ids differ between projects; everything else must be the same.
    auto without_ids = [](nlohmann::json codes) {
        for (auto& code : codes) {
            code.erase("id");
            code.erase("parent");
        }
        return codes;
    };
    CHECK(without_ids(nlohmann::json::parse(run_cli(dir, {"codes", second, "--json"}).out)) ==
          without_ids(nlohmann::json::parse(run_cli(dir, {"codes", first, "--json"}).out)));
    testing::write_file(dir / "brudt.qdc", "<CodeBook><Codes><Code name=\"Ø\"");
    auto broken = run_cli(dir, {"import-codebook", second, (dir / "brudt.qdc").string()});
    CHECK(broken.exit_code == 4);
    CHECK(broken.err.find("brudt.qdc: not well-formed XML") != std::string::npos);
}

TEST_CASE("codes key gives a code the key that codes with it; the code that had it takes the other's; keys lists them") {
    testing::ScratchDir dir;
    const auto path = (dir / "taster.fokus").string();
    run_cli(dir, {"new", path});
    CHECK(run_cli(dir, {"codes", path, "key", "Samarbejde på tværs", "2"}).out == "\"Samarbejde på tværs\" is coded with 2\n");
    const auto keys = run_cli(dir, {"codes", path, "keys"});
    CHECK(keys.out.find("2  Samarbejde på tværs\n") != std::string::npos);
    CHECK(keys.out.find("Shift+7  Motivation\n") != std::string::npos);
    const auto codes = nlohmann::json::parse(run_cli(dir, {"codes", path, "--json"}).out);
    CHECK(codes[1]["name"] == "Motivation");
    CHECK(codes[1]["key"] == "Shift+7");
    CHECK(codes[17]["key"].is_null());  // the heading of the BIKVA stages
    const auto wrong = run_cli(dir, {"codes", path, "key", "Motivation", "Alt+9"});
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err == "fokus-cli: \"Alt+9\" is not a key for coding; the keys are 1 to 9, 0 and Shift+1 to Shift+0\n");
    CHECK(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"codes", path, "--json"}).out)[1]["key"] == "2");
}
