#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using namespace fokus;
using testing::run_cli;

TEST_CASE("import the sample corpus with its manifests, then info, participants and check-anonymity") {
    testing::ScratchDir dir;
    const std::string corpus = std::string(FOKUS_SOURCE_DIR) + "/sample-transcripts";
    const auto path = (dir / "sample.fokus").string();
    run_cli(dir, {"new", path});
    auto imported = run_cli(dir, {"import", path, corpus, "--manifest", corpus + "/manifest.csv", "--participants",
                                  corpus + "/participants.csv", "--json"});
    REQUIRE(imported.exit_code == 0);
    CHECK(nlohmann::json::parse(imported.out)["imported"].size() == 13);
    const auto info = nlohmann::json::parse(run_cli(dir, {"info", path, "--json"}).out);
    REQUIRE(info["documents"].size() == 13);
    CHECK(info["participants"] == 45);
    for (const auto& document : info["documents"]) {
        CHECK(document["attributes"].contains("municipality"));
        CHECK(document["turns"].get<int>() > 50);
    }
    const auto& citizens = info["documents"][0];
    CHECK(citizens["name"] == "bikva-1-borgere");
    CHECK(citizens["attributes"]["bikva_stage"] == "1");
    CHECK(citizens["speakers"].size() == 6);
    auto again = run_cli(dir, {"import", path, corpus + "/bikva-3-ledere.txt"});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("Skipped bikva-3-ledere.txt: already in the project as \"bikva-3-ledere\" (--force imports it again)") != std::string::npos);
    const auto participants = nlohmann::json::parse(run_cli(dir, {"participants", path, "--json"}).out);
    CHECK(participants.size() == 45);
    const auto findings = nlohmann::json::parse(run_cli(dir, {"check-anonymity", path, "--name", "Mette", "--json"}).out);
    REQUIRE(findings.size() == 4);
    CHECK(findings[2]["kind"] == "phone");
    CHECK(findings[2]["text"] == "22 48 61 37");
    auto replaced = run_cli(dir, {"pseudonymise", path, "--kinds", "cpr,phone"});
    CHECK(replaced.out.rfind("Replaced 2 findings (undo reverses it;", 0) == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"check-anonymity", path, "--name", "Mette", "--json"}).out).size() == 2);
}

TEST_CASE("a batch in which every file fails exits 4, as a file that cannot be read, not 6") {
    testing::ScratchDir dir;
    const auto path = (dir / "tom.fokus").string();
    run_cli(dir, {"new", path});
    testing::write_file(dir / "ødelagt.docx", "ikke en zip");
    const auto one = run_cli(dir, {"import", path, (dir / "ødelagt.docx").string()});
    CHECK(one.exit_code == 4);
    CHECK(one.out.find("0 imported, 0 skipped, 1 failed") != std::string::npos);
    CHECK(one.err.find("ødelagt.docx: is named .docx but is not a zip archive") != std::string::npos);
    const auto two = run_cli(dir, {"import", path, (dir / "ødelagt.docx").string(), (dir / "findes-ikke.txt").string()});
    CHECK(two.exit_code == 4);
}

TEST_CASE("a batch with a broken file imports the rest and exits 6 naming the file") {
    testing::ScratchDir dir;
    const auto path = (dir / "blandet.fokus").string();
    run_cli(dir, {"new", path});
    testing::write_file(dir / "god.txt", "Interviewer: Hvordan går det med børnene?\nBorger 1: Godt, tak.\n");
    testing::write_file(dir / "ødelagt.docx", "ikke en zip");
    auto result = run_cli(dir, {"import", path, (dir / "god.txt").string(), (dir / "ødelagt.docx").string()});
    CHECK(result.exit_code == 6);
    CHECK(result.out.find("1 imported, 0 skipped, 1 failed") != std::string::npos);
    CHECK(result.err.find("ødelagt.docx: is named .docx but is not a zip archive") != std::string::npos);
    auto mapped = run_cli(dir, {"participants", path, "map", "god", "Borger 1", "K-B1"});
    CHECK(mapped.out == "Borger 1 in god is K-B1\n");
    auto unknown = run_cli(dir, {"participants", path, "map", "god", "Borger 7", "K-B7"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "fokus-cli: \"god\" has no speaker labelled \"Borger 7\"\n");
}

TEST_CASE("speaker patterns can be given per import") {
    testing::ScratchDir dir;
    const auto path = (dir / "mønstre.fokus").string();
    run_cli(dir, {"new", path});
    testing::write_file(dir / "chat.txt", "deltager_a: hej med jer\ndeltager_b: hej, er I klar?\ndeltager_a: ja, vi kan gå i gang.\n");
    REQUIRE(run_cli(dir, {"import", path, (dir / "chat.txt").string(), "--speaker-pattern", "^(deltager_[a-zæøå]):"}).exit_code == 0);
    const auto info = nlohmann::json::parse(run_cli(dir, {"info", path, "--json"}).out);
    CHECK(info["documents"][0]["turns"] == 3);
    CHECK(info["documents"][0]["speakers"].size() == 2);
    auto bad = run_cli(dir, {"import", path, (dir / "chat.txt").string(), "--force", "--speaker-pattern", "^(deltager"});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("is not a valid regular expression") != std::string::npos);
}

TEST_CASE("check-anonymity shows where and in what context; pseudonymise --map puts pseudonyms in") {
    testing::ScratchDir dir;
    const auto path = (dir / "navne.fokus").string();
    run_cli(dir, {"new", path});
    testing::write_file(dir / "borgere.txt",
                        "Interviewer: Hvem er jeres rådgiver?\nBorger 1: Det er Mette, og Mettes telefon er 22 48 61 37.\n");
    REQUIRE(run_cli(dir, {"import", path, (dir / "borgere.txt").string()}).exit_code == 0);
    auto checked = run_cli(dir, {"check-anonymity", path, "--name", "Mette"});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out.find("borgere  54-59  name  Mette\n    …vem er jeres rådgiver? Borger 1: Det er [[Mette]], og Mettes") !=
          std::string::npos);
    CHECK(checked.out.find("3 findings\n") != std::string::npos);
    testing::write_file(dir / "kort.txt", "Mette -> Rådgiver 3\n");
    CHECK(run_cli(dir, {"pseudonymise", path, "--map", (dir / "kort.txt").string()}).out.rfind("Replaced 3 findings (undo reverses it;", 0) ==
          0);
    CHECK(run_cli(dir, {"check-anonymity", path, "--name", "Mette"}).out == "0 findings\n");
    CHECK(run_cli(dir, {"undo", path}).exit_code == 0);
    CHECK(run_cli(dir, {"check-anonymity", path, "--name", "Mette", "--json"}).out.find("22 48 61 37") != std::string::npos);
}

TEST_CASE("a manifest naming a file that is not imported stops the batch with the sheet and line") {
    testing::ScratchDir dir;
    const auto path = (dir / "ark.fokus").string();
    run_cli(dir, {"new", path});
    testing::write_file(dir / "borgere.txt", "Interviewer: Hvordan går det?\nBorger 1: Godt, tak for kaffe.\n");
    testing::write_file(dir / "manifest.csv", "file;municipality\nborgere.txt;Kommune Æ\nbørn.txt;Kommune Ø\n");
    auto refused = run_cli(dir, {"import", path, (dir / "borgere.txt").string(), "--manifest", (dir / "manifest.csv").string()});
    CHECK(refused.exit_code == 4);
    CHECK(refused.err.find("manifest.csv: line 3 names \"børn.txt\", which is neither being imported nor in the project") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(run_cli(dir, {"info", path, "--json"}).out)["documents"].empty());
}

TEST_CASE("import says per file what it found, and --speakers off imports a transcript without speakers") {
    testing::ScratchDir dir;
    const std::string file = std::string(FOKUS_SOURCE_DIR) + "/sample-transcripts/bikva-3-ledere.txt";
    // The file's 73 lines, counted with Python: a title, then 72 labelled turns of 4 speakers.
    const auto found = (dir / "fundet.fokus").string();
    run_cli(dir, {"new", found});
    const auto auto_import = run_cli(dir, {"import", found, file});
    REQUIRE(auto_import.exit_code == 0);
    CHECK(auto_import.out.find("Imported bikva-3-ledere.txt: 72 turns, 4 speakers, 1 unlabelled passage\n") == 0);
    CHECK(run_cli(dir, {"info", found}).out.find(" characters, 72 turns, 1 unlabelled passage]") != std::string::npos);

    const auto plain = (dir / "uden-talere.fokus").string();
    run_cli(dir, {"new", plain});
    const auto off = run_cli(dir, {"import", plain, file, "--speakers", "off", "--json"});
    REQUIRE(off.exit_code == 0);
    const auto report = nlohmann::json::parse(off.out);
    REQUIRE(report["documents"].size() == 1);
    CHECK(report["documents"][0]["file"] == "bikva-3-ledere.txt");
    CHECK(report["documents"][0]["turns"] == 0);
    CHECK(report["documents"][0]["passages"] == 73);
    CHECK(report["documents"][0]["found"] == "no speaker labels: imported as a document (73 passages)");
    const auto info = nlohmann::json::parse(run_cli(dir, {"info", plain, "--json"}).out);
    CHECK(info["documents"][0]["speakers"].empty());
    CHECK(info["documents"][0]["turns"] == 0);
    CHECK(info["documents"][0]["passages"] == 73);
    CHECK(run_cli(dir, {"info", plain}).out.find("0 turns, 73 unlabelled passages]") != std::string::npos);
    CHECK(run_cli(dir, {"participants", plain}).out == "0 participants\n");
    // The words of every line are found, with no speaker.
    const auto hits = nlohmann::json::parse(run_cli(dir, {"search", plain, "nervøse", "--json"}).out);
    REQUIRE(hits["hits"].size() == 1);
    CHECK(hits["hits"][0]["speaker"].is_null());

    CHECK(run_cli(dir, {"import", plain, file, "--speakers", "måske"}).exit_code == 2);
}

TEST_CASE("import keeps the manifest's name and attributes when a copy lies beside a transcript, and names what it skips") {
    testing::ScratchDir dir;
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    const auto folder = dir / "udskrifter";
    std::filesystem::copy(corpus, folder);
    // A copy a colleague left beside the original; it sorts before it.
    std::filesystem::copy_file(folder / "kommune-a-raadgivere.txt", folder / "kommune-a-raadgivere (kopi).txt");
    const auto path = (dir / "kopi.fokus").string();
    run_cli(dir, {"new", path});
    const std::vector<std::string> import = {"import", path, folder.string(), (folder / "kommune-b-ledere.odt").string(),
                                             "--manifest", (folder / "manifest.csv").string(), "--participants",
                                             (folder / "participants.csv").string()};
    auto json_import = import;
    json_import.push_back("--json");
    auto first = run_cli(dir, json_import);
    REQUIRE(first.exit_code == 0);
    const auto report = nlohmann::json::parse(first.out);
    CHECK(report["imported"].size() == 13);
    REQUIRE(report["skipped"].size() == 1);
    CHECK(report["skipped"][0]["file"] == "kommune-a-raadgivere (kopi).txt");
    CHECK(report["skipped"][0]["same_as"] == "kommune-a-raadgivere.txt");
    CHECK(report["skipped"][0]["in_project"] == false);
    CHECK(report["skipped"][0]["reason"] ==
          "the same content as kommune-a-raadgivere.txt, which the manifest or participants sheet lists and which is imported instead");
    const auto info = nlohmann::json::parse(run_cli(dir, {"info", path, "--json"}).out);
    REQUIRE(info["documents"].size() == 13);
    bool found = false;
    for (const auto& document : info["documents"]) {
        CHECK(document["name"] != "kommune-a-raadgivere (kopi)");
        if (document["name"] != "kommune-a-raadgivere") continue;
        found = true;
        CHECK(document["attributes"]["municipality"] == "Kommune A");
        CHECK(document["attributes"]["moderator"] == "F-M1");
    }
    CHECK(found);

    // Again: nothing comes in, each file is named with the document it already is, and the project stays as it was.
    const auto before = run_cli(dir, {"info", path, "--json"}).out;
    auto again = run_cli(dir, import);
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("Skipped kommune-a-raadgivere (kopi).txt: already in the project as \"kommune-a-raadgivere\" "
                         "(--force imports it again)\n") != std::string::npos);
    CHECK(again.out.find("Skipped bikva-1-borgere.docx: already in the project as \"bikva-1-borgere\"") != std::string::npos);
    CHECK(again.out.find("0 imported, 14 skipped, 0 failed\n") != std::string::npos);
    CHECK(run_cli(dir, {"info", path, "--json"}).out == before);
}

TEST_CASE("an empty project is never said to hold the files of the batch") {
    testing::ScratchDir dir;
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    const auto path = (dir / "tom.fokus").string();
    run_cli(dir, {"new", path});
    // The folder given twice, as a dialog's list of files and folders easily holds it.
    auto result = run_cli(dir, {"import", path, corpus.string(), corpus.string(), "--manifest", (corpus / "manifest.csv").string()});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("already") == std::string::npos);
    CHECK(result.out.find("13 imported, 0 skipped, 0 failed\n") != std::string::npos);
}
