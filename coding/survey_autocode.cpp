#include "survey_autocode.h"

#include <set>

#include "attribute_types.h"
#include "attributes.h"
#include "codes.h"
#include "codings.h"
#include "documents.h"
#include "error.h"
#include "number_bands.h"
#include "participants.h"
#include "project.h"
#include "segments.h"
#include "survey.h"
#include "text.h"

namespace fokus {
namespace {

Document survey_document(Project& project, Id id) {
    const auto document = DocumentStore(project).get(id);
    if (document.format != survey_document_format) {
        throw InputError(text::quote(document.name) + " is not a survey's open question; only its answers can be coded so");
    }
    return document;
}

// The answers (turn bodies) of the survey documents, of the participants
// allowed when `allowed` is given.
std::vector<CodingRequest> answers(Project& project, const std::vector<Id>& documents, const std::set<Id>* allowed) {
    DocumentStore store(project);
    std::vector<CodingRequest> requests;
    for (const Id document : documents) {
        for (const auto& turn : store.turns(document)) {
            if (!turn.speaker || turn.body().length() == 0) continue;
            if (allowed && (!turn.participant || !allowed->count(*turn.participant))) continue;
            requests.push_back(CodingRequest{document, turn.body()});
        }
    }
    return requests;
}

}  // namespace

std::size_t autocode_question(Project& project, Id question, Id code) {
    const auto document = survey_document(project, question);
    const auto name = CodeStore(project).get(code).name;
    const auto requests = answers(project, {question}, nullptr);
    if (requests.empty()) return 0;
    return CodingStore(project)
        .add_all(code, requests,
                 "code every answer to " + text::quote(document.name) + " as " + text::quote(name))
        .size();
}

std::size_t autocode_respondents(Project& project, std::string_view condition_text, Id code, std::optional<Id> question) {
    const auto condition = parse_condition(condition_text);
    if (condition.of != AttributeCondition::Of::Participant) {
        throw InputError(text::quote(condition_text) + " is no respondent's answer; name it as participant.NAME=VALUE");
    }
    const auto kind = AttributeTypes(project).of(std::string(participant_attribute_prefix) + condition.name);
    std::set<std::string> wanted;
    std::vector<NumberBand> ranges;
    for (const auto& value : condition.values) {
        if (auto band = parse_band(value)) ranges.push_back(*band);
        try {
            wanted.insert(kind ? typed_value(*kind, value) : value);
        } catch (const InputError&) {
            if (ranges.empty() || ranges.back().label != value) throw;
        }
    }
    std::set<Id> allowed;
    for (const auto& participant : ParticipantStore(project).all()) {
        const auto found = participant.attributes.find(condition.name);
        if (found == participant.attributes.end()) continue;
        if (wanted.count(found->second) || (!ranges.empty() && !band_of(ranges, found->second).empty())) {
            allowed.insert(participant.id);
        }
    }
    if (allowed.empty()) throw InputError("no respondent has " + text::quote(condition_text));
    std::vector<Id> documents;
    if (question) {
        survey_document(project, *question);
        documents.push_back(*question);
    } else {
        for (const auto& document : DocumentStore(project).all()) {
            if (document.format == survey_document_format) documents.push_back(document.id);
        }
    }
    const auto name = CodeStore(project).get(code).name;
    const auto requests = answers(project, documents, &allowed);
    if (requests.empty()) return 0;  // no step for nothing done
    return CodingStore(project)
        .add_all(code, requests,
                 "code the answers of " + std::string(condition_text) + " as " + text::quote(name))
        .size();
}

}  // namespace fokus
