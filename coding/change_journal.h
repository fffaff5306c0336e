#pragma once
// The change journal: which documents changed, in order, written by triggers
// for every path that changes the store (actions, undo, redo, imports), so
// that derived data kept beside the project (the search index) can follow it.
#include <cstdint>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

// What changed in one document over a stretch of the journal.
struct DocumentChange {
    Id document = 0;
    // Its text, name, turns or speakers changed, or it was added or removed;
    // false when only its codings or attributes did.
    bool content = false;
    friend bool operator==(const DocumentChange&, const DocumentChange&) = default;
};

class ChangeJournal {
public:
    explicit ChangeJournal(Project& project) : project_(project) {}

    // The place of the newest change; 0 when none was ever journalled.
    std::int64_t end() const;
    // Whether the journal still holds every change after `place` (a copy made
    // for sharing starts with an empty one).
    bool holds_changes_after(std::int64_t place) const;
    // The documents changed after `from` up to and including `end`, by id.
    std::vector<DocumentChange> changes(std::int64_t from, std::int64_t end) const;

private:
    Project& project_;
};

}  // namespace fokus
