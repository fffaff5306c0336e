#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <set>

#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/text.h"
#include "importers/batch.h"
#include "importers/zip_fixture.h"
#include "project_dump.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;

namespace {

// Two transcripts of a BIKVA chain with their manifest and participants sheet.
struct Folder {
    testing::ScratchDir dir;
    Folder() {
        std::filesystem::create_directories(dir / "udskrifter");
        testing::write_file(dir / "udskrifter/borgere.txt",
                            "Interviewer: Hvordan er jeres rådgiver?\nBorger 1: Hun lytter, og det gør en forskel.\n"
                            "Borger 2: Han skifter hele tiden, så jeg må forklare mig forfra.\n");
        testing::write_docx(dir / "udskrifter/raadgivere.docx",
                            testing::docx_turn("Moderator:", "En borger sagde, at rådgiveren skifter hele tiden.") +
                                testing::docx_turn("Rådgiver 1:", "Det kender vi godt. Vi er for få på holdet."));
        // Not transcripts: left out of the folder's files.
        testing::write_file(dir / "udskrifter/noter.md", "# Møde på rådhuset\n");
        testing::write_file(dir / "udskrifter/~$raadgivere.docx", "låst af Word");
        testing::write_file(dir / "udskrifter/.skjult.txt", "Interviewer: skjult fil\n");
        testing::write_file(dir / "manifest.csv",
                            "file;municipality;bikva_stage;interview_form;note\n"
                            "borgere.txt;Kommune C;1;gruppeinterview;\"optaget; i mødelokalet\"\n"
                            "raadgivere.docx;Kommune C;2;fokusgruppe;\n");
        testing::write_file(dir / "deltagere.csv",
                            "file,speaker,participant,role,work_area,gender,seniority,age\n"
                            "borgere.txt,Interviewer,C-M1,Interviewer,,kvinde,,\n"
                            "borgere.txt,Borger 1,C-B1,Borger,,kvinde,,44\n"
                            "raadgivere.docx,Moderator,C-M1,Interviewer,,kvinde,,\n"
                            "raadgivere.docx,Rådgiver 1,C-R1,Rådgiver,anbringelse,mand,6-10 år,51\n");
    }
    BatchOptions options() const {
        BatchOptions options;
        options.manifest = (dir / "manifest.csv").string();
        options.participants = (dir / "deltagere.csv").string();
        return options;
    }
};

}  // namespace

TEST_CASE("a folder expands to its transcripts, sorted, without notes, hidden files or Word's lock files") {
    Folder folder;
    const auto files = transcript_files({folder.dir / "udskrifter"});
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "borgere.txt");
    CHECK(files[1].filename() == "raadgivere.docx");
}

TEST_CASE("a folder is imported with its manifest's attributes and its participants") {
    Folder folder;
    auto project = Project::create(folder.dir / "bikva.fokus");
    std::vector<std::string> progress;
    auto options = folder.options();
    options.progress = [&](std::size_t number, std::size_t total, const std::string& file) {
        progress.push_back("[" + std::to_string(number) + "/" + std::to_string(total) + "] " + file);
    };
    const auto report = import_files(project, {folder.dir / "udskrifter"}, options);
    CHECK(report.imported == std::vector<std::string>{"borgere.txt", "raadgivere.docx"});
    CHECK(report.failed.empty());
    CHECK(progress == std::vector<std::string>{"[1/2] borgere.txt", "[2/2] raadgivere.docx"});
    DocumentStore documents(project);
    const auto citizens = documents.resolve("borgere");
    CHECK(documents.attributes(citizens.id) == std::map<std::string, std::string>{{"bikva_stage", "1"},
                                                                                  {"interview_form", "gruppeinterview"},
                                                                                  {"municipality", "Kommune C"},
                                                                                  {"note", "optaget; i mødelokalet"}});
    CHECK(documents.attributes(documents.resolve("raadgivere").id).at("bikva_stage") == "2");
    CHECK(documents.turns(citizens.id).size() == 3);

    ParticipantStore participants(project);
    CHECK(participants.all().size() == 3);
    const auto caseworker = participants.find("C-R1");
    REQUIRE(caseworker);
    CHECK(caseworker->attributes == std::map<std::string, std::string>{{"age", "51"},
                                                                       {"gender", "mand"},
                                                                       {"role", "Rådgiver"},
                                                                       {"seniority", "6-10 år"},
                                                                       {"work_area", "anbringelse"}});
    // One moderator, two documents.
    CHECK(participants.find("C-M1")->speaks_as.size() == 2);

    // Each document with its participants was one action: undo takes the last one away whole.
    History(project).undo();
    CHECK(documents.all().size() == 1);
    CHECK_FALSE(participants.find("C-R1"));
    CHECK(participants.find("C-M1")->speaks_as.size() == 1);
}

TEST_CASE("a file already imported is skipped unless forced") {
    Folder folder;
    auto project = Project::create(folder.dir / "igen.fokus");
    REQUIRE(import_files(project, {folder.dir / "udskrifter"}, folder.options()).imported.size() == 2);
    const auto before = testing::tables_checksum(project);
    const auto again = import_files(project, {folder.dir / "udskrifter"}, folder.options());
    CHECK(again.imported.empty());
    REQUIRE(again.skipped.size() == 2);
    CHECK(again.skipped[0].file == "borgere.txt");
    CHECK(describe(again.skipped[0]) == "already in the project as \"borgere\"");
    CHECK(again.skipped[1].file == "raadgivere.docx");
    CHECK(again.skipped[1].same_as == "raadgivere");
    CHECK(testing::tables_checksum(project) == before);
    // The same bytes under another name are the same transcript.
    std::filesystem::copy_file(folder.dir / "udskrifter/borgere.txt", folder.dir / "kopi-af-borgere.txt");
    CHECK(import_files(project, {folder.dir / "kopi-af-borgere.txt"}, {}).skipped.size() == 1);
    auto force = folder.options();
    force.force = true;
    const auto forced = import_files(project, {folder.dir / "udskrifter/borgere.txt"}, force);
    CHECK(forced.imported == std::vector<std::string>{"borgere.txt"});
    DocumentStore documents(project);
    const auto copy = documents.resolve("borgere (2)");
    CHECK(documents.attributes(copy.id).at("municipality") == "Kommune C");
    CHECK(documents.all().size() == 3);
}

TEST_CASE("a copy beside a transcript the manifest lists never takes its place, its name or its attributes") {
    Folder folder;
    // Sorted before the original (a space before the dot), so it would come in first.
    std::filesystem::copy_file(folder.dir / "udskrifter/borgere.txt", folder.dir / "udskrifter/borgere (kopi).txt");
    auto project = Project::create(folder.dir / "kopi.fokus");
    const auto report = import_files(project, {folder.dir / "udskrifter"}, folder.options());
    CHECK(report.imported == std::vector<std::string>{"borgere.txt", "raadgivere.docx"});
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped[0].file == "borgere (kopi).txt");
    CHECK(report.skipped[0].why == SkippedFile::Why::ListedCopy);
    CHECK(describe(report.skipped[0]) ==
          "the same content as borgere.txt, which the manifest or participants sheet lists and which is imported instead");
    DocumentStore documents(project);
    CHECK(documents.all().size() == 2);
    CHECK(documents.attributes(documents.resolve("borgere").id).at("municipality") == "Kommune C");
    CHECK_THROWS_AS(documents.resolve("borgere (kopi)"), NotFoundError);
    CHECK(ParticipantStore(project).find("C-B1")->speaks_as.size() == 1);

    // Without sheets the first of the two comes in, and the other says which it is.
    auto bare = Project::create(folder.dir / "uden-ark.fokus");
    const auto unlisted = import_files(bare, {folder.dir / "udskrifter"}, {});
    REQUIRE(unlisted.skipped.size() == 1);
    CHECK(unlisted.skipped[0].file == "borgere.txt");
    CHECK(describe(unlisted.skipped[0]) == "the same content as borgere (kopi).txt, which is imported instead");
}

TEST_CASE("a folder and a file in it, or a folder given twice, bring each file in once") {
    Folder folder;
    const auto twice = transcript_files({folder.dir / "udskrifter", folder.dir / "udskrifter/borgere.txt", folder.dir / "udskrifter"});
    CHECK(twice.size() == 2);
    auto project = Project::create(folder.dir / "to-gange.fokus");
    const auto report = import_files(project, {folder.dir / "udskrifter", folder.dir / "udskrifter/raadgivere.docx"}, folder.options());
    CHECK(report.imported.size() == 2);
    CHECK(report.skipped.empty());
}

TEST_CASE("one broken file is reported; the others are imported and the project is as if it never was") {
    Folder folder;
    auto project = Project::create(folder.dir / "brudt.fokus");
    testing::write_file(folder.dir / "udskrifter/ødelagt.docx", "ikke en zip, bare tekst om børn");
    const auto empty = testing::tables_checksum(project);
    const auto alone = import_files(project, {folder.dir / "udskrifter/ødelagt.docx"}, {});
    REQUIRE(alone.failed.size() == 1);
    CHECK(alone.failed[0].file == "ødelagt.docx");
    CHECK(alone.failed[0].reason.find("ødelagt.docx: is named .docx but is not a zip archive") != std::string::npos);
    CHECK(testing::tables_checksum(project) == empty);

    const auto report = import_files(project, {folder.dir / "udskrifter"}, folder.options());
    CHECK(report.imported == std::vector<std::string>{"borgere.txt", "raadgivere.docx"});
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed[0].file == "ødelagt.docx");
    CHECK(DocumentStore(project).all().size() == 2);
}

TEST_CASE("a participants row naming a speaker the document lacks fails that document whole") {
    Folder folder;
    auto project = Project::create(folder.dir / "deltager.fokus");
    testing::write_file(folder.dir / "forkert.csv",
                        "file,speaker,participant,role\n"
                        "borgere.txt,Borger 1,C-B1,Borger\n"
                        "borgere.txt,Borger 9,C-B9,Borger\n");
    BatchOptions options;
    options.participants = (folder.dir / "forkert.csv").string();
    const auto before = testing::tables_checksum(project);
    const auto report = import_files(project, {folder.dir / "udskrifter/borgere.txt"}, options);
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed[0].reason == "\"borgere\" has no speaker labelled \"Borger 9\"");
    // Neither the document nor C-B1, made before the bad row, is left behind.
    CHECK(testing::tables_checksum(project) == before);
}

TEST_CASE("bad sheets stop the batch before anything is imported") {
    Folder folder;
    auto project = Project::create(folder.dir / "ark.fokus");
    const auto before = testing::tables_checksum(project);
    auto refused = [&](const std::string& manifest, const std::string& message) {
        testing::write_file(folder.dir / "ark.csv", manifest);
        BatchOptions options;
        options.manifest = (folder.dir / "ark.csv").string();
        CHECK_THROWS_WITH_AS(import_files(project, {folder.dir / "udskrifter"}, options),
                             ((folder.dir / "ark.csv").string() + ": " + message).c_str(), FormatError);
        CHECK(testing::tables_checksum(project) == before);
    };
    refused("fil,kommune\nborgere.txt,Kommune C\n", "line 1 (the header) has no \"file\" column");
    refused("file,municipality\nborgere.txt,Kommune C\n\"raadgivere.docx,Kommune C\n", "the quote opened on line 3 is never closed");
    refused("file,municipality\nborgere.txt,Kommune C\nbørnehus.txt,Kommune Å\n",
            "line 3 names \"børnehus.txt\", which is neither being imported nor in the project");
    BatchOptions bad_pattern;
    bad_pattern.transcript.turns.extra_labels = {"^(Deltager"};
    CHECK_THROWS_AS(import_files(project, {folder.dir / "udskrifter"}, bad_pattern), InputError);
    CHECK(testing::tables_checksum(project) == before);
}

TEST_CASE("every kind of bad file is reported by name and leaves the project exactly as it was") {
    Folder folder;
    auto project = Project::create(folder.dir / "uændret.fokus");
    import_files(project, {folder.dir / "udskrifter/borgere.txt"}, {});
    const auto before = testing::tables_checksum(project);
    const auto bad = folder.dir / "dårlige";
    std::filesystem::create_directories(bad);
    testing::write_file(bad / "tom.txt", "");
    testing::write_file(bad / "binær.txt", std::string("\x7f" "ELF\0\0\0\x02", 8));
    testing::write_file(bad / "ikke-zip.docx", "Rådgiver 1: ren tekst");
    testing::write_zip(bad / "uden-dokument.docx", {{"word/styles.xml", "<x/>"}});
    testing::write_zip(bad / "brudt-xml.docx", {{"word/document.xml", "<w:document><w:body><w:p>æ"}});
    testing::write_docx(bad / "afkortet.docx", testing::docx_turn("Borger 1:", "Det går fint med børnene."));
    auto bytes = testing::read_file(bad / "afkortet.docx");
    bytes.resize(bytes.size() / 2);
    testing::write_file(bad / "afkortet.docx", bytes);
    testing::write_file(bad / "kaput.odt", "ikke et OpenDocument, men tekst om rådgivere");
    testing::write_zip(bad / "sti.docx", {{"word/document.xml", testing::docx_body("")}, {"../uden/for.txt", "x"}});
    testing::write_docx(bad / "bombe.docx", "<w:p><w:r><w:t>" + std::string(3 << 20, 'x') + "</w:t></w:r></w:p>");
    testing::write_file(bad / "stor.txt", std::string((3 << 20) + 1, 'a'));
    BatchOptions options;
    options.transcript.read.limits.max_expanded_bytes = 2 << 20;
    options.transcript.read.limits.max_file_bytes = 3 << 20;
    const auto report = import_files(project, {bad, folder.dir / "findes-ikke.txt"}, options);
    CHECK(report.imported.empty());
    const std::set<std::string> expected = {"afkortet.docx", "binær.txt", "bombe.docx", "brudt-xml.docx", "findes-ikke.txt",
                                            "ikke-zip.docx", "kaput.odt", "sti.docx",   "stor.txt",       "tom.txt",
                                            "uden-dokument.docx"};
    std::set<std::string> failed;
    for (const auto& failure : report.failed) {
        INFO(failure.reason);
        failed.insert(failure.file);
        CHECK(failure.reason.find(failure.file) != std::string::npos);
    }
    CHECK(failed == expected);
    CHECK(testing::tables_checksum(project) == before);
}

TEST_CASE("a cancelled batch stops between files, keeping what was imported") {
    Folder folder;
    auto project = Project::create(folder.dir / "afbrudt.fokus");
    std::atomic<bool> cancel = false;
    BatchOptions options;
    options.cancel = &cancel;
    options.progress = [&](std::size_t number, std::size_t, const std::string&) {
        if (number == 1) cancel = true;  // the user clicks "Afbryd" while the first file is read
    };
    const auto report = import_files(project, {folder.dir / "udskrifter"}, options);
    CHECK(report.cancelled);
    CHECK(report.imported == std::vector<std::string>{"borgere.txt"});
    CHECK(DocumentStore(project).all().size() == 1);
}

TEST_CASE("the sample corpus imports whole: 13 documents with their attributes and 45 participants") {
    const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
    testing::ScratchDir dir;
    auto project = Project::create(dir / "sample.fokus");
    BatchOptions options;
    options.manifest = (corpus / "manifest.csv").string();
    options.participants = (corpus / "participants.csv").string();
    const auto report = import_files(project, {corpus}, options);
    for (const auto& failure : report.failed) FAIL_CHECK(failure.reason);
    CHECK(report.imported.size() == 13);
    DocumentStore documents(project);
    const auto all = documents.all();
    REQUIRE(all.size() == 13);
    for (const auto& document : all) {
        INFO(document.name);
        const auto attributes = documents.attributes(document.id);
        CHECK(attributes.at("municipality").rfind("Kommune ", 0) == 0);
        CHECK(attributes.at("interview_form").size() > 0);
        CHECK(attributes.count("date") == 1);
        CHECK(attributes.count("moderator") == 1);
        CHECK((attributes.count("bikva_stage") == 1) == (document.name.rfind("bikva-", 0) == 0));
        for (const auto& speaker : documents.speakers(document.id)) {
            INFO(speaker.label);
            CHECK(speaker.participant.has_value());
        }
    }
    CHECK(documents.attributes(documents.resolve("bikva-3-ledere").id).at("bikva_stage") == "3");
    ParticipantStore participants(project);
    CHECK(participants.all().size() == 45);
    const auto moderator = participants.find("C-M1");
    REQUIRE(moderator);
    CHECK(moderator->speaks_as.size() == 3);
}
