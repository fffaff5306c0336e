#pragma once
// What an open index holds, and the pieces of search/ that work on it
// (internal to search/, the one place besides search/*.cpp that sees Xapian).
#include <xapian.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "coding/error.h"
#include "coding/project.h"
#include "search/document_record.h"
#include "search/index.h"

namespace fokus::search {

// Xapian metadata keys.
inline constexpr const char* project_key = "fokus.project";
inline constexpr const char* journal_key = "fokus.journal";
// The layout of terms and records; an index of another layout is built anew.
// Layout 4: a document's unlabelled passages are units of their own.
inline constexpr const char* layout_key = "fokus.layout";
inline constexpr const char* layout = "4";
// Value slot holding the document's place in document order.
inline constexpr Xapian::valueno document_order_slot = 0;

// Runs `work`, turning Xapian's exceptions into fokus ones that name the index
// and what was being done with it.
template <class Work>
auto with_index(const std::filesystem::path& path, std::string_view operation, Work&& work) {
    try {
        return std::forward<Work>(work)();
    } catch (const Xapian::DatabaseLockError&) {
        throw ProjectError(path.string(), ProjectError::Reason::InUse,
                           "cannot " + std::string(operation) +
                               ": the search index is being updated by another program (an import?); try again when it has finished");
    } catch (const Xapian::Error& error) {
        throw FileError(path.string(), "cannot " + std::string(operation) + " the search index: " + error.get_description());
    } catch (const DamagedIndexError& error) {
        throw FileError(path.string(), "cannot " + std::string(operation) + " the search index: " + error.what());
    }
}

// The journal's place the index has reached; -1 when it has none.
std::int64_t stored_journal(const Xapian::Database& db);
// The newest row of the project's change journal.
std::int64_t journal_end(Project& project);

struct Index::State {
    State(Project& project_, std::filesystem::path path_) : project(project_), path(std::move(path_)) {}

    // Builds the index anew from the project, over whatever is there.
    void build(const Progress& progress);
    // Applies the journal's rows since the index's place, or builds the
    // index anew when the journal cannot take it there.
    UpdateReport catch_up();
    // Builds anew an index found damaged, counting it.
    void repair();

    // Runs `work` on the index; if the index turns out damaged on the way,
    // builds it anew and runs `work` once more. Xapian's reports of damage
    // are many (DatabaseCorruptError, DatabaseError, a document that is not
    // there, a range or serialisation error...): any of its runtime errors
    // but the writer's lock, which says nothing of the files. Its logic
    // errors are mistakes in the request, which a new index would not mend.
    template <class Work>
    auto repairing(Work&& work) {
        try {
            return work();
        } catch (const Xapian::DatabaseLockError&) {
            throw;
        } catch (const Xapian::DatabaseModifiedError&) {
            // A writer moved on past the revision being read: read its latest.
            reader.reopen();
            return work();
        } catch (const Xapian::RuntimeError&) {
        } catch (const DamagedIndexError&) {
        }
        repair();
        return work();
    }

    Project& project;
    std::filesystem::path path;
    Xapian::Database reader;  // reopened after every update
    bool rebuilt = false;
    std::size_t repairs = 0;
};

}  // namespace fokus::search
