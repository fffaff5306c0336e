#pragma once
// Spans as users give them on the command line: START-END in characters, or
// a piece of text that occurs once in the document.
#include <string>

#include "coding/types.h"

namespace fokus {
class Project;
}

namespace fokus::cli {

// "120-245"; InputError otherwise.
Span parse_span(const std::string& text);
bool looks_like_span(const std::string& text);
// A span, or the one place where `text` occurs in the document.
Span locate(Project& project, Id document, const std::string& span_or_text);

}  // namespace fokus::cli
