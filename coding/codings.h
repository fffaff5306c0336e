#pragma once
// Codings: a code applied by a coder to a span of a document.
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

struct Coding {
    Id id = 0;
    std::string guid;
    Id document = 0;
    Id code = 0;
    Span span;
    Id coder = 0;
    std::string coder_name;
    std::string created_at;
    std::string comment;
};

// Where a code was applied and by whom: what searching and counting need.
struct CodedSpan {
    Id code = 0;
    Id coder = 0;
    Span span;
};

struct CodingFilter {
    std::vector<Id> codes;  // any of these; all codes when empty
    std::optional<Id> document;
    std::vector<Id> coders;  // any of these; all coders when empty
};

struct CodingRequest {
    Id document = 0;
    Span span;
};

class CodingStore {
public:
    explicit CodingStore(Project& project) : project_(project) {}

    // Ordered by document, then start.
    std::vector<Coding> list(const CodingFilter& filter = {}) const;
    Coding get(Id id) const;
    // How many codings a document has; every document's count (those with any).
    std::int64_t count_in(Id document) const;
    std::map<Id, std::int64_t> count_by_document() const;
    // The codings of one document, in no particular order.
    std::vector<CodedSpan> spans_in(Id document) const;
    // Each code applied in the document with each coder who applied it, once.
    std::vector<std::pair<Id, Id>> codes_and_coders(Id document) const;

    // InputError for a span outside the document, a code that cannot be
    // applied, or the same coding by the same coder already there.
    Id add(Id document, Id code, Span span, std::string_view comment = {});
    // Codes every span as one action; spans already coded so are skipped.
    // Returns the ids of the new codings.
    std::vector<Id> add_all(Id code, const std::vector<CodingRequest>& spans, std::string_view label);
    void remove(Id id);
    void set_comment(Id id, std::string_view comment);
    void recode(Id id, Id code);

    // The names of the codes applied to any part of the span, each once, in
    // the order of the code tree's positions.
    std::vector<std::string> codes_overlapping(Id document, Span span) const;

    // Where `needle` occurs in the document's text, as code-point spans.
    std::vector<Span> find_text(Id document, std::string_view needle) const;

private:
    Project& project_;
};

}  // namespace fokus
