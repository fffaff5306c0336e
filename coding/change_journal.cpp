#include "change_journal.h"

#include "project.h"
#include "sqlite.h"

namespace fokus {

std::int64_t ChangeJournal::end() const { return project_.db().scalar_int("SELECT coalesce(max(seq), 0) FROM change_journal"); }

bool ChangeJournal::holds_changes_after(std::int64_t place) const {
    auto query = project_.db().prepare("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM change_journal");
    query.step();
    const auto first = query.int64(0), last = query.int64(1);
    if (place >= last) return true;
    return first != 0 && first <= place + 1;
}

std::vector<DocumentChange> ChangeJournal::changes(std::int64_t from, std::int64_t end) const {
    // The triggers name what changed: 'codings' and 'attributes' leave the text and its turns alone.
    auto query = project_.db().prepare(
        "SELECT document_id, max(what NOT IN ('codings', 'attributes')) FROM change_journal "
        "WHERE seq > ? AND seq <= ? GROUP BY document_id ORDER BY document_id");
    query.bind_all(from, end);
    std::vector<DocumentChange> changes;
    while (query.step()) changes.push_back(DocumentChange{query.int64(0), query.int64(1) != 0});
    return changes;
}

}  // namespace fokus
