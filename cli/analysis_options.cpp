#include "cli/analysis_options.h"

#include "cli/context.h"
#include "coding/attributes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/segments.h"
#include "coding/text.h"

namespace fokus::cli {

void add_analysis_options(CLI::App& command, AnalysisOptions& options) {
    command.add_option("PROJECT", options.path, "The project file")->required();
    command.add_option("--code", options.codes,
                       "A code, or theme:NAME for a theme (repeat for several; all codes when left out)");
    command.add_option("--filter", options.filters,
                       "Only segments where an attribute has one of these values: municipality=Kommune B, "
                       "bikva_stage=1,2, participant.role=Leder (repeat to combine)");
    command.add_option("--document", options.documents, "Only this document (repeat for several)");
    command.add_option("--coder", options.coders, "Only this coder's codings (repeat for several)");
    command.add_flag("--without-interviewers", options.without_interviewers, std::string(without_interviewers_help));
    auto* json = command.add_flag("--json", options.json, "Print JSON for scripts");
    command.add_flag("--csv", options.csv, "Print CSV for spreadsheets")->excludes(json);
}

SegmentFilter AnalysisOptions::filter(Project& project) const {
    SegmentFilter filter;
    filter.without_interviewers = without_interviewers;
    const AttributeCatalogue attributes(project);
    for (const auto& condition : filters) {
        filter.attributes.push_back(parse_condition(condition));
        // A misspelt attribute would match nothing, and look like a finding.
        const auto& parsed = filter.attributes.back();
        const std::string name = (parsed.of == AttributeCondition::Of::Participant ? std::string(participant_attribute_prefix) : "") + parsed.name;
        if (attributes.exists(name)) continue;
        std::string known;
        for (const auto& one : attributes.all()) known += (known.empty() ? "" : ", ") + one;
        throw NotFoundError("no document or participant has the attribute " + text::quote(name) +
                            (known.empty() ? std::string() : "; known attributes: " + known));
    }
    DocumentStore store(project);
    for (const auto& document : documents) filter.documents.push_back(store.resolve(document).id);
    for (const auto& coder : coders) {
        filter.coders.push_back(CoderDirectory(project).id_of(coder));
    }
    return filter;
}

std::vector<CodeItem> AnalysisOptions::items(Project& project) const {
    if (codes.empty()) return all_code_items(project);
    std::vector<CodeItem> result;
    for (const auto& code : codes) result.push_back(resolve_item(project, code));
    return result;
}

}  // namespace fokus::cli
