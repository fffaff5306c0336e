#include <doctest/doctest.h>

#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "importers/batch.h"
#include "importers/csv.h"
#include "scratch.h"
#include <map>
#include "zip_fixture.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

// Every row of the user's tables, to show that a failed file changed nothing.
std::string tables_checksum(Project& project) {
    std::string all;
    for (const char* table : {"documents", "document_attributes", "turns", "speakers", "participants",
                              "participant_attributes", "codings", "codes"}) {
        auto query = project.db().prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1");
        while (query.step()) {
            for (int c = 0; c < 6; ++c) all += query.text(c) + "|";
            all += "\n";
        }
    }
    return all;
}

struct Folder {
    testing::ScratchDir dir;
    Folder() {
        std::filesystem::create_directories(dir / "udskrifter");
        testing::write_file(dir / "udskrifter/borgere.txt",
                            "Interviewer: Hvordan er jeres rådgiver?\nBorger 1: Hun lytter.\nBorger 2: Han skifter hele tiden.\n");
        testing::write_docx(dir / "udskrifter/raadgivere.docx",
                            testing::docx_turn("Moderator:", "En borger sagde, at rådgiveren skifter.") +
                                testing::docx_turn("Rådgiver 1:", "Det kender vi godt."));
        testing::write_file(dir / "manifest.csv",
                            "file;municipality;bikva_stage;interview_form;note\n"
                            "borgere.txt;Kommune C;1;gruppeinterview;\"optaget; i huset\"\n"
                            "raadgivere.docx;Kommune C;2;fokusgruppe;\n");
        testing::write_file(dir / "deltagere.csv",
                            "file,speaker,participant,role,seniority\n"
                            "borgere.txt,Borger 1,C-B1,Borger,\n"
                            "raadgivere.docx,Rådgiver 1,C-R1,Rådgiver,6-10 år\n");
    }
};

}  // namespace

TEST_CASE("a folder is imported with its manifest and participants") {
    Folder folder;
    auto project = Project::create(folder.dir / "bikva.fokus");
    BatchOptions options;
    options.manifest = (folder.dir / "manifest.csv").string();
    options.participants = (folder.dir / "deltagere.csv").string();
    const auto report = import_files(project, {folder.dir / "udskrifter"}, options);
    CHECK(report.imported == std::vector<std::string>{"borgere.txt", "raadgivere.docx"});
    CHECK(report.failed.empty());
    DocumentStore documents(project);
    const auto borgere = documents.resolve("borgere");
    CHECK(documents.attributes(borgere.id).at("municipality") == "Kommune C");
    CHECK(documents.attributes(borgere.id).at("note") == "optaget; i huset");
    CHECK(documents.turns(borgere.id).size() == 3);
    const auto r1 = ParticipantStore(project).find("C-R1");
    REQUIRE(r1);
    CHECK(r1->attributes.at("seniority") == "6-10 år");
    CHECK(r1->speaks_as.size() == 1);
    const auto again = import_files(project, {folder.dir / "udskrifter"}, options);
    CHECK(again.skipped.size() == 2);
    CHECK(again.imported.empty());
    BatchOptions force = options;
    force.force = true;
    CHECK(import_files(project, {folder.dir / "udskrifter/borgere.txt"}, force).imported.size() == 1);
    CHECK(documents.resolve("borgere (2)").id > 0);
}

TEST_CASE("a broken file is reported and leaves the project exactly as it was") {
    Folder folder;
    auto project = Project::create(folder.dir / "brudt.fokus");
    testing::write_file(folder.dir / "ødelagt.docx", "ikke en zip");
    const auto before = tables_checksum(project);
    const auto report = import_files(project, {folder.dir / "ødelagt.docx"}, {});
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed[0].reason.find("ødelagt.docx: is named .docx but is not a zip archive") != std::string::npos);
    CHECK(tables_checksum(project) == before);
    const auto mixed = import_files(project, {folder.dir / "ødelagt.docx", folder.dir / "udskrifter/borgere.txt"}, {});
    CHECK(mixed.imported.size() == 1);
    CHECK(mixed.failed.size() == 1);
}

TEST_CASE("a participants sheet naming a speaker the document does not have fails that document whole") {
    Folder folder;
    auto project = Project::create(folder.dir / "deltager.fokus");
    testing::write_file(folder.dir / "forkert.csv", "file,speaker,participant\nborgere.txt,Borger 9,C-B9\n");
    BatchOptions options;
    options.participants = (folder.dir / "forkert.csv").string();
    const auto before = tables_checksum(project);
    const auto report = import_files(project, {folder.dir / "udskrifter/borgere.txt"}, options);
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed[0].reason == "\"borgere\" has no speaker labelled \"Borger 9\"");
    CHECK(tables_checksum(project) == before);
}

TEST_CASE("bad sheets are refused before anything is imported; rows for other files are warned of") {
    Folder folder;
    auto project = Project::create(folder.dir / "ark.fokus");
    testing::write_file(folder.dir / "uden.csv", "fil,kommune\nborgere.txt,Kommune C\n");
    BatchOptions options;
    options.manifest = (folder.dir / "uden.csv").string();
    CHECK_THROWS_WITH_AS(import_files(project, {folder.dir / "udskrifter"}, options),
                         doctest::Contains("uden.csv: has no \"file\" column"), FormatError);
    CHECK(DocumentStore(project).all().empty());
    testing::write_file(folder.dir / "citat.csv", "file,municipality\n\"borgere.txt,Kommune C\n");
    CHECK_THROWS_WITH_AS(parse_csv(testing::read_file(folder.dir / "citat.csv"), "citat.csv"),
                         "citat.csv: the quote opened on line 2 is never closed", FormatError);
    testing::write_file(folder.dir / "fremmed.csv", "file,municipality\nandet.txt,Kommune Å\n");
    options.manifest = (folder.dir / "fremmed.csv").string();
    const auto report = import_files(project, {folder.dir / "udskrifter"}, options);
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0].find("names andet.txt, which was not imported") != std::string::npos);
}

TEST_CASE("every kind of bad file is reported by name and leaves the project exactly as it was") {
    Folder folder;
    auto project = Project::create(folder.dir / "uændret.fokus");
    import_files(project, {folder.dir / "udskrifter/borgere.txt"}, {});
    const auto before = tables_checksum(project);
    const auto bad = folder.dir / "dårlige";
    std::filesystem::create_directories(bad);
    testing::write_file(bad / "tom.txt", "");
    testing::write_file(bad / "binær.txt", std::string("\x7f" "ELF\0\0\0\x02", 8));
    testing::write_file(bad / "ikke-zip.docx", "Rådgiver 1: ren tekst");
    testing::write_zip(bad / "uden-dokument.docx", {{"word/styles.xml", "<x/>"}});
    testing::write_zip(bad / "brudt-xml.docx", {{"word/document.xml", "<w:document><w:body><w:p>æ"}});
    testing::write_zip(bad / "sti.docx", {{"word/document.xml", testing::docx_body("")}, {"../uden/for.txt", "x"}});
    testing::write_docx(bad / "afkortet.docx", testing::docx_turn("Borger 1:", "Det går fint med børnene."));
    auto bytes = testing::read_file(bad / "afkortet.docx");
    bytes.resize(bytes.size() / 2);
    testing::write_file(bad / "afkortet.docx", bytes);
    testing::write_docx(bad / "bombe.docx", "<w:p><w:r><w:t>" + std::string(3 << 20, 'x') + "</w:t></w:r></w:p>");
    testing::write_file(bad / "stor.txt", std::string((3 << 20) + 1, 'a'));
    BatchOptions options;
    options.transcript.read.limits.max_expanded_bytes = 2 << 20;
    options.transcript.read.limits.max_file_bytes = 3 << 20;
    const auto report = import_files(project, {bad}, options);
    CHECK(report.imported.empty());
    REQUIRE(report.failed.size() == 9);
    const std::map<std::string, std::string> expected = {
        {"afkortet.docx", "damaged or truncated"},        {"binær.txt", "looks like a binary file"},
        {"bombe.docx", "(a zip bomb?)"},                  {"brudt-xml.docx", "word/document.xml is not well-formed XML"},
        {"ikke-zip.docx", "is not a zip archive"},        {"sti.docx", "points outside it"},
        {"stor.txt", "larger than the 3 MB a transcript may be"}, {"tom.txt", "is empty"},
        {"uden-dokument.docx", "no word/document.xml"}};
    for (const auto& failure : report.failed) {
        INFO(failure.reason);
        REQUIRE(expected.count(failure.file) == 1);
        CHECK(failure.reason.find(failure.file) != std::string::npos);
        CHECK(failure.reason.find(expected.at(failure.file)) != std::string::npos);
    }
    CHECK(tables_checksum(project) == before);
}
