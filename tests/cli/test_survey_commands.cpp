// import-survey and survey-columns as a user runs them, and hostile
// spreadsheets refused with the project left exactly as it was.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "zip_fixture.h"

using namespace fokus;
using testing::run_cli;

namespace {

const std::string survey_csv =
    "Respondent;Rolle;Alder;Anciennitet;Fuldtid;Hvad får dig til at blive?;Kommentar\n"
    "R1;Socialrådgiver;43;under 2 år;Ja;\"Kollegerne.\nOg faglig sparring.\";\n"
    "R2;Leder;51;over 5 år;Nej;Min leder bakker mig op;Tak for en god undersøgelse\n"
    "R3;Socialrådgiver;29;2-5 år;Ja;;\n";

std::vector<std::string> import_arguments(const std::string& project, const std::string& file) {
    return {"import-survey", project, file, "--id", "Respondent", "--attribute", "Rolle", "--attribute", "Alder:number",
            "--attribute", "Anciennitet:ordered", "--categories", "Anciennitet=under 2 år|2-5 år|over 5 år",
            "--attribute", "Fuldtid:yesno", "--open", "Hvad får dig til at blive?", "--open", "Kommentar", "--json"};
}

// The project as a user sees it: its contents and its history.
std::string state_of(const testing::ScratchDir& dir, const std::string& project) {
    return run_cli(dir, {"info", project, "--json"}).out + run_cli(dir, {"participants", project, "--json"}).out +
           run_cli(dir, {"history", project}).out;
}

}  // namespace

TEST_CASE("survey-columns lists a file's columns; import-survey brings respondents and answers in, and only new ones again") {
    testing::ScratchDir dir;
    testing::write_file(dir / "svar.csv", survey_csv);
    const auto columns = run_cli(dir, {"survey-columns", (dir / "svar.csv").string(), "--json"});
    REQUIRE(columns.exit_code == 0);
    const auto listed = nlohmann::json::parse(columns.out);
    CHECK(listed["rows"] == 3);
    CHECK(listed["columns"][5]["name"] == "Hvad får dig til at blive?");
    CHECK(listed["columns"][5]["values"][0] == "Kollegerne.\nOg faglig sparring.");

    const auto project = (dir / "studie.fokus").string();
    run_cli(dir, {"new", project});
    const auto imported = run_cli(dir, import_arguments(project, (dir / "svar.csv").string()));
    REQUIRE(imported.exit_code == 0);
    const auto report = nlohmann::json::parse(imported.out);
    CHECK(report["respondents"] == 3);
    CHECK(report["answers"] == 3);
    CHECK(report["blank_answers"] == 3);
    const auto participants = nlohmann::json::parse(run_cli(dir, {"participants", project, "--json"}).out);
    REQUIRE(participants.size() == 3);
    CHECK(participants[0]["label"] == "R1");
    CHECK(participants[0]["attributes"]["Fuldtid"] == "ja");
    CHECK(participants[0]["attributes"]["Anciennitet"] == "under 2 år");
    CHECK(participants[0]["speaks_as"][0]["document"] == "Hvad får dig til at blive?");
    // Answers are units: search finds them by respondent.
    const auto hits = nlohmann::json::parse(run_cli(dir, {"search", project, "sparring", "--json"}).out);
    REQUIRE(hits["hits"].size() == 1);
    CHECK(hits["hits"][0]["speaker"] == "R1");

    testing::write_file(dir / "flere.csv", survey_csv + "R4;Leder;38;2-5 år;Nej;Fleksibiliteten;\n");
    const auto again = run_cli(dir, import_arguments(project, (dir / "flere.csv").string()));
    REQUIRE(again.exit_code == 0);
    const auto second = nlohmann::json::parse(again.out);
    CHECK(second["respondents"] == 1);
    CHECK(second["known_respondents"] == 3);
    CHECK(second["extended_documents"] == nlohmann::json::array({"Hvad får dig til at blive?"}));
    CHECK(run_cli(dir, {"undo", project}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"participants", project, "--json"}).out).size() == 3);

    // Autocoding: every answer to a question; the answers of those with a closed answer.
    const auto by_question = run_cli(dir, {"autocode", project, "Motivation", "--question", "Hvad får dig til at blive?"});
    CHECK(by_question.exit_code == 0);
    CHECK(by_question.out == "Coded 2 answers with \"Motivation\"\n");
    auto codings = nlohmann::json::parse(run_cli(dir, {"codings", project, "--code", "Motivation", "--json"}).out);
    REQUIRE(codings.size() == 2);
    CHECK(codings[0]["text"] == "Kollegerne.\nOg faglig sparring.");
    CHECK(run_cli(dir, {"history", project}).out.find("code every answer to \"Hvad får dig til at blive?\" as \"Motivation\"") !=
          std::string::npos);
    const auto by_answer = run_cli(dir, {"autocode", project, "Faglig tryghed", "--answer", "participant.Fuldtid=Nej"});
    CHECK(by_answer.out == "Coded 2 answers with \"Faglig tryghed\"\n");  // R2's two answers
    const auto by_range = run_cli(dir, {"autocode", project, "Arbejdspres og prioritering", "--answer", "participant.Alder=40-49",
                                        "--question", "Kommentar"});
    CHECK(by_range.out == "Coded 0 answers with \"Arbejdspres og prioritering\"\n");  // R1 (43) left no comment
    const auto nobody = run_cli(dir, {"autocode", project, "Motivation", "--answer", "participant.Rolle=Borger"});
    CHECK(nobody.exit_code == 1);
    CHECK(nobody.err == "fokus-cli: no respondent has \"participant.Rolle=Borger\"\n");
    CHECK(run_cli(dir, {"undo", project}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli(dir, {"codings", project, "--code", "Faglig tryghed", "--json"}).out).empty());

    const auto wrong = run_cli(dir, {"import-survey", project, (dir / "svar.csv").string(), "--id", "Respondent",
                                     "--attribute", "Anciennitet:ordered"});
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("needs --categories \"Anciennitet=first|second|...\"") != std::string::npos);
}

TEST_CASE("hostile spreadsheets are refused naming the file, and the project is left exactly as it was") {
    testing::ScratchDir dir;
    const auto project = (dir / "studie.fokus").string();
    run_cli(dir, {"new", project});
    testing::write_file(dir / "svar.csv", survey_csv);
    REQUIRE(run_cli(dir, import_arguments(project, (dir / "svar.csv").string())).exit_code == 0);
    const auto before = state_of(dir, project);
    const std::string workbook =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"A\" sheetId=\"1\"/></sheets></workbook>";
    const auto sheet = [](const std::string& data) {
        return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + data + "</sheetData></worksheet>";
    };
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"hahahahaha\">";
    for (char c = 'b'; c <= 'j'; ++c) laughs += std::string("<!ENTITY ") + c + " \"" + [&] { std::string s; for (int i = 0; i < 10; ++i) s += std::string("&") + static_cast<char>(c - 1) + ";"; return s; }() + "\">";
    laughs += "]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&j;</t></si></sst>";
    testing::write_zip(dir / "latter.xlsx", {{"xl/workbook.xml", workbook},
                                             {"xl/worksheets/sheet1.xml", sheet("<row><c t=\"s\"><v>0</v></c></row>")},
                                             {"xl/sharedStrings.xml", laughs}});
    testing::write_zip(dir / "kolonner.xlsx", {{"xl/workbook.xml", workbook},
                                               {"xl/worksheets/sheet1.xml", sheet("<row><c r=\"BDWGN1\"><v>1</v></c></row>")}});
    // A zip bomb: 210 MB of one byte, past the 200 MB an entry may expand to.
    {
        // Deflated at the fastest level: the test need not spend seconds making the bomb.
        const std::string huge = sheet("<row><c><v>1</v></c></row>" + std::string(210u << 20, ' '));
        int error = 0;
        zip_t* archive = zip_open((dir / "bombe.xlsx").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        zip_file_add(archive, "xl/workbook.xml", zip_source_buffer(archive, workbook.data(), workbook.size(), 0), 0);
        const auto index = zip_file_add(archive, "xl/worksheets/sheet1.xml", zip_source_buffer(archive, huge.data(), huge.size(), 0), 0);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
        REQUIRE(zip_close(archive) == 0);
    }
    for (const auto& [file, reason] : std::vector<std::pair<std::string, std::string>>{
             {"latter.xlsx", "xl/sharedStrings.xml declares a document type or entities"},
             {"kolonner.xlsx", "has a cell past column 16,384"},
             {"bombe.xlsx", "xl/worksheets/sheet1.xml expands to " + std::to_string((210u << 20) + 138) + " bytes, more than the limit of 209715200 (a zip bomb?)"}}) {
        CAPTURE(file);
        const auto refused = run_cli(dir, import_arguments(project, (dir / file).string()));
        CHECK(refused.exit_code == 4);
        CHECK(refused.err.find("fokus-cli: " + (dir / file).string() + ": " + reason) == 0);
        CHECK(state_of(dir, project) == before);
    }
}

TEST_CASE("a survey project exports as REFI-QDA valid against Project.xsd, respondents as cases with typed variables, and comes back") {
    testing::ScratchDir dir;
    testing::write_file(dir / "svar.csv", survey_csv + "R4;Leder;37,5;2-5 år;Nej;Fleksibiliteten;\n");
    const auto project = (dir / "studie.fokus").string();
    run_cli(dir, {"new", project});
    REQUIRE(run_cli(dir, import_arguments(project, (dir / "svar.csv").string())).exit_code == 0);
    run_cli(dir, {"autocode", project, "Motivation", "--question", "Hvad får dig til at blive?"});
    const auto qdpx = (dir / "studie.qdpx").string();
    REQUIRE(run_cli(dir, {"export-qdpx", project, qdpx}).exit_code == 0);
    REQUIRE(std::system(("cd " + testing::shell_quote(dir.path().string()) + " && unzip -o -q studie.qdpx project.qde").c_str()) == 0);
    const auto qde = testing::read_file(dir / "project.qde");
    CHECK(qde.find("name=\"Alder\" typeOfVariable=\"Float\"") != std::string::npos);  // 37.5 is no integer
    CHECK(qde.find("name=\"Fuldtid\" typeOfVariable=\"Boolean\"") != std::string::npos);
    CHECK(qde.find("<BooleanValue>false</BooleanValue>") != std::string::npos);
    CHECK(qde.find("<FloatValue>37.5</FloatValue>") != std::string::npos);
    CHECK(qde.find("<Case guid=") != std::string::npos);
    const std::string schema = std::string(FOKUS_TEST_DATA) + "/refi-qda/Project.xsd";
    const std::string validate = "xmllint --noout --nonet --schema " + testing::shell_quote(schema) + " " +
                                 testing::shell_quote((dir / "project.qde").string()) + " 2>" +
                                 testing::shell_quote((dir / "xmllint.log").string());
    CHECK_MESSAGE(std::system(validate.c_str()) == 0, testing::read_file(dir / "xmllint.log"));

    const auto back = (dir / "tilbage.fokus").string();
    REQUIRE(run_cli(dir, {"import-qdpx", back, qdpx}).exit_code == 0);
    CHECK(run_cli(dir, {"participants", back, "--json"}).out == run_cli(dir, {"participants", project, "--json"}).out);
    CHECK(run_cli(dir, {"codings", back, "--code", "Motivation", "--json"}).out.find("Kollegerne.\\nOg faglig sparring.") != std::string::npos);
}
