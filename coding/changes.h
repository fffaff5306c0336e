#pragma once
// What one user action, undo or redo changed, told to whoever listens
// (Project::subscribe), so that a view updates only what it shows of it.
// Read from the step's own changeset, the record undo keeps anyway.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

// A coding row as it was before or is after the change (both, when it moved).
struct CodingChange {
    Id coding = 0;
    Id document = 0;
    Id code = 0;
    Span span;
    friend bool operator==(const CodingChange&, const CodingChange&) = default;
};

struct Changes {
    // Every table with a row added, removed or altered (codes, memos, links, quotes…).
    std::set<std::string> tables;
    // Every coding added, removed, moved, recoded or commented on.
    std::vector<CodingChange> codings;
    // Documents whose own content changed: added, removed, renamed, their
    // text, turns, speakers or attributes.
    std::set<Id> documents;

    bool empty() const { return tables.empty(); }
    bool touches(std::string_view table) const { return tables.count(std::string(table)) > 0; }
    // Nothing but codings changed (coding, uncoding, recoding, a comment).
    bool only_codings() const { return tables.size() == 1 && touches("codings"); }
    // Documents whose codings changed.
    std::set<Id> coded_documents() const;
    // Codes with a coding added, removed or moved.
    std::set<Id> coded_codes() const;
    // The smallest span covering every changed coding in `document`, if any.
    std::optional<Span> coded_span_in(Id document) const;
};

namespace sql {
class Connection;
}

namespace detail {
// What a changeset (as recorded by SQLite's session extension) changed, read
// after it has been applied on `db`, where an altered coding is looked up.
Changes describe_changeset(sql::Connection& db, const void* changeset, int size);
}  // namespace detail

}  // namespace fokus
