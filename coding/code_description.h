#pragma once
// A code's description as its editor shows it: name, colour, definition and
// memo, read together and saved together as one step.
#include <string>

#include "types.h"

namespace fokus {

class Project;

struct CodeDescription {
    std::string name;
    std::string colour;  // #RRGGBB
    std::string definition;
    std::string memo;  // the text of the code's memo; empty when it has none
};

CodeDescription description_of(Project& project, Id code);

// Saves what differs from the code's description now, as one step labelled
// `describe code "OLD NAME"`; an emptied memo is deleted. False, and no
// step, when nothing differs. InputError (nothing saved) for an empty or
// taken name or a colour that is not one.
bool describe_code(Project& project, Id code, const CodeDescription& wanted);

}  // namespace fokus
