#include "cli/word_selection.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "cli/analysis_options.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/text.h"

namespace fokus::cli {

void add_word_selection_options(CLI::App& command, WordSelectionOptions& options) {
    command.add_option("--filter", options.filters,
                       "Only where an attribute has one of these values: municipality=Kommune B, bikva_stage=1,2, "
                       "participant.role=Leder (repeat to combine)");
    command.add_option("--document", options.documents, "Only this document (repeat for several)");
    command.add_option("--speaker", options.speakers, "Only turns of this speaker label (repeat for several)");
    command.add_option("--code", options.code, "Only the words inside codings of this code, or theme:NAME");
    command.add_flag("--without-interviewers", options.without_interviewers, std::string(without_interviewers_help));
}

void check_speaker_label(Project& project, const std::string& label) {
    const auto labels = DocumentStore(project).speaker_labels();
    if (std::find(labels.begin(), labels.end(), label) != labels.end()) return;
    throw NotFoundError("no document has a speaker labelled " + text::quote(label) + " (labels are matched exactly, as they are written)");
}

void check_attribute_values(Project& project, const AttributeCondition& condition) {
    const auto known = attribute_values(project, condition);
    for (const auto& value : condition.values) {
        if (std::find(known.begin(), known.end(), value) != known.end()) continue;
        std::string values;
        for (const auto& one : known) values += (values.empty() ? "" : ", ") + one;
        const std::string name = (condition.of == AttributeCondition::Of::Participant ? "participant." : "") + condition.name;
        throw NotFoundError("no document or participant has " + name + " " + text::quote(value) + "; its values are " + values);
    }
}

search::SearchFilter WordSelectionOptions::filter(Project& project) const {
    AnalysisOptions shared;
    shared.filters = filters;
    shared.documents = documents;
    const auto segments = shared.filter(project);
    search::SearchFilter result;
    result.documents = segments.documents;
    result.attributes = segments.attributes;
    for (const auto& condition : result.attributes) check_attribute_values(project, condition);
    result.speakers = speakers;
    for (const auto& speaker : speakers) check_speaker_label(project, speaker);
    if (!code.empty()) result.inside = resolve_item(project, code);
    result.without_interviewers = without_interviewers;
    return result;
}

search::Index open_word_index(Project& project) {
    const bool terminal = isatty(STDERR_FILENO) != 0;
    auto index = search::Index::open_for(project, [terminal](std::size_t done, std::size_t total) {
        if (terminal) std::cerr << "\rBuilding the search index: " << done << "/" << total << std::flush;
    });
    if (index.rebuilt()) std::cerr << (terminal ? "\r" : "") << "The search index was built anew from the project.\n";
    return index;
}

}  // namespace fokus::cli
