#pragma once
// Quote sets: named, ordered collections of quotations for a report. A quote
// is a span of a document, usually taken from a coding; it keeps its span and
// its code when the coding is later removed. Every change is one user action.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

struct QuoteSet {
    Id id = 0;
    std::string guid;
    std::string name;
    std::string note;
    std::string created_at;
    int quotes = 0;
};

struct Quote {
    Id id = 0;
    Id set = 0;
    Id document = 0;
    Span span;
    std::optional<Id> coding;  // empty when added by hand or when the coding was removed
    std::optional<Id> code;    // the code it was taken under, if any
    int position = 0;          // 1-based order within its set
    std::string comment;
};

class QuoteSetStore {
public:
    explicit QuoteSetStore(Project& project) : project_(project) {}

    // In Danish order of their names.
    std::vector<QuoteSet> all() const;
    QuoteSet get(Id id) const;
    // By id number or name (exact, then case-insensitive); NotFoundError names the reference.
    QuoteSet resolve(std::string_view reference) const;

    Id create(std::string_view name, std::string_view note = {});
    void rename(Id set, std::string_view name);
    // Removes the set and its quotes; the codings stay.
    void remove(Id set);

    // The quotes of a set in their order.
    std::vector<Quote> quotes(Id set) const;
    Quote quote(Id id) const;

    // Appends each coding as a quote, in the order given; codings already in
    // the set are skipped. Returns the new quotes' ids. One action.
    std::vector<Id> add_codings(Id set, const std::vector<Id>& codings);
    // Appends the codings of a code (all documents, or one), in document order.
    std::vector<Id> add_code(Id set, Id code, std::optional<Id> document = std::nullopt);
    // Appends a span chosen by hand, optionally under a code.
    Id add_span(Id set, Id document, Span span, std::optional<Id> code = std::nullopt, std::string_view comment = {});

    void remove_quote(Id quote);
    // Moves a quote to `position` (1-based) within its set; the others close up.
    void move_quote(Id quote, int position);
    void set_comment(Id quote, std::string_view comment);

    // The project's attribution template for quotations, "({speaker})" until
    // one is chosen; a new one is checked, then kept as one action.
    std::string attribution_template() const;
    void set_attribution_template(std::string_view pattern);
    // The placeholders of a template that name nothing a quote in this project
    // can have: neither {speaker}, {participant}, {document}, {code}, nor an
    // attribute some document or participant has (also as document.NAME or
    // participant.NAME). InputError naming the template when a brace is unclosed.
    std::vector<std::string> unknown_placeholders(std::string_view pattern) const;
    void set_span(Id quote, Span span);

private:
    std::string checked_name(std::string_view name, std::optional<Id> except) const;
    int next_position(Id set) const;
    Project& project_;
};

}  // namespace fokus
