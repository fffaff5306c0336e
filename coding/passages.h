#pragma once
// Unlabelled passages: text outside every speaker turn (a transcript's header,
// a preamble before the first label, text between turns, a document without
// speaker labels), one unit per paragraph. They are stored as turns with no
// speaker, so that search, coding by unit, agreement and exports reach every
// character of every document.
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

namespace sql {
class Connection;
}

// The passages of `text` outside the `covered` spans (code points; in any
// order, possibly overlapping): each run of a line that no span covers, from
// its first to its last character that is not white space. In text order.
std::vector<Span> unlabelled_passages(std::string_view text, std::vector<Span> covered);

// Adds the passages of every stored document that lacks them; returns how
// many were added. The upgrade to schema version 8 runs it once.
std::int64_t add_unlabelled_passages(sql::Connection& db);
// The same for some documents only: after undo or redo of a step recorded
// before the upgrade, whose changeset knows nothing of passages.
std::int64_t add_unlabelled_passages(sql::Connection& db, const std::vector<Id>& documents);

}  // namespace fokus
