// Surveys into projects: the synthetic survey of 1,812 respondents written by
// libxlsxwriter, by LibreOffice (XLSX and ODS) and as a Windows-1252 CSV
// imports identically from each; re-importing adds only new respondents; a
// value not of its type leaves the project as it was.
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>

#include "bench/synthetic_survey.h"
#include "coding/attributes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "importers/survey.h"
#include "scratch.h"

using namespace fokus;

namespace {

const std::vector<std::string> open_questions = {"Hvad får dig til at blive i dit job?", "Hvad kunne få dig til at søge væk?",
                                                 "Øvrige kommentarer"};

importers::SurveyColumns survey_columns() {
    importers::SurveyColumns columns;
    columns.id = "Respondent";
    columns.attributes = {{"rolle", {AttributeType::Text, {}}},
                          {"alder", {AttributeType::Number, {}}},
                          {"anciennitet", {AttributeType::Ordered, {"under 2 år", "2-5 år", "over 5 år"}}},
                          {"køn", {AttributeType::Text, {}}},
                          {"kommune", {AttributeType::Text, {}}},
                          {"fuldtid", {AttributeType::YesNo, {}}},
                          {"ansat_dato", {AttributeType::Date, {}}},
                          {"timer_om_ugen", {AttributeType::Number, {}}},
                          {"tilfredshed", {AttributeType::Number, {}}},
                          {"uddannelse", {AttributeType::Text, {}}}};
    columns.open = open_questions;
    return columns;
}

// Everything a survey brings into a project, written out to be compared.
std::string contents(Project& project) {
    std::ostringstream out;
    ParticipantStore participants(project);
    std::map<Id, std::string> labels;
    for (const auto& participant : participants.all()) {
        labels[participant.id] = participant.label;
        out << participant.label;
        for (const auto& [name, value] : participant.attributes) out << " | " << name << "=" << value;
        out << '\n';
    }
    DocumentStore documents(project);
    for (const auto& document : documents.all()) {
        out << "# " << document.name << " (" << document.format << ", " << document.length << ")\n" << documents.text(document.id) << '\n';
        for (const auto& turn : documents.turns(document.id)) {
            out << turn.speaker_label << " " << turn.span.start << "-" << turn.body_start << "-" << turn.span.end << " "
                << (turn.participant ? labels[*turn.participant] : "-") << '\n';
        }
    }
    for (const auto& [name, kind] : AttributeTypes(project).all()) {
        out << name << ": " << attribute_type_name(kind.type);
        for (const auto& category : kind.categories) out << " / " << category;
        out << '\n';
    }
    return out.str();
}

std::string import_into_new_project(const std::filesystem::path& project_path, const std::filesystem::path& file, double* seconds = nullptr) {
    auto project = Project::create(project_path);
    const auto start = std::chrono::steady_clock::now();
    import_survey(project, importers::read_survey(file, survey_columns()));
    if (seconds) *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return contents(project);
}

}  // namespace

TEST_CASE("the synthetic survey imports identically from libxlsxwriter's XLSX, LibreOffice's XLSX and ODS and a Windows-1252 CSV") {
    testing::ScratchDir dir;
    const auto survey = bench::make_survey(1812, 2026);
    bench::write_survey_xlsx(survey, dir / "survey.xlsx");
    bench::write_survey_csv_windows1252(survey, dir / "survey.csv");
    double seconds = 0;
    const auto from_xlsx = import_into_new_project(dir / "xlsx.fokus", dir / "survey.xlsx", &seconds);
    MESSAGE("XLSX of 1,812 respondents read and imported in " << seconds << " s");
#ifndef __SANITIZE_ADDRESS__  // the sanitizers' build is several times slower; the figure holds for the real one
    CHECK(seconds < 5.0);
#endif
    const std::string fixtures = std::string(FOKUS_TEST_DATA) + "/survey/";
    CHECK(import_into_new_project(dir / "csv.fokus", dir / "survey.csv") == from_xlsx);
    CHECK(import_into_new_project(dir / "lo-xlsx.fokus", fixtures + "survey-libreoffice.xlsx") == from_xlsx);
    CHECK(import_into_new_project(dir / "lo-ods.fokus", fixtures + "survey-libreoffice.ods") == from_xlsx);

    // What came in, against the generator's own rows.
    auto project = Project::open(dir / "xlsx.fokus");
    CHECK(ParticipantStore(project).all().size() == 1812);
    DocumentStore documents(project);
    for (std::size_t q = 0; q < open_questions.size(); ++q) {
        const auto document = documents.resolve(open_questions[q]);
        CHECK(document.format == "survey");
        std::size_t answered = 0;
        for (const auto& row : survey.rows) answered += !row[11 + q].text.empty();
        const auto turns = documents.turns(document.id);
        CHECK(turns.size() == answered);  // blanks are no units, and nothing is outside a unit
        const auto text = documents.text(document.id);
        for (const auto& turn : turns) {
            REQUIRE(turn.participant);
            CHECK(text.find(turn.speaker_label + ": ") != std::string::npos);
        }
    }
    const auto first = *ParticipantStore(project).find("R0001");
    const auto& row = survey.rows[0];
    CHECK(first.attributes.at("rolle") == row[1].text);
    CHECK(first.attributes.at("fuldtid") == (row[6].flag ? "ja" : "nej"));
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", row[7].year, row[7].month, row[7].day);
    CHECK(first.attributes.at("ansat_dato") == date);
    // Multi-line answers keep their lines and stay one unit.
    const auto stay = documents.resolve(open_questions[0]);
    std::size_t multi_line = 0;
    const auto stay_text = documents.text(stay.id);
    for (const auto& turn : documents.turns(stay.id)) {
        multi_line += documents.excerpt(stay.id, turn.body()).find('\n') != std::string::npos;
    }
    std::size_t expected_multi_line = 0;
    for (const auto& r : survey.rows) expected_multi_line += r[11].text.find('\n') != std::string::npos;
    CHECK(multi_line == expected_multi_line);
    CHECK(multi_line > 100);
    CHECK(stay_text.find("Ærligt talt: lønnen og pensionen.") != std::string::npos);
}

TEST_CASE("importing a survey again with more rows adds only the new respondents, as one step of undo") {
    testing::ScratchDir dir;
    auto survey = bench::make_survey(300, 7);
    bench::write_survey_xlsx(survey, dir / "alle.xlsx");
    auto first_part = survey;
    first_part.rows.resize(180);
    bench::write_survey_xlsx(first_part, dir / "foerste.xlsx");
    const auto whole = import_into_new_project(dir / "whole.fokus", dir / "alle.xlsx");

    auto project = Project::create(dir / "parts.fokus");
    auto report = import_survey(project, importers::read_survey(dir / "foerste.xlsx", survey_columns()));
    CHECK(report.respondents == 180);
    CHECK(report.new_documents.size() == 3);
    const auto after_first = contents(project);
    report = import_survey(project, importers::read_survey(dir / "alle.xlsx", survey_columns()));
    CHECK(report.respondents == 120);
    CHECK(report.known_respondents == 180);
    CHECK(report.extended_documents == open_questions);
    CHECK(contents(project) == whole);
    // Nothing new: nothing changes, and no step is recorded.
    History history(project);
    const auto steps = history.steps().size();
    report = import_survey(project, importers::read_survey(dir / "alle.xlsx", survey_columns()));
    CHECK(report.respondents == 0);
    CHECK(history.steps().size() == steps);
    REQUIRE(history.next_undo());
    CHECK(history.next_undo()->label == "import survey \"alle.xlsx\"");
    history.undo();
    CHECK(contents(project) == after_first);
    history.redo();
    CHECK(contents(project) == whole);
}

TEST_CASE("a value not of its attribute's type, or an id used twice, is refused naming the row; the project stays as it was") {
    testing::ScratchDir dir;
    testing::write_file(dir / "svar.csv",
                        "Id;Alder;Anciennitet;Svar\nA1;43;2-5 år;Tryghed i teamet\nA2;fyrre;over 5 år;Ro\nA1;50;2-5 år;Igen\n");
    auto project = Project::create(dir / "p.fokus");
    const auto before = contents(project);
    importers::SurveyColumns columns;
    columns.id = "Id";
    columns.attributes = {{"Alder", {AttributeType::Number, {}}}, {"Anciennitet", {AttributeType::Ordered, {"under 2 år", "2-5 år", "over 5 år"}}}};
    columns.open = {"Svar"};
    CHECK_THROWS_WITH_AS(import_survey(project, importers::read_survey(dir / "svar.csv", columns)),
                         "svar.csv, line 3, column \"Alder\": \"fyrre\" is not a number", InputError);
    columns.attributes.resize(1);
    columns.attributes[0].second.type = AttributeType::Text;
    CHECK_THROWS_WITH_AS(import_survey(project, importers::read_survey(dir / "svar.csv", columns)),
                         doctest::Contains("svar.csv, line 4: the id \"A1\" is another respondent's too"), InputError);
    columns.open = {"Spørgsmål 9"};
    CHECK_THROWS_WITH_AS(importers::read_survey(dir / "svar.csv", columns),
                         doctest::Contains("has no column \"Spørgsmål 9\"; its columns are \"Id\", \"Alder\", \"Anciennitet\", \"Svar\""),
                         NotFoundError);
    CHECK(contents(project) == before);
    CHECK_FALSE(History(project).next_undo());
}

TEST_CASE("typed values are written one way whatever the spreadsheet wrote") {
    const AttributeKind number{AttributeType::Number, {}}, date{AttributeType::Date, {}}, yes_no{AttributeType::YesNo, {}};
    CHECK(typed_value(number, "37,5") == "37.5");
    CHECK(typed_value(number, "43.0") == "43");
    CHECK(typed_value(date, "1-3-2019") == "2019-03-01");
    CHECK(typed_value(date, "01.03.2019") == "2019-03-01");
    CHECK(typed_value(date, "2024-02-29 14:30:00") == "2024-02-29 14:30");
    CHECK_THROWS_WITH_AS(typed_value(date, "30-02-2019"), doctest::Contains("is not a date"), InputError);
    CHECK(typed_value(yes_no, "SAND") == "ja");
    CHECK(typed_value(yes_no, "FALSE") == "nej");
    CHECK(typed_value(yes_no, "Nej") == "nej");
    CHECK(typed_value({AttributeType::Ordered, {"Under 2 år", "Over 5 år"}}, "over 5 ÅR") == "Over 5 år");
}
