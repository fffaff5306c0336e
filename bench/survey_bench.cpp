// Importing a synthetic survey (see synthetic_survey.h) from XLSX written by
// libxlsxwriter and from a Windows-1252 CSV: reading the spreadsheet, and
// reading it with the import into a new project.
//   fokus-bench-survey [RESPONDENTS] [--write DIR]
// RESPONDENTS defaults to 1,812 (the KL/DS retention study). With --write the
// survey is only written to DIR (survey.xlsx, survey.csv), as the test
// fixtures converted by LibreOffice were made.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>

#include "bench/synthetic_survey.h"
#include "bench/timing.h"
#include "coding/error.h"
#include "coding/project.h"
#include "importers/survey.h"

using namespace fokus;

namespace {

importers::SurveyColumns survey_columns() {
    importers::SurveyColumns columns;
    columns.id = "Respondent";
    const auto kind = [](AttributeType type, std::vector<std::string> categories = {}) {
        return AttributeKind{type, std::move(categories)};
    };
    columns.attributes = {{"rolle", kind(AttributeType::Text)},
                          {"alder", kind(AttributeType::Number)},
                          {"anciennitet", kind(AttributeType::Ordered, {"under 2 år", "2-5 år", "over 5 år"})},
                          {"køn", kind(AttributeType::Text)},
                          {"kommune", kind(AttributeType::Text)},
                          {"fuldtid", kind(AttributeType::YesNo)},
                          {"ansat_dato", kind(AttributeType::Date)},
                          {"timer_om_ugen", kind(AttributeType::Number)},
                          {"tilfredshed", kind(AttributeType::Number)},
                          {"uddannelse", kind(AttributeType::Text)}};
    columns.open = {"Hvad får dig til at blive i dit job?", "Hvad kunne få dig til at søge væk?", "Øvrige kommentarer"};
    return columns;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t respondents = 1812;
    std::filesystem::path write_to;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--write" && i + 1 < argc) write_to = argv[++i];
        else respondents = static_cast<std::size_t>(std::atoll(argv[i]));
    }
    try {
        const auto survey = bench::make_survey(respondents, 2026);
        if (!write_to.empty()) {
            std::filesystem::create_directories(write_to);
            bench::write_survey_xlsx(survey, write_to / "survey.xlsx");
            bench::write_survey_csv_windows1252(survey, write_to / "survey.csv");
            std::cout << "wrote " << (write_to / "survey.xlsx") << " and " << (write_to / "survey.csv") << '\n';
            return 0;
        }
        const auto folder = std::filesystem::temp_directory_path() / ("fokus-bench-survey-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder);
        bench::write_survey_xlsx(survey, folder / "survey.xlsx");
        bench::write_survey_csv_windows1252(survey, folder / "survey.csv");
        std::cout << respondents << " respondents, 10 closed and 3 open questions\n";
        for (const std::string file : {"survey.xlsx", "survey.csv"}) {
            const auto path = folder / file;
            const double read_ms = bench::median_milliseconds(5, [&] { importers::read_spreadsheet(path); });
            int run = 0;
            const double import_ms = bench::median_milliseconds(5, [&] {
                const auto project_path = folder / (file + "-" + std::to_string(run++) + ".fokus");
                auto project = Project::create(project_path);
                import_survey(project, importers::read_survey(path, survey_columns()));
            });
            std::cout << std::fixed << std::setprecision(0) << file << " (" << std::filesystem::file_size(path) / 1024
                      << " KB): read " << read_ms << " ms, read and imported into a new project " << import_ms << " ms\n";
        }
        std::filesystem::remove_all(folder);
    } catch (const Error& error) {
        std::cerr << error.what() << '\n';
        return 1;
    }
}
