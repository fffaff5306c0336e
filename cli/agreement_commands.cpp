// agreement: how far coders agree, per code and overall, and where they disagree.
#include <iostream>
#include <memory>

#include "analysis/agreement.h"
#include "cli/context.h"
#include "cli/tables.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/segments.h"
#include "coding/text.h"

namespace fokus::cli {
namespace {

struct AgreementOptions {
    std::string path;
    std::vector<std::string> coders;
    std::string unit = "word";
    std::vector<std::string> codes;
    std::vector<std::string> documents;
    std::string disagreements;
    bool json = false;
};

// Undefined statistics (a code nobody used) are shown as such, never as NaN.
std::string shown(const std::optional<double>& value) { return value ? format_number(*value, 3) : "undefined"; }
nlohmann::json as_json(const std::optional<double>& value) { return value ? nlohmann::json(*value) : nlohmann::json(); }

nlohmann::json scores_json(const AgreementScores& scores) {
    return {{"percent_agreement", as_json(scores.percent)},
            {"cohen_kappa", as_json(scores.cohen_kappa)},
            {"fleiss_kappa", as_json(scores.fleiss_kappa)},
            {"krippendorff_alpha", as_json(scores.krippendorff_alpha)},
            {"units", scores.units}};
}

Row scores_row(const std::string& name, const AgreementScores& scores, bool two_coders) {
    Row row{name, scores.percent ? format_number(*scores.percent * 100.0, 1) + " %" : "undefined"};
    if (two_coders) row.push_back(shown(scores.cohen_kappa));
    row.push_back(shown(scores.fleiss_kappa));
    row.push_back(shown(scores.krippendorff_alpha));
    row.push_back(std::to_string(scores.units));
    return row;
}

AgreementRequest request_of(Project& project, const AgreementOptions& options) {
    AgreementRequest request;
    request.coders = options.coders;
    request.unit = parse_agreement_unit(options.unit);
    for (const auto& code : options.codes) request.codes.push_back(resolve_item(project, code));
    DocumentStore documents(project);
    for (const auto& document : options.documents) request.documents.push_back(documents.resolve(document).id);
    return request;
}

std::string join(const std::vector<std::string>& names) {
    std::string joined;
    for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
    return joined.empty() ? "nobody" : joined;
}

void print_report(const AgreementReport& report, bool json) {
    const bool two_coders = report.coders.size() == 2;
    if (json) {
        nlohmann::json codes = nlohmann::json::array();
        for (const auto& code : report.codes) {
            auto entry = scores_json(code.scores);
            entry["code"] = code.code.theme ? "theme:" + code.code.name : code.code.name;
            codes.push_back(entry);
        }
        print_json({{"coders", report.coders},
                    {"unit", std::string(agreement_unit_name(report.unit))},
                    {"codes", codes},
                    {"overall", scores_json(report.overall)}});
        return;
    }
    std::cout << "Agreement between " << join(report.coders) << ", by " << agreement_unit_name(report.unit) << "\n\n";
    Row heading{"code", "agreement"};
    if (two_coders) heading.push_back("Cohen's kappa");
    for (const char* column : {"Fleiss' kappa", "Krippendorff's alpha", "units"}) heading.push_back(column);
    std::vector<Row> rows{heading};
    for (const auto& code : report.codes) {
        rows.push_back(scores_row(code.code.theme ? "theme:" + code.code.name : code.code.name, code.scores, two_coders));
    }
    rows.push_back(scores_row("(overall)", report.overall, two_coders));
    write_aligned(std::cout, rows);
    std::cout << "\nUndefined: nobody applied the code, or every unit was coded alike, so chance agreement is "
                 "already perfect.\n";
}

void print_disagreements(const CodeItem& code, const std::vector<Disagreement>& found, bool json) {
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& d : found) {
            list.push_back({{"document", d.document_name},
                            {"start", d.span.start},
                            {"end", d.span.end},
                            {"text", d.text},
                            {"applied_by", d.applied_by},
                            {"not_applied_by", d.not_applied_by}});
        }
        print_json({{"code", code.name}, {"disagreements", list}});
        return;
    }
    if (found.empty()) {
        std::cout << "The coders agree everywhere on " << text::quote(code.name) << ".\n";
        return;
    }
    for (const auto& d : found) {
        std::cout << d.document_name << "  " << d.span.start << "-" << d.span.end << "  applied by "
                  << join(d.applied_by) << "; not by " << join(d.not_applied_by) << "\n    " << d.text << '\n';
    }
}

}  // namespace

void add_agreement_commands(CLI::App& app, Context& context) {
    auto options = std::make_shared<AgreementOptions>();
    auto* command = app.add_subcommand(
        "agreement",
        "Intercoder agreement per code and overall: percent agreement, Cohen's kappa (two coders), Fleiss' kappa "
        "and Krippendorff's alpha, each code taken as applied or not to every unit");
    command->add_option("PROJECT", options->path, "The project file (only read)")->required();
    command->add_option("--coders", options->coders, "The coders to compare, by name: A,B[,C...] (two or more)")
        ->required()
        ->delimiter(',');
    command->add_option("--unit", options->unit,
                        "What is compared: character, word (default), sentence or turn (speaker turn). A unit "
                        "counts as coded when a coding of the code overlaps it")
        ->check(CLI::IsMember({"character", "word", "sentence", "turn"}))
        ->capture_default_str();
    command->add_option("--code", options->codes, "Only this code, or theme:NAME (repeat for several; default all codes)");
    command->add_option("--document", options->documents, "Only this document (repeat for several; default all)");
    command->add_option("--disagreements", options->disagreements,
                        "Instead of the table, list where the coders disagree on this code: document, span, text, "
                        "and who applied it");
    add_json_flag(*command, options->json);
    command->footer(
        "Percent agreement is the share of agreeing coder pairs per unit. Statistics that divide by zero "
        "(a code nobody used) are shown as 'undefined' (null in JSON).");
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        auto request = request_of(project, *options);
        if (!options->disagreements.empty()) {
            const auto code = resolve_item(project, options->disagreements);
            print_disagreements(code, find_disagreements(project, request, code), options->json);
            return;
        }
        print_report(measure_agreement(project, request), options->json);
    });
}

}  // namespace fokus::cli
