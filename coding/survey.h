#pragma once
// A survey beside the interviews: one row per respondent, closed questions as
// attributes, open questions as text. Each respondent becomes a participant
// with the closed answers as attributes; each open question a document (of
// format "survey", named by the question) in which every respondent's answer
// is a unit of its own, a turn labelled by the respondent's id ("R0017: ...")
// and mapped to the participant, so that search, coding by unit, retrieval,
// attribution and agreement work on answers as on turns.
#include <cstddef>
#include <string>
#include <vector>

#include "attribute_types.h"
#include "types.h"

namespace fokus {

class Project;

inline constexpr const char* survey_document_format = "survey";

struct SurveyAttribute {
    std::string name;  // the participant attribute: the column's name
    AttributeKind kind;
};

struct SurveyRespondent {
    std::string id;
    std::string place;  // where the row is in its file, for messages ("row 17")
    std::vector<std::string> values;   // one for each attribute, as written; empty when blank
    std::vector<std::string> answers;  // one for each question; empty when blank
};

struct Survey {
    std::string source;  // the file's name, recorded with the documents and named in messages
    std::string source_checksum;
    std::vector<SurveyAttribute> attributes;
    std::vector<std::string> questions;  // the open questions' columns: the documents' names
    std::vector<SurveyRespondent> respondents;
};

struct SurveyReport {
    std::size_t respondents = 0;        // new participants
    std::size_t known_respondents = 0;  // already in the project: left as they are
    std::size_t answers = 0;            // units added
    std::size_t blank_answers = 0;      // of new respondents, left out
    std::vector<std::string> new_documents;       // questions imported for the first time
    std::vector<std::string> extended_documents;  // questions that got answers of new respondents
};

// Imports the respondents not yet in the project (a participant of the same
// label is one), as one action and one step of undo: a survey imported again
// with more rows adds only the new respondents, their answers at the end of
// each question's document. InputError, changing nothing, naming the source
// and the row when an id is empty or used twice, a value is not of its
// attribute's type (see typed_value), or a question's name is taken by a
// document that is not a survey's.
SurveyReport import_survey(Project& project, const Survey& survey);

// Whether the document holds a survey's answers to one question.
bool is_survey_document(Project& project, Id document);

}  // namespace fokus
