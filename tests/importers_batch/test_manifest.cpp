#include <doctest/doctest.h>

#include "coding/error.h"
#include "importers/csv.h"
#include "importers/manifest.h"
#include "scratch.h"

using namespace fokus;
using namespace fokus::importers;

TEST_CASE("a manifest's columns become attributes of its files; empty cells are left out") {
    const auto manifest = parse_manifest(
        "file,municipality,bikva_stage,interview_form,date,moderator,note\n"
        "bikva-1-borgere.docx,Kommune C,1,gruppeinterview,2025-02-04,C-M1,\"optaget på rådhuset, lokale 2\"\n"
        "kommune-a-ledere.docx,Kommune A,,fokusgruppe,2025-04-02,F-M1,\"sagde \"\"ærligt talt\"\" tit\"\n",
        "manifest.csv");
    REQUIRE(manifest.rows.size() == 2);
    const auto* citizens = manifest.find("bikva-1-borgere.docx");
    REQUIRE(citizens);
    CHECK(citizens->line == 2);
    CHECK(citizens->attributes == std::map<std::string, std::string>{{"bikva_stage", "1"},
                                                                     {"date", "2025-02-04"},
                                                                     {"interview_form", "gruppeinterview"},
                                                                     {"moderator", "C-M1"},
                                                                     {"municipality", "Kommune C"},
                                                                     {"note", "optaget på rådhuset, lokale 2"}});
    const auto* leaders = manifest.find("/data/udskrifter/kommune-a-ledere.docx");
    REQUIRE(leaders);
    CHECK(leaders->attributes.count("bikva_stage") == 0);
    CHECK(leaders->attributes.at("note") == "sagde \"ærligt talt\" tit");
    CHECK_FALSE(manifest.find("kommune-b-ledere.odt"));
}

TEST_CASE("Danish Excel's semicolons, a byte-order mark, CRLF and capitalised headers are read alike") {
    const auto manifest = parse_manifest(
        "\xEF\xBB\xBF" "File;Municipality;BIKVA_stage;interview_form\r\n"
        "kommune-å.txt;Kommune Ø;;\"fokusgruppe; online\"\r\n"
        "\r\n",
        "manifest.csv");
    REQUIRE(manifest.rows.size() == 1);
    CHECK(manifest.rows[0].file == "kommune-å.txt");
    CHECK(manifest.rows[0].attributes == std::map<std::string, std::string>{{"interview_form", "fokusgruppe; online"},
                                                                            {"municipality", "Kommune Ø"}});
    // A name the file system wrote decomposed (macOS) still finds its row.
    CHECK(manifest.find("kommune-a\xCC\x8A.txt") != nullptr);
}

TEST_CASE("the participants sheet maps speakers to participants with their attributes") {
    const auto sheet = parse_participant_sheet(
        "file,speaker,participant,role,work_area,gender,seniority,age,kommentar\n"
        "bikva-2-raadgivere.odt,Rådgiver 1,C-R1,Rådgiver,psykosocial,kvinde,6-10 år,43,\n"
        "bikva-2-raadgivere.odt,Moderator,C-M1,Interviewer,,,,,\"ordstyrer, VIVE\"\n"
        "bikva-3-ledere.txt,Moderator,C-M1,Interviewer,,,,,\n",
        "deltagere.csv");
    REQUIRE(sheet.rows.size() == 3);
    const auto staff = sheet.of_file("bikva-2-raadgivere.odt");
    REQUIRE(staff.size() == 2);
    CHECK(staff[0]->speaker == "Rådgiver 1");
    CHECK(staff[0]->participant == "C-R1");
    CHECK(staff[0]->attributes == std::map<std::string, std::string>{{"age", "43"},
                                                                      {"gender", "kvinde"},
                                                                      {"role", "Rådgiver"},
                                                                      {"seniority", "6-10 år"},
                                                                      {"work_area", "psykosocial"}});
    CHECK(staff[1]->attributes.at("kommentar") == "ordstyrer, VIVE");
    CHECK(sheet.of_file("bikva-3-ledere.txt").size() == 1);
}

TEST_CASE("bad sheets are refused naming the sheet and the line") {
    CHECK_THROWS_WITH_AS(parse_manifest("fil,kommune\nborgere.txt,Kommune Æ\n", "manifest.csv"),
                         "manifest.csv: line 1 (the header) has no \"file\" column", FormatError);
    CHECK_THROWS_WITH_AS(parse_manifest("file,municipality\nborgere.txt,Kommune Æ\n\"rådgivere.txt,Kommune Ø\n", "manifest.csv"),
                         "manifest.csv: the quote opened on line 3 is never closed", FormatError);
    CHECK_THROWS_WITH_AS(parse_manifest("file,municipality\nborgere.txt,Kommune Æ\n,Kommune Ø\n", "manifest.csv"),
                         "manifest.csv: line 3 names no file", FormatError);
    CHECK_THROWS_WITH_AS(parse_manifest("file,municipality\nborgere.txt,Kommune Æ\n\"en\nto\",x\nborgere.txt,Kommune Å\n", "m.csv"),
                         "m.csv: line 5 names \"borgere.txt\" again (first on line 2)", FormatError);
    CHECK_THROWS_WITH_AS(parse_manifest("file,municipality\nborgere.txt,K\xF8" "benhavn\n", "latin1.csv"),
                         "latin1.csv: line 2 is not UTF-8 text; save the sheet as \"CSV UTF-8\"", FormatError);
    CHECK_THROWS_WITH_AS(parse_participant_sheet("file,speaker,role\nborgere.txt,Borger 1,Borger\n", "deltagere.csv"),
                         "deltagere.csv: line 1 (the header) has no \"participant\" column", FormatError);
    CHECK_THROWS_WITH_AS(parse_participant_sheet("file,speaker,participant\nborgere.txt,Borger 1,\n", "deltagere.csv"),
                         "deltagere.csv: line 2 needs a file, a speaker and a participant", FormatError);
    CHECK_THROWS_WITH_AS(
        parse_participant_sheet("file,speaker,participant\nborgere.txt,Borger 1,C-B1\nborgere.txt,Borger 1,C-B2\n", "d.csv"),
        "d.csv: line 3 gives speaker \"Borger 1\" of \"borgere.txt\" again (first on line 2)", FormatError);
    CHECK_THROWS_AS(read_manifest("/findes/ikke/manifest.csv"), FileError);
}

TEST_CASE("a row naming a file that is not being imported is refused with its line") {
    const auto manifest = parse_manifest(
        "file,municipality\nkommune-a-ledere.docx,Kommune A\nkommune-a-rådgivere.txt,Kommune A\n", "manifest.csv");
    CHECK_NOTHROW(check_rows_name_imported_files(manifest, {"kommune-a-ledere.docx", "kommune-a-rådgivere.txt", "andet.txt"}));
    CHECK_THROWS_WITH_AS(check_rows_name_imported_files(manifest, {"kommune-a-ledere.docx", "kommune-a-raadgivere.txt"}),
                         "manifest.csv: line 3 names \"kommune-a-rådgivere.txt\", which is neither being imported nor in the project",
                         FormatError);
    const auto sheet = parse_participant_sheet("file,speaker,participant\nbørn.txt,Barn 1,B1\n", "deltagere.csv");
    CHECK_THROWS_WITH_AS(check_rows_name_imported_files(sheet, {"borgere.txt"}),
                         "deltagere.csv: line 2 names \"børn.txt\", which is neither being imported nor in the project", FormatError);
}
