// fokus-cli check, and how every command meets a damaged project: the damage
// named with the newest good backup, exit 3, and the project left as it was.
#include <doctest/doctest.h>

#include <sys/mount.h>

#include <nlohmann/json.hpp>

#include <set>

#include "cli_runner.h"
#include "damage.h"
#include "scratch.h"

using namespace fokus;
using testing::run_cli;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A project with one short Danish conversation, "samtale", imported.
struct Imported {
    testing::ScratchDir dir;
    std::string path = (dir / "rådgivning i kommune Ø.fokus").string();
    Imported() {
        REQUIRE(run_cli(dir, {"new", path}).exit_code == 0);
        testing::write_file(dir / "samtale.txt",
                            "Interviewer: Hvordan er det at være rådgiver her?\n"
                            "Rådgiver 1: Vi får sparring, og så føler man sig tryg i sin faglighed.\n"
                            "Rådgiver 2: Lederen står bag os, når der kommer en klage fra en forælder.\n");
        REQUIRE(run_cli(dir, {"import", path, (dir / "samtale.txt").string()}).exit_code == 0);
    }
    // The one backup, made before any damage.
    std::string back_up() {
        const auto made = run_cli(dir, {"backup", path});
        REQUIRE(made.exit_code == 0);
        const auto all = fs::directory_iterator(path + ".backups");
        return all->path().string();
    }
};

}  // namespace

TEST_CASE("check finds nothing wrong with a sound project and says so, exit 0") {
    Imported p;
    const auto checked = run_cli(p.dir, {"check", p.path});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out == "No damage found in " + p.path +
                             " (SQLite's integrity and foreign-key checks, the text of every document, the code tree)\n");
    const auto json = nlohmann::json::parse(run_cli(p.dir, {"check", p.path, "--json"}).out);
    CHECK(json["clean"] == true);
    CHECK(json["problems"].empty());
}

TEST_CASE("a changed byte of a document's text: check names the document, reading it for export, search or coding is refused") {
    Imported p;
    const auto backup = p.back_up();
    testing::change_bytes_in_page(p.path, "documents", "føler man sig tryg", "føler man sig tryk");
    const std::string damaged = testing::read_file(p.path);

    const auto checked = run_cli(p.dir, {"check", p.path});
    CHECK(checked.exit_code == 3);
    CHECK_MESSAGE(contains(checked.out, "  the document \"samtale\": its text is not the text that was stored"), checked.out);
    CHECK(contains(checked.out, "The newest good backup is " + backup + " (made "));
    CHECK(contains(checked.err, "the project is damaged (1 problem"));
    const auto json = nlohmann::json::parse(run_cli(p.dir, {"check", p.path, "--json"}).out);
    CHECK(json["clean"] == false);
    REQUIRE(json["problems"].size() == 1);
    CHECK(json["problems"][0]["kind"] == "text");
    CHECK(json["problems"][0]["subject"] == "the document \"samtale\"");
    CHECK(json["newest_good_backup"]["path"] == backup);

    const auto exported = run_cli(p.dir, {"export-qdpx", p.path, (p.dir / "samtale.qdpx").string()});
    CHECK(exported.exit_code == 3);
    CHECK_MESSAGE(contains(exported.err, "the text of \"samtale\" is not the text that was stored"), exported.err);
    CHECK(contains(exported.err, "the newest good backup is " + backup));
    CHECK_FALSE(fs::exists(p.dir / "samtale.qdpx"));

    const auto searched = run_cli(p.dir, {"search", p.path, "sparring"});
    CHECK(searched.exit_code == 3);
    CHECK_MESSAGE(contains(searched.err, "the text of \"samtale\""), searched.err);

    const auto coded = run_cli(p.dir, {"code", p.path, "samtale", "Faglig tryghed", "--text", "sparring"});
    CHECK(coded.exit_code == 3);
    CHECK_MESSAGE(contains(coded.err, "the text of \"samtale\""), coded.err);

    CHECK(testing::read_file(p.path) == damaged);
}

TEST_CASE("a file cut short: check lists what SQLite finds, with the newest good backup, exit 3") {
    Imported p;
    const auto backup = p.back_up();
    const std::string bytes = testing::read_file(p.path);
    testing::write_file(p.path, bytes.substr(0, bytes.size() / 2));
    const auto checked = run_cli(p.dir, {"check", p.path});
    CHECK(checked.exit_code == 3);
    CHECK_MESSAGE(contains(checked.out, p.path + " is damaged ("), checked.out);
    CHECK(contains(checked.out, "The newest good backup is " + backup + " (made "));
    CHECK(testing::read_file(p.path) == bytes.substr(0, bytes.size() / 2));
}

TEST_CASE("an index that disagrees with its table opens as ever, and check finds it") {
    Imported p;
    p.back_up();
    std::string checksum;
    {
        sql::Connection db(p.path, sql::Connection::Mode::ReadOnly);
        auto row = db.prepare("SELECT text_checksum FROM documents");
        REQUIRE(row.step());
        checksum = row.text(0);
    }
    std::string changed = checksum;
    changed[5] = checksum[5] == 'a' ? 'b' : 'a';
    testing::change_bytes_in_page(p.path, "documents_by_text_checksum", checksum, changed);
    const std::string damaged = testing::read_file(p.path);

    CHECK(run_cli(p.dir, {"info", p.path}).exit_code == 0);  // the quick check at opening misses it
    const auto checked = run_cli(p.dir, {"check", p.path});
    CHECK(checked.exit_code == 3);
    CHECK_MESSAGE(contains(checked.out, "  the table documents (index documents_by_text_checksum): "), checked.out);
    CHECK(contains(checked.out, "The newest good backup is "));
    CHECK(testing::read_file(p.path) == damaged);
}

TEST_CASE("a loop of parents: exports refuse naming the codes, check --repair breaks it as one step of undo") {
    Imported p;
    testing::make_loop_of_parents(p.path);
    const std::string damaged = testing::read_file(p.path);

    const auto codebook = run_cli(p.dir, {"export-codebook", p.path, (p.dir / "kodebog.qdc").string()});
    CHECK(codebook.exit_code == 3);
    CHECK_MESSAGE(contains(codebook.err, "the code tree is damaged: the codes \"Ærlighed\" → \"Åbenhed\" → \"Ærlighed\""),
                  codebook.err);
    CHECK(contains(codebook.err, "repair it with fokus-cli check --repair " + p.path));
    CHECK_FALSE(contains(codebook.err, "map::at"));
    CHECK_FALSE(fs::exists(p.dir / "kodebog.qdc"));
    const auto exported = run_cli(p.dir, {"export-qdpx", p.path, (p.dir / "alt.qdpx").string()});
    CHECK(exported.exit_code == 3);
    CHECK(contains(exported.err, "\"Åbenhed\""));
    CHECK_FALSE(fs::exists(p.dir / "alt.qdpx"));

    const auto checked = run_cli(p.dir, {"check", p.path});
    CHECK(checked.exit_code == 3);
    CHECK_MESSAGE(contains(checked.out, "  the code tree: the codes \"Ærlighed\" → \"Åbenhed\" → \"Ærlighed\""), checked.out);
    CHECK(contains(checked.out, "The code tree can be repaired with fokus-cli check --repair " + p.path));
    CHECK(testing::read_file(p.path) == damaged);

    const auto repaired = run_cli(p.dir, {"check", p.path, "--repair"});
    CHECK(repaired.exit_code == 0);
    CHECK_MESSAGE(repaired.out == "Repaired the code tree as one step (fokus-cli undo takes it back):\n"
                                  "  moved \"Ærlighed\", \"Åbenhed\" to the top level, out of a loop of parents\n"
                                  "No damage found in " + p.path +
                                      " (SQLite's integrity and foreign-key checks, the text of every document, the code tree)\n",
                  repaired.out);
    CHECK(run_cli(p.dir, {"export-codebook", p.path, (p.dir / "kodebog.qdc").string()}).exit_code == 0);
    const auto written = testing::read_file(p.dir / "kodebog.qdc");
    CHECK(contains(written, "name=\"Ærlighed\""));
    CHECK(contains(written, "name=\"Åbenhed\""));

    const auto undone = run_cli(p.dir, {"undo", p.path});
    CHECK(undone.out == "Undone: repair the code tree\n");
    CHECK(run_cli(p.dir, {"check", p.path}).exit_code == 3);
    CHECK(run_cli(p.dir, {"redo", p.path}).exit_code == 0);
    CHECK(run_cli(p.dir, {"check", p.path}).exit_code == 0);
}

TEST_CASE("pseudonymisation, and its undo and redo, keep every text's checksum right") {
    Imported p;
    testing::write_file(p.dir / "borgere.txt",
                        "Interviewer: Hvem er jeres rådgiver?\nBorger 1: Det er Mette, og Mettes telefon er 22 48 61 37.\n");
    REQUIRE(run_cli(p.dir, {"import", p.path, (p.dir / "borgere.txt").string()}).exit_code == 0);
    testing::write_file(p.dir / "kort.txt", "Mette -> Rådgiver 3\n");
    REQUIRE(run_cli(p.dir, {"pseudonymise", p.path, "--map", (p.dir / "kort.txt").string()}).exit_code == 0);
    CHECK(run_cli(p.dir, {"check", p.path}).exit_code == 0);
    const auto found = run_cli(p.dir, {"search", p.path, "telefon"});
    CHECK(found.exit_code == 0);
    CHECK_MESSAGE(contains(found.out, "telefon"), found.out);
    REQUIRE(run_cli(p.dir, {"undo", p.path}).exit_code == 0);
    CHECK(run_cli(p.dir, {"check", p.path}).exit_code == 0);
    REQUIRE(run_cli(p.dir, {"redo", p.path}).exit_code == 0);
    CHECK(run_cli(p.dir, {"check", p.path}).exit_code == 0);
    CHECK(run_cli(p.dir, {"export-qdpx", p.path, (p.dir / "alt.qdpx").string()}).exit_code == 0);
}

TEST_CASE("a backup to a full disk names the backup folder and the problem, exit 4, and leaves nothing behind") {
    testing::ScratchDir dir;
    const auto path = (dir / "fuld.fokus").string();
    REQUIRE(run_cli(dir, {"new", path}).exit_code == 0);
    const fs::path folder = path + ".backups";
    fs::create_directories(folder);
    // A 16 KiB file system, filled to the brim, stands in for a full disk.
    if (mount("tmpfs", folder.c_str(), "tmpfs", 0, "size=16k") != 0) {
        MESSAGE("cannot mount a small tmpfs here (not root, or no mount permission); the full-disk case is not run");
        return;
    }
    struct Unmount {
        fs::path path;
        ~Unmount() { umount(path.c_str()); }
    } unmount{folder};
    testing::write_file(folder / "fyld", std::string(15 * 1024, 'x'));
    const std::string before = testing::read_file(path);

    const auto result = run_cli(dir, {"backup", path});
    CHECK(result.exit_code == 4);
    CHECK(result.out.empty());
    CHECK_MESSAGE(result.err == "fokus-cli: " + folder.string() +
                                    ": the backup could not be written there: the disk is full; no backup was made\n",
                  result.err);
    std::set<std::string> left;
    for (const auto& entry : fs::directory_iterator(folder)) left.insert(entry.path().filename().string());
    CHECK(left == std::set<std::string>{"fyld"});
    CHECK(testing::read_file(path) == before);
}
