#pragma once
// A synthetic staff survey like the KL/DS retention study's: one row per
// respondent, ten closed questions and three open ones answered in Danish,
// with blanks, answers over several lines, æ, ø, å and typographic dashes.
// The same seed gives the same survey on every machine (no standard
// distributions, whose results differ between libraries).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fokus::bench {

// One cell as the generator means it; the writers put it in each format's own way.
struct SurveyCell {
    enum class Kind { Text, Number, Date, Boolean };
    Kind kind = Kind::Text;
    std::string text;   // Text; empty for a blank cell
    double number = 0;  // Number
    int year = 0, month = 0, day = 0;  // Date
    bool flag = false;  // Boolean
};

struct SyntheticSurvey {
    std::vector<std::string> header;
    std::vector<std::vector<SurveyCell>> rows;
};

// Columns: Respondent, then rolle, alder, anciennitet, køn, kommune, fuldtid
// (a boolean), ansat_dato (a date), timer_om_ugen (with decimals),
// tilfredshed, uddannelse; then the three open questions.
SyntheticSurvey make_survey(std::size_t respondents, std::uint32_t seed);

// Written by libxlsxwriter: strings, numbers, a date with a Danish date
// format, booleans.
void write_survey_xlsx(const SyntheticSurvey& survey, const std::filesystem::path& path);
// As Danish Excel saves "CSV (semikolonsepareret)": Windows-1252, ";",
// CRLF line ends, quoted cells where needed, dates day first, a decimal
// comma, SAND and FALSK.
void write_survey_csv_windows1252(const SyntheticSurvey& survey, const std::filesystem::path& path);

}  // namespace fokus::bench
