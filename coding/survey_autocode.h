#pragma once
// Coding a survey's answers wholesale, as one step each: every answer to an
// open question, or every answer of the respondents who gave a closed answer
// ("participant.rolle=Leder", "participant.alder=20-29").
#include <cstddef>
#include <optional>
#include <string_view>

#include "types.h"

namespace fokus {

class Project;

// Codes the answer (the unit's text after the respondent's label) of every
// unit of the survey document `question`. Answers already so coded by this
// coder are skipped; returns how many were coded. InputError when the
// document is not a survey's.
std::size_t autocode_question(Project& project, Id question, Id code);

// Codes every answer of the respondents whose participant attribute (as
// "participant.NAME=VALUE[,VALUE...]", a value also a range of numbers) it
// matches, in every survey document or only in `question`. A value is
// compared as the attribute's type writes it, so "Ja" finds "ja". Returns how
// many were coded; InputError naming the condition when no respondent has it.
std::size_t autocode_respondents(Project& project, std::string_view condition, Id code, std::optional<Id> question = {});

}  // namespace fokus
