#include "importers/survey.h"

#include <fstream>
#include <iterator>
#include <set>

#include "coding/error.h"
#include "coding/identity.h"
#include "coding/text.h"

namespace fokus::importers {

Survey survey_of(const SpreadsheetTable& table, const SurveyColumns& columns) {
    Survey survey;
    survey.source = std::filesystem::path(table.source).filename().string();
    const auto id = table.column(columns.id);
    std::set<std::size_t> chosen{id};
    const auto choose = [&](const std::string& name) {
        const auto column = table.column(name);
        if (!chosen.insert(column).second) {
            throw InputError(table.source + ": the column " + text::quote(table.header[column]) + " is chosen twice");
        }
        return column;
    };
    std::vector<std::size_t> attribute_columns, open_columns;
    for (const auto& [name, kind] : columns.attributes) {
        attribute_columns.push_back(choose(name));
        survey.attributes.push_back(SurveyAttribute{table.header[attribute_columns.back()], kind});
    }
    for (const auto& name : columns.open) {
        open_columns.push_back(choose(name));
        survey.questions.push_back(table.header[open_columns.back()]);
    }
    const std::string row_word = table.format == "csv" ? "line " : "row ";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        SurveyRespondent respondent{row[id], row_word + std::to_string(table.row_numbers[r]), {}, {}};
        for (const auto column : attribute_columns) respondent.values.push_back(row[column]);
        for (const auto column : open_columns) respondent.answers.push_back(row[column]);
        survey.respondents.push_back(std::move(respondent));
    }
    return survey;
}

Survey read_survey(const std::filesystem::path& path, const SurveyColumns& columns, const SpreadsheetLimits& limits) {
    auto survey = survey_of(read_spreadsheet(path, limits), columns);
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    survey.source_checksum = sha256_hex(bytes);
    return survey;
}

}  // namespace fokus::importers
