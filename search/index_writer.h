#pragma once
// Writing many documents into the index (internal to search/): the next
// documents are read from the project and turned into terms on a second
// thread while this one writes, and the index is committed every twenty
// million words so that memory stays bounded however large the project.
#include <xapian.h>

#include <functional>
#include <vector>

#include "coding/project.h"
#include "search/index.h"

namespace fokus::search {

// `fresh`: the index is being built and holds none of the documents yet.
// `written` is told, on this thread, how many documents are written so far.
// The project is used only by the second thread until this returns.
void write_documents(Xapian::WritableDatabase& db, Project& project, const std::vector<Id>& documents, bool fresh,
                     const std::function<void(std::size_t written)>& written = {});

// Takes in the change journal's rows after `from` up to `end`: documents whose
// text or turns changed are indexed whole, the others have only their filter
// terms refreshed. The index may be committed on the way; the caller records
// the journal's place and commits, so a run cut short is simply done again.
UpdateReport apply_journal(Xapian::WritableDatabase& db, Project& project, std::int64_t from, std::int64_t end);

}  // namespace fokus::search
