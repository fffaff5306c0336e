#include "interviewers.h"

#include <algorithm>
#include <array>

#include "participants.h"
#include "text.h"

namespace fokus {
namespace {

constexpr std::string_view role_attribute = "role";

// "Interviewer (Kommune D)" -> "interviewer", "Moderator 2:" -> "moderator".
std::string bare(std::string_view role_or_label) {
    std::string name = text::fold_case(role_or_label);
    if (const auto bracket = name.find('('); bracket != std::string::npos) name.erase(bracket);
    const auto is_trailing = [](char c) { return c == ' ' || c == '\t' || c == ':' || c == '.' || (c >= '0' && c <= '9'); };
    while (!name.empty() && is_trailing(name.back())) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
    return name;
}

}  // namespace

bool names_interviewer(std::string_view role_or_label) {
    static constexpr std::array<std::string_view, 11> names = {
        "interviewer", "intervieweren", "moderator", "moderatoren", "ordstyrer", "ordstyreren",
        "facilitator", "facilitatoren", "interviewere", "moderatorer", "i"};
    const std::string name = bare(role_or_label);
    return std::find(names.begin(), names.end(), name) != names.end();
}

InterviewerSpeakers::InterviewerSpeakers(Project& project) {
    for (const auto& participant : ParticipantStore(project).all()) {
        const auto role = participant.attributes.find(std::string(role_attribute));
        if (role != participant.attributes.end() && !text::trim(role->second).empty()) roles_[participant.id] = role->second;
    }
}

bool InterviewerSpeakers::is_interviewer(std::string_view speaker, std::optional<Id> participant) const {
    if (participant) {
        // The participants sheet knows better than the label: "I" may be a citizen's initial.
        if (const auto role = roles_.find(*participant); role != roles_.end()) return names_interviewer(role->second);
    }
    return !speaker.empty() && names_interviewer(speaker);
}

}  // namespace fokus
