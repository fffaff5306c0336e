#pragma once
// Which documents and turns a SearchFilter lets through (internal to search/):
// the document-level part as a Xapian query over the filter terms, and the
// turn-level part (speaker, participant attributes, interviewers, codings
// touching the turn) checked turn by turn. Searching and counting words both
// select through these, so that a filter means the same in both.
#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coding/codings.h"
#include "coding/interviewers.h"
#include "coding/participants.h"
#include "search/document_record.h"
#include "search/index.h"

namespace fokus::search {

// The document-level part of the filter: terms of one kind are alternatives;
// kinds must all hold. Speaker, participant and coding terms say only that
// some turn of the document qualifies; TurnFilter checks each turn.
Xapian::Query filter_query(const SearchFilter& filter);

// Whether anything of the filter holds per turn rather than per document.
bool selects_turns(const SearchFilter& filter);

// The parts of the filter that hold per turn: the speaker, the participant's
// attributes, and codings touching the turn's speech.
class TurnFilter {
public:
    TurnFilter(Project& project, const SearchFilter& filter);

    // `codings`: the codings of the turn's document.
    bool admits(const IndexedTurn& turn, const std::vector<CodedSpan>& codings);

private:
    // A participant's attributes, read once per search.
    const std::map<std::string, std::string>& participant(Id id);

    const SearchFilter& filter_;
    std::optional<InterviewerSpeakers> interviewers_;
    ParticipantStore participants_;
    std::map<Id, std::map<std::string, std::string>> attributes_;
};

}  // namespace fokus::search
