#pragma once
// A BIKVA group's good advice to the next level, written down where it is said:
// the passage is coded "Gode råd", the code made first when the project lacks it.
#include <string_view>

#include "types.h"

namespace fokus {

class Project;

// One user action, "write good advice": the coding's id. A note, when given,
// becomes the coding's comment. InputError when "Gode råd" names a category
// that cannot be coded, or the span does not fit the document.
Id write_good_advice(Project& project, Id document, Span span, std::string_view note = {});

}  // namespace fokus
