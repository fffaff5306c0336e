#pragma once
// A spreadsheet read as a survey: which column holds the respondent's id,
// which are closed questions (attributes, with their types) and which open
// answers, as the user chose them.
#include <string>
#include <vector>

#include "coding/survey.h"
#include "importers/spreadsheet.h"

namespace fokus::importers {

struct SurveyColumns {
    std::string id;
    std::vector<std::pair<std::string, AttributeKind>> attributes;  // column, type
    std::vector<std::string> open;
};

// The survey of the table's rows; NotFoundError naming the file and its
// columns when a chosen column is not there, InputError when one is chosen twice.
Survey survey_of(const SpreadsheetTable& table, const SurveyColumns& columns);

// Reads the file (see read_spreadsheet) and makes its survey, with the file's
// name and checksum.
Survey read_survey(const std::filesystem::path& path, const SurveyColumns& columns, const SpreadsheetLimits& limits = {});

}  // namespace fokus::importers
