#pragma once
// Coding in vivo: a code named by the participant's own words, applied to
// them, in one step.
#include <string>
#include <string_view>

#include "types.h"

namespace fokus {

class Project;

// The selected words as a code name: on one line, without the punctuation
// around them, and at most 60 characters (cut at a space, ending in "…").
std::string in_vivo_name(std::string_view selected);

struct InVivoCoding {
    Id code = 0;
    Id coding = 0;
    std::string name;
    bool new_code = false;  // false: a code of that name was there and is used
};

// Codes the span with the code its words name: the codable code of that name
// when there is one, else a new code made and applied as one step labelled
// `code in vivo "NAME"`. InputError when the span holds no words.
InVivoCoding code_in_vivo(Project& project, Id document, Span span);

}  // namespace fokus
