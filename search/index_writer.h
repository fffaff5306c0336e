#pragma once
// Writing many documents into the index (internal to search/): the next
// documents are read from the project and turned into terms on a second
// thread while this one writes, and the index is committed every few million
// words so that memory stays bounded however large the project.
#include <xapian.h>

#include <functional>
#include <vector>

#include "coding/project.h"

namespace fokus::search {

// `fresh`: the index is being built and holds none of the documents yet.
// `written` is told, on this thread, how many documents are written so far.
// The project is used only by the second thread until this returns.
void write_documents(Xapian::WritableDatabase& db, Project& project, const std::vector<Id>& documents, bool fresh,
                     const std::function<void(std::size_t written)>& written = {});

}  // namespace fokus::search
