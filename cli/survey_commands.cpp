// import-survey, survey-columns and autocode: surveys and spreadsheets beside the interviews.
#include <iostream>
#include <map>
#include <memory>

#include "cli/context.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/survey_autocode.h"
#include "coding/text.h"
#include "importers/survey.h"
#include "search/follower.h"

namespace fokus::cli {
namespace {

// "Alder:number" -> ("Alder", number); a column whose name ends in a colon and
// something that is no type keeps it all as its name.
std::pair<std::string, AttributeKind> attribute_choice(const std::string& text,
                                                       const std::map<std::string, std::vector<std::string>>& categories) {
    std::string column = text;
    AttributeKind kind;
    if (const auto colon = text.rfind(':'); colon != std::string::npos) {
        try {
            kind.type = parse_attribute_type(text.substr(colon + 1));
            column = text.substr(0, colon);
        } catch (const InputError&) {
        }
    }
    if (const auto found = categories.find(text::fold_case(column)); found != categories.end()) {
        if (kind.type == AttributeType::Text) kind.type = AttributeType::Ordered;
        if (kind.type != AttributeType::Ordered) {
            throw InputError("--categories gives " + text::quote(column) + " categories, but it is of type " +
                             attribute_type_name(kind.type));
        }
        kind.categories = found->second;
    }
    if (kind.type == AttributeType::Ordered && kind.categories.empty()) {
        throw InputError("the ordered attribute " + text::quote(column) + " needs --categories \"" + column +
                         "=first|second|...\"");
    }
    return {column, kind};
}

// "anciennitet=Under 2 år|2-5 år|Over 5 år" by the column's folded name.
std::map<std::string, std::vector<std::string>> parse_categories(const std::vector<std::string>& options) {
    std::map<std::string, std::vector<std::string>> result;
    for (const auto& option : options) {
        const auto equals = option.rfind('=');
        if (equals == std::string::npos) throw InputError("--categories needs COLUMN=first|second|..., not " + text::quote(option));
        std::vector<std::string> values;
        const auto list = option.substr(equals + 1);
        for (std::size_t start = 0;;) {
            const auto end = list.find('|', start);
            values.push_back(text::trim(list.substr(start, end == std::string::npos ? std::string::npos : end - start)));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        result[text::fold_case(text::trim(option.substr(0, equals)))] = values;
    }
    return result;
}

void add_import_survey(CLI::App& app, Context& context) {
    struct Options {
        std::string path, file, id;
        std::vector<std::string> attributes, open, categories;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "import-survey",
        "Import a survey (.xlsx, .ods or .csv): respondents as participants with their closed answers as attributes, "
        "each open question a document with one unit per answer");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_option("FILE", options->file, "The spreadsheet: first sheet, first row the column names")->required();
    command->add_option("--id", options->id, "The column of the respondent's id")->required();
    command->add_option("--attribute", options->attributes,
                        "A closed question to keep as an attribute, COLUMN or COLUMN:TYPE (text, number, date, yesno, "
                        "ordered); repeat for several");
    command->add_option("--categories", options->categories,
                        "The categories of an ordered attribute in their order: COLUMN=first|second|...");
    command->add_option("--open", options->open, "An open question: a document with one unit per answer; repeat for several");
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        importers::SurveyColumns columns;
        columns.id = options->id;
        const auto categories = parse_categories(options->categories);
        for (const auto& attribute : options->attributes) columns.attributes.push_back(attribute_choice(attribute, categories));
        columns.open = options->open;
        const auto survey = importers::read_survey(options->file, columns);
        auto project = context.open(options->path);
        const auto report = import_survey(project, survey);
        try {
            search::IndexFollower index(project.path());
            index.committed();
            index.finish();
        } catch (const Error& error) {
            std::cerr << "fokus-cli: the search index was not updated: " << error.what() << '\n';
        }
        if (options->json) {
            print_json({{"respondents", report.respondents},
                        {"known_respondents", report.known_respondents},
                        {"answers", report.answers},
                        {"blank_answers", report.blank_answers},
                        {"new_documents", report.new_documents},
                        {"extended_documents", report.extended_documents}});
            return;
        }
        std::cout << "Imported " << report.respondents << (report.respondents == 1 ? " respondent" : " respondents") << " and "
                  << report.answers << (report.answers == 1 ? " answer" : " answers") << " from " << survey.source;
        if (report.blank_answers > 0) std::cout << " (" << report.blank_answers << " blank left out)";
        std::cout << '\n';
        if (report.known_respondents > 0) {
            std::cout << report.known_respondents << " respondents already in the project were left as they are\n";
        }
        for (const auto& name : report.new_documents) std::cout << "  new document " << text::quote(name) << '\n';
        for (const auto& name : report.extended_documents) std::cout << "  answers added to " << text::quote(name) << '\n';
    });
}

void add_survey_columns(CLI::App& app, Context&) {
    struct Options {
        std::string file;
        int rows = 3;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("survey-columns", "List the columns of a survey file with their first values, "
                                                           "to choose those import-survey takes");
    command->add_option("FILE", options->file, "The spreadsheet (.xlsx, .ods or .csv)")->required();
    command->add_option("--rows", options->rows, "How many values of each column to show (default 3)")->check(CLI::NonNegativeNumber);
    add_json_flag(*command, options->json);
    command->callback([options] {
        const auto table = importers::read_spreadsheet(options->file);
        const auto shown = std::min<std::size_t>(static_cast<std::size_t>(options->rows), table.rows.size());
        if (options->json) {
            nlohmann::json columns = nlohmann::json::array();
            for (std::size_t c = 0; c < table.header.size(); ++c) {
                nlohmann::json values = nlohmann::json::array();
                for (std::size_t r = 0; r < shown; ++r) values.push_back(table.rows[r][c]);
                columns.push_back({{"name", table.header[c]}, {"values", values}});
            }
            print_json({{"format", table.format}, {"encoding", table.encoding}, {"rows", table.rows.size()}, {"columns", columns}});
            return;
        }
        std::cout << table.rows.size() << " rows" << (table.encoding.empty() ? "" : ", " + table.encoding) << '\n';
        for (std::size_t c = 0; c < table.header.size(); ++c) {
            std::cout << c + 1 << ". " << table.header[c];
            for (std::size_t r = 0; r < shown; ++r) {
                auto value = table.rows[r][c];
                if (const auto line = value.find('\n'); line != std::string::npos) value = value.substr(0, line) + " …";
                std::cout << (r == 0 ? ": " : " | ") << value;
            }
            std::cout << '\n';
        }
    });
}

void add_autocode(CLI::App& app, Context& context) {
    struct Options {
        std::string path, code, question, answer;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("autocode", "Code a survey's answers as one step: every answer to a question, "
                                                   "or every answer of the respondents with a closed answer");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_option("CODE", options->code, "The code (name, id or GUID)")->required();
    command->add_option("--question", options->question, "The open question (its document): every answer to it, "
                                                          "or with --answer only there");
    command->add_option("--answer", options->answer,
                        "A closed answer, as participant.NAME=VALUE[,VALUE...] (a value may be a range, 20-29)");
    command->callback([&context, options] {
        if (options->question.empty() && options->answer.empty()) throw InputError("give --question DOCUMENT, --answer NAME=VALUE, or both");
        auto project = context.open(options->path);
        const Id code = CodeStore(project).resolve(options->code).id;
        std::optional<Id> question;
        if (!options->question.empty()) question = DocumentStore(project).resolve(options->question).id;
        const auto coded = options->answer.empty() ? autocode_question(project, *question, code)
                                                   : autocode_respondents(project, options->answer, code, question);
        std::cout << "Coded " << coded << (coded == 1 ? " answer" : " answers") << " with " << text::quote(options->code) << '\n';
    });
}

}  // namespace

void add_survey_commands(CLI::App& app, Context& context) {
    add_import_survey(app, context);
    add_survey_columns(app, context);
    add_autocode(app, context);
}

}  // namespace fokus::cli
