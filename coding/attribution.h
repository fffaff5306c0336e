#pragma once
// How a quotation appears in a report: its text (with or without speaker
// labels, cuts marked "(...)", white space tidied) and its attribution, made
// from a template over participant and document attributes, such as
// "({role}, {municipality})" -> "(Rådgiver, Kommune B)".
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

// A template of literal text and {name} placeholders. A placeholder without a
// value is left out together with the literal text that belongs to it, up to
// the neighbouring separator (",", ";", "|", "·", or " - ", " – ", " / "), so
// "({role}, {age} år, {seniority} i nuværende job)" without an age gives
// "(Rådgiver, 1-5 år i nuværende job)". A bracketed part whose placeholders are
// all missing disappears with the space before it; when nothing is left, the
// result is empty.
class AttributionTemplate {
public:
    // InputError naming the template when a brace is unclosed or a name empty.
    explicit AttributionTemplate(std::string_view pattern);

    // `value` gives a placeholder's value; empty means missing.
    using Lookup = std::function<std::string(const std::string& name)>;
    std::string render(const Lookup& value) const;
    std::string render(const std::map<std::string, std::string>& values) const;

    const std::string& pattern() const noexcept { return pattern_; }
    // The placeholder names, in order of appearance.
    const std::vector<std::string>& names() const noexcept { return names_; }

private:
    std::string pattern_;
    std::vector<std::string> names_;
};

struct QuoteTextOptions {
    bool keep_speakers = true;   // speaker labels inside the quoted span stay
    bool mark_cuts = true;       // "(...)" where the quote starts or ends inside a turn
    bool tidy_whitespace = true; // runs of white space become one, ends trimmed
};

// What a quotation is taken from, as reports show it.
struct QuoteSource {
    std::string text;  // formatted by the QuoteTextOptions
    std::string document;
    std::string speaker;      // the label of the turn where the quote starts
    std::string participant;  // the participant that label is mapped to, if any
    std::map<std::string, std::string> document_attributes;
    std::map<std::string, std::string> participant_attributes;

    // Values for an attribution template: the built-ins speaker, participant
    // and document; each attribute by its name (a participant's before a
    // document's) and as participant.NAME or document.NAME.
    std::map<std::string, std::string> values() const;
};

// Reads quotations from a project, loading each document once.
class QuoteReader {
public:
    explicit QuoteReader(Project& project);
    ~QuoteReader();
    QuoteReader(const QuoteReader&) = delete;
    QuoteReader& operator=(const QuoteReader&) = delete;

    // InputError when the span lies outside the document.
    QuoteSource read(Id document, Span span, const QuoteTextOptions& options = {});

private:
    struct Cache;
    std::unique_ptr<Cache> cache_;
};

}  // namespace fokus
