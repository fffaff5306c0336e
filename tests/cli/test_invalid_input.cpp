// Every command given wrong input answers with a clear message naming the
// value and the problem, exits with the documented code, and changes nothing:
// the project's every table reads the same afterwards, and no file is left.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <sys/stat.h>

#include <set>

#include "cli_runner.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/project.h"
#include "coding/quote_sets.h"
#include "coding/sqlite.h"
#include "fixtures.h"

using namespace fokus;
using testing::run_cli;

namespace {

// Every row of every table, in order: equal strings mean an unchanged project.
std::string contents_of(const std::string& path) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    std::vector<std::string> tables;
    auto names = project.db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (names.step()) tables.push_back(names.text(0));
    std::string contents;
    for (const auto& table : tables) {
        auto rows = project.db().prepare("SELECT * FROM \"" + table + "\" ORDER BY rowid");
        contents += "[" + table + "]\n";
        while (rows.step()) {
            for (int column = 0; column < rows.column_count(); ++column) contents += rows.text(column) + "|";
            contents += "\n";
        }
    }
    return contents;
}

std::set<std::string> files_in(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("cli.", 0) != 0 && name.find(".index") == std::string::npos) names.insert(name);
    }
    return names;
}

// A focus group with one coding in Danish.
Project coded_project(const std::string& path) {
    auto project = Project::create(path);
    const Id document = testing::add_focus_group(project);
    CodingStore(project).add(document, CodeStore(project).resolve("Motivation").id,
                             testing::span_of(testing::focus_group_text, "Man gør en forskel for familierne"));
    return project;
}

struct Case {
    std::vector<std::string> arguments;  // PROJECT stands for the project's path
    int exit_code;
    std::string message;  // part of what stderr says
};

}  // namespace

TEST_CASE("wrong input to every command is refused with a message naming it, and nothing changes") {
    testing::ScratchDir dir;
    const auto path = (dir / "studie.fokus").string();
    {
        auto project = coded_project(path);
        QuoteSetStore(project).create("Kapitel 4");
    }
    const std::vector<Case> cases = {
        {{"code", "PROJECT", "Fokusgruppe Kommune B", "Ukendt kode", "--span", "0-5"}, 1, "no code named \"Ukendt kode\""},
        {{"code", "PROJECT", "Fokusgruppe Kommune B", "Motivation", "--span", "0-99999"}, 1, "the span 0-99999 is not inside"},
        {{"code", "PROJECT", "Fokusgruppe Kommune B", "Motivation", "--span", "9-3"}, 1, "the span 9-3 is not inside"},
        {{"code", "PROJECT", "Fokusgruppe Kommune Ø", "Motivation", "--span", "0-5"}, 1, "no document named \"Fokusgruppe Kommune Ø\""},
        {{"codes", "PROJECT", "add", ""}, 1, "a code name cannot be empty"},
        {{"codes", "PROJECT", "add", "Motivation"}, 1, "there is already a code named \"Motivation\""},
        {{"codes", "PROJECT", "rename", "Motivation", "Faglig tryghed"}, 1, "there is already a code named \"Faglig tryghed\""},
        {{"codes", "PROJECT", "recolour", "Motivation", "#GGHHII"}, 1, "\"#GGHHII\" is not a colour"},
        {{"search", "PROJECT", "\"faglig tryghed"}, 1, "the quote at position 1 of the query is never closed"},
        {{"search", "PROJECT", "rådgiver NEAR/x leder"}, 1, "\"NEAR/x\" at position 10 of the query needs a distance"},
        {{"code-hits", "PROJECT", "leder*", "Ukendt kode"}, 1, "no code named \"Ukendt kode\""},
        {{"import", "PROJECT", "/ikke/her/fokusgruppe.txt"}, 4, "/ikke/her/fokusgruppe.txt: is not a file that can be read"},
        {{"import-codebook", "PROJECT", "/ikke/her/kodebog.qdc"}, 4, "/ikke/her/kodebog.qdc: cannot be read"},
        {{"memo", "PROJECT", "--document", "ukendt", "Et memo om tryghed"}, 1, "no document named \"ukendt\""},
        {{"quotes", "PROJECT", "create", "kapitel 4"}, 1, "there is already a quote set named \"Kapitel 4\""},
        {{"quotes", "PROJECT", "add", "Kapitel 9", "--code", "Motivation"}, 1, "no quote set named \"Kapitel 9\""},
        {{"quotes", "PROJECT", "export", "Kapitel 4", "kapitel.pdf"}, 1, "\"pdf\" is not a quote export format"},
        {{"crosstab", "PROJECT", "--by", "ukendt"}, 1, "no document has the attribute \"ukendt\""},
        {{"agreement", "PROJECT", "--coders", "Åse", "--unit", "ord"}, 2, "ord not in {character,word,sentence,turn}"},
        {{"export-matrix", "PROJECT", "matrix.doc"}, 1, "the file must end in .csv, .xlsx, .png or .svg"},
        {{"merge", "PROJECT", "/ikke/her/bjørn.fokus"}, 2, "File does not exist: /ikke/her/bjørn.fokus"},
        {{"merge", "PROJECT", "PROJECT"}, 1, "is this project itself"},
        {{"condense", "PROJECT", "set", "Motivation", "Tryghed", "--value", "municipality"}, 1, "\"municipality\" is not a filter"},
        {{"contrast", "PROJECT", "Motivation", "--left", "municipality=Kommune B", "--right", "municipality=Kommune D", "--export",
          "kontrast.pdf"},
         1, "a table is written as .xlsx or .csv"},
        {{"undo", "ukendt.fokus"}, 3, "ukendt.fokus: no such project file"},
        {{"history", "PROJECT", "--limit", "0"}, 2, "--limit: \"0\" is not a whole number of 1 or more"},
        {{"cooccur", "PROJECT", "--relation", "near", "--distance", "-1"}, 2, "--distance: \"-1\" is not a whole number of 0 or more"},
        {{"kodning", "PROJECT"}, 2, "no command named \"kodning\"; the commands are: "},
    };
    const auto before = contents_of(path);
    const auto files_before = files_in(dir.path());
    for (const auto& wrong : cases) {
        std::vector<std::string> arguments;
        for (const auto& argument : wrong.arguments) arguments.push_back(argument == "PROJECT" ? path : argument);
        CAPTURE(arguments);
        const auto result = run_cli(dir, arguments);
        CHECK(result.exit_code == wrong.exit_code);
        CHECK_MESSAGE(result.err.find(wrong.message) != std::string::npos, result.err);
        CHECK(contents_of(path) == before);
        CHECK(files_in(dir.path()) == files_before);
    }
}

TEST_CASE("an export to a full disk fails with a message naming the file and leaves no part of it") {
    testing::ScratchDir dir;
    const auto path = (dir / "studie.fokus").string();
    coded_project(path);
    const auto full = dir / "fuld";
    std::filesystem::create_directories(full);
    // A 16 KiB file system, filled to the brim, stands in for a full disk.
    if (mount("tmpfs", full.c_str(), "tmpfs", 0, "size=16k") != 0) {
        MESSAGE("cannot mount a small tmpfs here (not root, or no mount permission); the full-disk case is not run");
        return;
    }
    struct Unmount {
        std::filesystem::path path;
        ~Unmount() { umount(path.c_str()); }
    } unmount{full};
    testing::write_file(full / "fyld", std::string(15 * 1024, 'x'));
    const auto before = contents_of(path);
    for (const auto& arguments :
         {std::vector<std::string>{"export-qdpx", path, (full / "studie.qdpx").string()},
          std::vector<std::string>{"export-codebook", path, (full / "kodebog.docx").string()},
          std::vector<std::string>{"export-matrix", path, (full / "matrix.xlsx").string()}}) {
        CAPTURE(arguments);
        const auto result = run_cli(dir, arguments);
        CHECK(result.exit_code != 0);
        CHECK_MESSAGE(result.err.find(full.string()) != std::string::npos, result.err);
        CHECK(std::filesystem::directory_iterator(full) != std::filesystem::directory_iterator());
        std::set<std::string> left;
        for (const auto& entry : std::filesystem::directory_iterator(full)) left.insert(entry.path().filename().string());
        CHECK(left == std::set<std::string>{"fyld"});
    }
    CHECK(contents_of(path) == before);
}

namespace {

std::string bytes_of(const std::filesystem::path& path) { return testing::read_file(path); }

}  // namespace

TEST_CASE("no export replaces the project, its own files, another project or anything but an ordinary file") {
    testing::ScratchDir dir;
    const auto path = (dir / "studie.fokus").string();
    coded_project(path);
    // The index and backups folders exist beside the project as they do in use.
    REQUIRE(run_cli(dir, {"search", path, "tryghed"}).exit_code == 0);
    REQUIRE(run_cli(dir, {"backup", path}).exit_code == 0);
    const auto backups = std::filesystem::path(path + ".backups");
    REQUIRE(std::filesystem::is_directory(backups));
    const auto other = (dir / "bjørns-kopi.fokus").string();
    coded_project(other);
    const auto fifo = dir / "rør";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto device_link = dir / "enhed.qdpx";
    std::filesystem::create_symlink("/dev/null", device_link);

    const auto project_bytes = bytes_of(path);
    const auto other_bytes = bytes_of(other);
    const auto before = contents_of(path);
    struct Target {
        std::string file;
        std::string reason;
    };
    const std::vector<Target> targets = {
        {path, "is a Fokus project"},
        {other, "is a Fokus project"},
        {path + "-wal", "belongs to the project"},
        {path + "-shm", "belongs to the project"},
        {path + ".index/kodebog.qdc", "lies inside"},
        {(backups / "kodebog.qdc").string(), "lies inside"},
        {path + ".index", "is a folder"},
        {fifo.string(), "is not an ordinary file"},
        {device_link.string(), "is not an ordinary file"},
    };
    for (const auto& target : targets) {
        for (const std::string command : {"export-qdpx", "export-codebook"}) {
            CAPTURE(command);
            CAPTURE(target.file);
            const auto result = run_cli(dir, {command, path, target.file});
            CHECK(result.exit_code == 4);
            CHECK_MESSAGE(result.err.find(target.file + ": cannot be written: it " + target.reason) != std::string::npos, result.err);
        }
    }
    CHECK(bytes_of(path) == project_bytes);
    CHECK(bytes_of(other) == other_bytes);
    CHECK(contents_of(path) == before);
    CHECK(std::filesystem::is_fifo(fifo));
    CHECK(std::filesystem::is_character_file("/dev/null"));
    CHECK(std::filesystem::is_symlink(device_link));
    // Nothing half-written stays behind in any of the folders.
    for (const auto& folder : {dir.path(), backups, std::filesystem::path(path + ".index")}) {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            CHECK_MESSAGE(entry.path().extension() != ".tmp", entry.path().string());
        }
    }
    // The other exports share the check.
    const auto matrix = run_cli(dir, {"export-matrix", path, path + ".index/matrix.xlsx"});
    CHECK(matrix.exit_code == 4);
    CHECK_MESSAGE(matrix.err.find("lies inside") != std::string::npos, matrix.err);
    const auto quotes = run_cli(dir, {"export-codebook", path, (backups / "kodebog.md").string()});
    CHECK(quotes.exit_code == 4);
    CHECK_MESSAGE(quotes.err.find("lies inside") != std::string::npos, quotes.err);
}

TEST_CASE("an export through a link to an ordinary file replaces the file and keeps the link") {
    testing::ScratchDir dir;
    const auto path = (dir / "studie.fokus").string();
    coded_project(path);
    std::filesystem::create_directories(dir / "rapport");
    testing::write_file(dir / "rapport" / "kodebog.qdc", "gammel");
    std::filesystem::create_symlink(dir / "rapport" / "kodebog.qdc", dir / "genvej.qdc");
    const auto result = run_cli(dir, {"export-codebook", path, (dir / "genvej.qdc").string()});
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(std::filesystem::is_symlink(dir / "genvej.qdc"));
    CHECK(testing::read_file(dir / "rapport" / "kodebog.qdc").find("Faglig tryghed") != std::string::npos);
}
