#include "cli/spans.h"

#include <charconv>

#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"

namespace fokus::cli {

bool looks_like_span(const std::string& text) {
    const auto dash = text.find('-');
    return dash != std::string::npos && dash > 0 && dash + 1 < text.size() &&
           text.find_first_not_of("0123456789-") == std::string::npos;
}

Span parse_span(const std::string& text) {
    const auto dash = text.find('-');
    Span span;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    if (dash != std::string::npos) {
        const auto first = std::from_chars(begin, begin + dash, span.start);
        const auto second = std::from_chars(begin + dash + 1, end, span.end);
        if (first.ec == std::errc() && first.ptr == begin + dash && second.ec == std::errc() && second.ptr == end) {
            return span;
        }
    }
    throw InputError("\"" + text + "\" is not a span; give it as START-END in characters, e.g. 120-245");
}

Span locate(Project& project, Id document, const std::string& span_or_text) {
    if (looks_like_span(span_or_text)) return parse_span(span_or_text);
    const auto spans = CodingStore(project).find_text(document, span_or_text);
    const auto name = DocumentStore(project).get(document).name;
    if (spans.empty()) throw InputError("\"" + span_or_text + "\" does not occur in \"" + name + "\"");
    if (spans.size() > 1) {
        throw InputError("\"" + span_or_text + "\" occurs " + std::to_string(spans.size()) + " times in \"" + name +
                         "\"; give more of the text, or START-END");
    }
    return spans.front();
}

}  // namespace fokus::cli
