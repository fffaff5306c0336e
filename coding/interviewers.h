#pragma once
// Which speaker turns are an interviewer's or a moderator's, so that search
// and retrieval can keep to what the participants themselves said.
//
// The rule: a speaker mapped to a participant with a role (the participant
// attribute "role", participant.role) is an interviewer when that role is
// one; a speaker with no participant, or whose participant has no role, is
// one when the speaker label is. A role or label is an interviewer's when,
// ignoring case, a number after it ("Moderator 2") and a remark in brackets
// ("Interviewer (Kommune D)"), it is Interviewer, Moderator, Ordstyrer or
// Facilitator, with or without the Danish definite ending (Moderatoren), or
// the label "I" that transcribers write for the interviewer.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "types.h"

namespace fokus {

class Project;

// Whether a role or a speaker label names an interviewer or moderator.
bool names_interviewer(std::string_view role_or_label);

class InterviewerSpeakers {
public:
    // Reads every participant's role once.
    explicit InterviewerSpeakers(Project& project);

    // Whether a turn of this speaker label, mapped to this participant (none
    // when empty), is an interviewer's or moderator's.
    bool is_interviewer(std::string_view speaker, std::optional<Id> participant) const;

private:
    std::map<Id, std::string> roles_;  // participant -> role, for those with one
};

}  // namespace fokus
