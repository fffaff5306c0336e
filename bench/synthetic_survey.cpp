#include "bench/synthetic_survey.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <stdexcept>

namespace fokus::bench {
namespace {

// Draws with the generator's raw output only, so every library gives the same.
class Draw {
public:
    explicit Draw(std::uint32_t seed) : engine_(seed) {}
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

private:
    std::mt19937 engine_;
};

const std::vector<std::string> roles = {"Socialrådgiver", "Socialrådgiver", "Socialrådgiver", "Leder",
                                        "Familiebehandler", "Pædagog", "Sagsbehandler"};
const std::vector<std::string> seniorities = {"under 2 år", "2-5 år", "over 5 år"};
const std::vector<std::string> genders = {"Kvinde", "Kvinde", "Kvinde", "Mand", "Andet"};
const std::vector<std::string> municipalities = {"Kommune A", "Kommune B", "Kommune C", "Århus", "Næstved", "Køge"};
const std::vector<std::string> educations = {"Socialrådgiver (prof.bach.)", "Pædagog", "Cand.scient.soc.",
                                             "Socialformidler", "Master i social- og sundhedsret"};

const std::vector<std::string> stay_openings = {
    "Det er kollegerne, der får mig til at blive.",
    "Jeg bliver på grund af faglig sparring med mine kolleger.",
    "Min leder bakker mig op – også når det er svært.",
    "Jeg føler, at jeg gør en forskel for børnene og familierne.",
    "Fleksibiliteten i arbejdstiden betyder meget for mig.",
    "Der er gode muligheder for efteruddannelse her.",
    "Ærligt talt: lønnen og pensionen.",
};
const std::vector<std::string> stay_followups = {
    "Vi har et godt fællesskab i teamet.",
    "Uden faglig sparring ville jeg være gået for længst.",
    "Det giver mening at være med til at skabe forandring for borgerne.",
    "Jeg kan selv tilrettelægge mine opgaver.",
    "Vi griner meget, selv på de hårde dage.",
};
const std::vector<std::string> leave_openings = {
    "For mange sager og for lidt tid til den enkelte borger.",
    "Hvis arbejdspresset bliver ved med at stige, søger jeg væk.",
    "Manglende faglig sparring og en leder, der ikke ser os.",
    "Dokumentationskravene æder tiden, der skulle gå til familierne.",
    "Et job i en anden kommune med bedre løn.",
    "Skiftende ledere og omstruktureringer hvert andet år.",
};
const std::vector<std::string> leave_followups = {
    "Jeg er bange for at begå fejl, når sagstallet er så højt.",
    "Man føler sig meget lille over for systemet.",
    "Sygefraværet i afdelingen siger det hele.",
    "Det går ud over kvaliteten – og over os.",
};
const std::vector<std::string> comments = {
    "Tak for en god undersøgelse.",
    "Spørgsmålene om ledelse var svære at svare på.",
    "Jeg håber, at resultaterne bliver brugt til noget.",
    "Husk de nyuddannede: de har brug for faglig sparring og en mentor.",
    "Vi mangler tid til refleksion i hverdagen.",
};

std::string answer(Draw& draw, const std::vector<std::string>& openings, const std::vector<std::string>& followups) {
    std::string text = draw.pick(openings);
    if (draw.chance(45)) text += " " + draw.pick(followups);
    // Some answers are written over several lines, some with a blank line between.
    if (draw.chance(20)) text += std::string(draw.chance(50) ? "\n" : "\n\n") + draw.pick(followups);
    return text;
}

SurveyCell text_cell(std::string text) { return SurveyCell{SurveyCell::Kind::Text, std::move(text), 0, 0, 0, 0, false}; }
SurveyCell number_cell(double number) { return SurveyCell{SurveyCell::Kind::Number, {}, number, 0, 0, 0, false}; }

// UTF-8 to Windows-1252, for the characters the survey uses.
std::string windows1252(const std::string& utf8) {
    std::string bytes;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        char32_t code = lead;
        std::size_t length = 1;
        if (lead >= 0xE0) {
            code = ((lead & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
            length = 3;
        } else if (lead >= 0xC0) {
            code = ((lead & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
            length = 2;
        }
        i += length;
        if (code < 0x100) bytes += static_cast<char>(code);
        else if (code == U'–') bytes += '\x96';
        else if (code == U'—') bytes += '\x97';
        else if (code == U'“') bytes += '\x93';
        else if (code == U'”') bytes += '\x94';
        else if (code == U'€') bytes += '\x80';
        else throw std::runtime_error("a character Windows-1252 lacks in the synthetic survey");
    }
    return bytes;
}

std::string csv_field(const std::string& value) {
    if (value.find_first_of(";\"\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') quoted += "\"\"";
        else if (c == '\n') quoted += "\r\n";
        else quoted += c;
    }
    return quoted + "\"";
}

std::string danish_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    std::string text = buffer;
    for (auto& c : text) {
        if (c == '.') c = ',';
    }
    return text;
}

}  // namespace

SyntheticSurvey make_survey(std::size_t respondents, std::uint32_t seed) {
    Draw draw(seed);
    SyntheticSurvey survey;
    survey.header = {"Respondent", "rolle", "alder", "anciennitet", "køn", "kommune", "fuldtid", "ansat_dato",
                     "timer_om_ugen", "tilfredshed", "uddannelse", "Hvad får dig til at blive i dit job?",
                     "Hvad kunne få dig til at søge væk?", "Øvrige kommentarer"};
    for (std::size_t r = 0; r < respondents; ++r) {
        char id[32];
        std::snprintf(id, sizeof id, "R%04zu", r + 1);
        std::vector<SurveyCell> row;
        row.push_back(text_cell(id));
        row.push_back(text_cell(draw.pick(roles)));
        row.push_back(draw.chance(3) ? text_cell({}) : number_cell(static_cast<double>(22 + draw.below(46))));
        row.push_back(text_cell(draw.pick(seniorities)));
        row.push_back(text_cell(draw.pick(genders)));
        row.push_back(text_cell(draw.pick(municipalities)));
        row.push_back(SurveyCell{SurveyCell::Kind::Boolean, {}, 0, 0, 0, 0, draw.chance(70)});
        row.push_back(SurveyCell{SurveyCell::Kind::Date, {}, 0, static_cast<int>(1995 + draw.below(30)),
                                 static_cast<int>(1 + draw.below(12)), static_cast<int>(1 + draw.below(28)), false});
        row.push_back(number_cell(draw.pick(std::vector<double>{37, 37, 32, 30, 25.5, 37.5, 18.25})));
        row.push_back(number_cell(static_cast<double>(1 + draw.below(5))));
        row.push_back(text_cell(draw.pick(educations)));
        row.push_back(text_cell(draw.chance(12) ? std::string() : answer(draw, stay_openings, stay_followups)));
        row.push_back(text_cell(draw.chance(20) ? std::string() : answer(draw, leave_openings, leave_followups)));
        row.push_back(text_cell(draw.chance(70) ? std::string() : answer(draw, comments, comments)));
        survey.rows.push_back(std::move(row));
    }
    return survey;
}

void write_survey_xlsx(const SyntheticSurvey& survey, const std::filesystem::path& path) {
    lxw_workbook* workbook = workbook_new(path.string().c_str());
    if (!workbook) throw std::runtime_error("cannot write " + path.string());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Besvarelser");
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd-mm-yyyy");
    for (std::size_t c = 0; c < survey.header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), survey.header[c].c_str(), nullptr);
    }
    for (std::size_t r = 0; r < survey.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < survey.rows[r].size(); ++c) {
            const auto& cell = survey.rows[r][c];
            const auto column = static_cast<lxw_col_t>(c);
            switch (cell.kind) {
                case SurveyCell::Kind::Text:
                    if (!cell.text.empty()) worksheet_write_string(sheet, row, column, cell.text.c_str(), nullptr);
                    break;
                case SurveyCell::Kind::Number: worksheet_write_number(sheet, row, column, cell.number, nullptr); break;
                case SurveyCell::Kind::Boolean: worksheet_write_boolean(sheet, row, column, cell.flag, nullptr); break;
                case SurveyCell::Kind::Date: {
                    lxw_datetime when{cell.year, cell.month, cell.day, 0, 0, 0};
                    worksheet_write_datetime(sheet, row, column, &when, date);
                    break;
                }
            }
        }
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path.string());
}

void write_survey_csv_windows1252(const SyntheticSurvey& survey, const std::filesystem::path& path) {
    std::string content;
    for (std::size_t c = 0; c < survey.header.size(); ++c) content += (c ? ";" : "") + csv_field(survey.header[c]);
    content += "\r\n";
    for (const auto& row : survey.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto& cell = row[c];
            std::string value;
            switch (cell.kind) {
                case SurveyCell::Kind::Text: value = cell.text; break;
                case SurveyCell::Kind::Number: value = danish_number(cell.number); break;
                case SurveyCell::Kind::Boolean: value = cell.flag ? "SAND" : "FALSK"; break;
                case SurveyCell::Kind::Date: {
                    char buffer[16];
                    std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", cell.day, cell.month, cell.year);
                    value = buffer;
                    break;
                }
            }
            content += (c ? ";" : "") + csv_field(value);
        }
        content += "\r\n";
    }
    std::ofstream out(path, std::ios::binary);
    out << windows1252(content);
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace fokus::bench
