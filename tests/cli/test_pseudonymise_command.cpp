// Pseudonymisation that cannot be reversed, and the deep check that proves
// it: a transcript written by LibreOffice that names a caseworker, in a file
// named after her, coded, backed up and indexed, then pseudonymised for good.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include "cli_runner.h"

using namespace fokus;
using testing::run_cli;
namespace fs = std::filesystem;

namespace {

const fs::path interview = fs::path(FOKUS_TEST_DATA) / "anonymity" / "interview-mette-sørensen.docx";

// Every spelling of every original a file could hold, the search index's
// lower-cased and æøå-folded words included.
const std::vector<std::string> originals = {
    "Mette", "mette", "METTE", "Sørensen", "sørensen", "SØRENSEN", "sorensen", "soerensen",
    "140387-2315", "1403872315", "22 48 61 37", "22486137", "@kommune.dk"};

// Each file below `folder` that holds an original, with the first it holds.
std::map<std::string, std::string> files_holding_originals(const fs::path& folder) {
    std::map<std::string, std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        const auto name = entry.path().filename().string();
        if (name.rfind("cli.", 0) == 0 || name == "navne.txt") continue;
        const std::string bytes = testing::read_file(entry.path());
        for (const auto& original : originals) {
            if (bytes.find(original) != std::string::npos) {
                found[fs::relative(entry.path(), folder).string()] = original;
                break;
            }
        }
    }
    return found;
}

std::set<std::string> coded_texts(const testing::ScratchDir& dir, const std::string& path) {
    const auto listed = run_cli(dir, {"codings", path, "--json"});
    REQUIRE(listed.exit_code == 0);
    std::set<std::string> texts;
    for (const auto& coding : nlohmann::json::parse(listed.out)) texts.insert(coding["text"].get<std::string>());
    return texts;
}

struct CodedInterview {
    testing::ScratchDir dir;
    std::string path = (dir / "bikva.fokus").string();
    std::string document = "interview-mette-sørensen";

    CodedInterview() {
        REQUIRE(run_cli(dir, {"new", path}).exit_code == 0);
        const auto imported = run_cli(dir, {"import", path, interview.string()});
        REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
        for (const auto& words : {"Vores rådgiver hedder Mette Sørensen, og hun", "Hendes nummer er 22 48 61 37, og hun svarer",
                                  "Jeg synes, Mettes kolleger lytter mindre", "Min søns CPR-nummer 140387-2315 stod"}) {
            const auto coded = run_cli(dir, {"--coder", "Åse", "code", path, document, "Motivation", "--text", words});
            REQUIRE_MESSAGE(coded.exit_code == 0, coded.err);
        }
    }
};

}  // namespace

TEST_CASE("a permanent pseudonymisation leaves no original in any file of the project, and codings keep their words") {
    CodedInterview project;
    const auto& dir = project.dir;
    const auto& path = project.path;
    // Backups, a memo, the index: everywhere the originals could be kept.
    REQUIRE(run_cli(dir, {"backup", path}).exit_code == 0);
    REQUIRE(run_cli(dir, {"memo", path, "--document", project.document, "Mette Sørensen (22 48 61 37) svarer hurtigt"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"backup", path}).exit_code == 0);
    REQUIRE(run_cli(dir, {"search", path, "Sørensen"}).out.find("Sørensen") != std::string::npos);
    REQUIRE(run_cli(dir, {"backup", path}).exit_code == 0);
    REQUIRE(files_holding_originals(dir.path()).size() >= 4);

    testing::write_file(dir / "navne.txt", "Mette -> Rådgiver\nSørensen -> A\n");
    const auto replaced = run_cli(dir, {"pseudonymise", path, "--name", "Mette", "--name", "Sørensen", "--map",
                                        (dir / "navne.txt").string(), "--permanent"});
    REQUIRE_MESSAGE(replaced.exit_code == 0, replaced.err);
    CHECK(replaced.out.find("permanently: this cannot be undone") != std::string::npos);

    const auto left = files_holding_originals(dir.path());
    CHECK_MESSAGE(left.empty(), [&] {
        std::string list;
        for (const auto& [file, original] : left) list += file + " holds " + original + "\n";
        return list;
    }());
    CHECK(coded_texts(dir, path) == std::set<std::string>{"Vores rådgiver hedder Rådgiver A, og hun",
                                                          "Hendes nummer er [telefon], og hun svarer",
                                                          "Jeg synes, Rådgivers kolleger lytter mindre",
                                                          "Min søns CPR-nummer [CPR] stod"});
    // The document and its file are named by their pseudonyms now.
    CHECK(run_cli(dir, {"info", path}).out.find("interview-Rådgiver-A") != std::string::npos);
    const auto undone = run_cli(dir, {"undo", path});
    CHECK(undone.exit_code == 1);
    CHECK(undone.err.find("cannot be undone: it was made permanent") != std::string::npos);
    const auto history = run_cli(dir, {"history", path});
    CHECK(history.out.find("earlier steps, which held the originals, removed from the history") != std::string::npos);
    // The project still works: it searches, and the deep check finds nothing.
    CHECK(run_cli(dir, {"search", path, "rådgiver"}).out.find("Rådgiver A") != std::string::npos);
    CHECK(run_cli(dir, {"search", path, "Sørensen"}).out.find("0 hits") != std::string::npos);
    const auto deep = run_cli(dir, {"check-anonymity", path, "--deep", "--name", "Mette", "--name", "Sørensen"});
    CHECK_MESSAGE(deep.exit_code == 0, deep.out);
    CHECK(fs::exists(path + ".backups"));
    CHECK(!fs::is_empty(path + ".backups"));
}

TEST_CASE("the deep check finds originals in an old backup and in the undo history, and says where") {
    CodedInterview project;
    const auto& dir = project.dir;
    const auto& path = project.path;
    REQUIRE(run_cli(dir, {"backup", path}).exit_code == 0);
    // A reversible replacement: the tables are clean, the history and the backup are not.
    const auto replaced = run_cli(dir, {"pseudonymise", path, "--name", "Mette", "--name", "Sørensen"});
    REQUIRE(replaced.exit_code == 0);
    CHECK(run_cli(dir, {"check-anonymity", path, "--name", "Mette"}).out == "0 findings\n");

    const auto deep = run_cli(dir, {"check-anonymity", path, "--deep", "--name", "Mette", "--json"});
    CHECK(deep.exit_code == 1);
    const auto found = nlohmann::json::parse(deep.out);
    bool in_backup = false, in_history = false, cpr_in_history = false;
    for (const auto& finding : found) {
        const std::string file = finding["file"];
        if (file.rfind("bikva.fokus.backups/", 0) == 0 && finding["kind"] == "name" && finding["text"] == "Mette") in_backup = true;
        if (file == "bikva.fokus" && finding["where"] == "in the undo history") {
            if (finding["text"] == "Mette") in_history = true;
            if (finding["kind"] == "cpr" && finding["text"] == "140387-2315") cpr_in_history = true;
        }
    }
    CHECK_MESSAGE(in_backup, deep.out);
    CHECK_MESSAGE(in_history, deep.out);
    CHECK_MESSAGE(cpr_in_history, deep.out);
    const auto text = run_cli(dir, {"check-anonymity", path, "--deep", "--name", "Mette"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("bikva.fokus  name  Mette") != std::string::npos);
    CHECK(text.out.find("in the undo history") != std::string::npos);
}

TEST_CASE("a copy to share holds no history, memo or coder's name when asked, and opens, searches and merges back") {
    CodedInterview project;
    const auto& dir = project.dir;
    const auto& path = project.path;
    REQUIRE(run_cli(dir, {"--coder", "Bjørn Kristensen", "code", path, project.document, "Faglig tryghed", "--text",
                          "Det gjorde os utrygge"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"memo", path, "--document", project.document, "Husk at spørge lederen om tilladelse"}).exit_code == 0);
    // Reversible: the originals stay in the history, which the copy must not carry.
    REQUIRE(run_cli(dir, {"pseudonymise", path, "--name", "Mette", "--name", "Sørensen"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"backup", path}).exit_code == 0);
    REQUIRE(!files_holding_originals(dir.path()).empty());

    fs::create_directories(dir / "ud");
    const auto copy = (dir / "ud" / "til-arkivet.fokus").string();
    const auto shared = run_cli(dir, {"share", path, copy, "--without-memos", "--anonymous-coders"});
    REQUIRE_MESSAGE(shared.exit_code == 0, shared.err);
    // The one who imported, Åse and Bjørn.
    CHECK(shared.out.find("named 3 coders Coder 1, Coder 2") != std::string::npos);
    CHECK(fs::exists(copy + ".index"));
    CHECK(!fs::exists(copy + ".backups"));
    CHECK(files_holding_originals(dir / "ud").empty());
    for (const auto& entry : fs::recursive_directory_iterator(dir / "ud")) {
        if (!entry.is_regular_file()) continue;
        const auto bytes = testing::read_file(entry.path());
        for (const std::string left_out : {"Åse", "Bjørn", "Kristensen", "Husk at spørge", "Testkoder"}) {
            CHECK_MESSAGE(bytes.find(left_out) == std::string::npos, std::string(entry.path().string() + " holds " + left_out));
        }
    }
    // The copy is a project like any other.
    CHECK(run_cli(dir, {"history", copy}).out.find("pseudonymise") == std::string::npos);
    CHECK(run_cli(dir, {"search", copy, "rådgiver"}).out.find("Vores rådgiver hedder") != std::string::npos);
    const auto coders = run_cli(dir, {"codings", copy, "--json"});
    std::set<std::string> names;
    for (const auto& coding : nlohmann::json::parse(coders.out)) names.insert(coding["coder"].get<std::string>());
    CHECK(names == std::set<std::string>{"Coder 2", "Coder 3"});
    const auto merged = run_cli(dir, {"merge", path, copy, "--json"});
    REQUIRE_MESSAGE(merged.exit_code == 0, merged.err);
    const auto report = nlohmann::json::parse(merged.out);
    CHECK(report["documents"]["added"] == 0);
    CHECK(report["documents"]["present"] == 1);

    // A REFI-QDA export makes the same choices.
    const auto qdpx = (dir / "ud" / "til-kollega.qdpx").string();
    REQUIRE(run_cli(dir, {"export-qdpx", path, qdpx, "--without-memos", "--anonymous-coders"}).exit_code == 0);
    const auto imported = run_cli(dir, {"import-qdpx", (dir / "ud" / "kollega.fokus").string(), qdpx});
    REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
    const auto listed = run_cli(dir, {"codings", (dir / "ud" / "kollega.fokus").string(), "--json"});
    names.clear();
    for (const auto& coding : nlohmann::json::parse(listed.out)) names.insert(coding["coder"].get<std::string>());
    CHECK(names == std::set<std::string>{"Coder 2", "Coder 3"});
    CHECK(run_cli(dir, {"memo", (dir / "ud" / "kollega.fokus").string()}).out.find("Husk") == std::string::npos);
}
