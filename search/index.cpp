// Keeping the index beside the project: building it, checking that it belongs
// to the project, is whole and is current, following the change journal, and
// building it anew when it turns out to be damaged.

#include "coding/change_journal.h"
#include "coding/documents.h"
#include "search/index_integrity.h"
#include "search/index_state.h"
#include "search/index_writer.h"

namespace fokus::search {
namespace {

enum class Condition { Usable, Missing, Stale, Damaged };

// Whether the index cannot be brought up to `end` through the journal: it is
// another project's, of another layout, behind a journal that has lost the
// rows in between, or ahead of it (the project file was put back from a copy).
bool stale(const Xapian::Database& db, Project& project, std::int64_t end) {
    if (db.get_metadata(project_key) != project.guid() || db.get_metadata(layout_key) != layout) return true;
    const auto seq = stored_journal(db);
    return seq < 0 || seq > end || (seq < end && !ChangeJournal(project).holds_changes_after(seq));
}

// Whether the index's files are as its last writer left them. While a writer
// is at work they may not be, and Xapian keeps what readers see consistent.
Integrity files_of(const std::filesystem::path& path) {
    if (writer_at_work(path)) return Integrity::Holds;
    const auto first = integrity_of(path);
    if (first == Integrity::Holds) return first;
    // A writer may have begun, or finished, while the files were compared.
    return writer_at_work(path) ? Integrity::Holds : integrity_of(path);
}

Condition inspect(Index::State& s) {
    if (!std::filesystem::exists(s.path)) return Condition::Missing;
    // Before Xapian reads anything: a damaged table can crash it.
    switch (files_of(s.path)) {
        case Integrity::Holds: break;
        case Integrity::Unrecorded: return Condition::Stale;
        case Integrity::Broken: return Condition::Damaged;
    }
    try {
        s.reader = Xapian::Database(s.path.string());
        return stale(s.reader, s.project, journal_end(s.project)) ? Condition::Stale : Condition::Usable;
    } catch (const Xapian::DatabaseLockError&) {
        throw;
    } catch (const Xapian::Error&) {
        // DatabaseCorruptError, DatabaseError, DatabaseOpeningError...: the
        // index is derived data, so it is thrown away and built again.
        return Condition::Damaged;
    }
}

// A new, empty index in place of whatever is there, once the writer's lock
// is held (DatabaseLockError when another program holds it).
Xapian::WritableDatabase open_anew(const std::filesystem::path& path) {
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    } catch (const Xapian::DatabaseLockError&) {
        throw;
    } catch (const Xapian::Error&) {
        // Too damaged even to be overwritten: removed, unless a writer is at it.
        if (writer_at_work(path)) throw;
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    }
}

// Commits, then records the files as committed while the lock is still held.
void commit_and_close(Xapian::WritableDatabase& writer, const std::filesystem::path& path) {
    writer.commit();
    record_integrity(path);
    writer.close();
}

}  // namespace

std::int64_t stored_journal(const Xapian::Database& db) {
    const auto value = db.get_metadata(journal_key);
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoll(value);
}

std::int64_t journal_end(Project& project) { return ChangeJournal(project).end(); }

void Index::State::build(const Progress& progress) {
    reader = Xapian::Database();
    auto writer = open_anew(path);
    // The journal's end is read first: changes made while building are
    // then applied again by the next update, never missed.
    const auto journal = journal_end(project);
    const auto documents = DocumentStore(project).ids();
    write_documents(writer, project, documents, true, [&](std::size_t done) {
        if (progress) progress(done, documents.size());
    });
    // Written last: an index interrupted while building has no project
    // and is built again next time.
    writer.set_metadata(project_key, project.guid());
    writer.set_metadata(layout_key, layout);
    writer.set_metadata(journal_key, std::to_string(journal));
    commit_and_close(writer, path);
    reader = Xapian::Database(path.string());
    rebuilt = true;
}

UpdateReport Index::State::catch_up() {
    const auto end = journal_end(project);
    reader.reopen();  // another program may have brought it further
    if (stale(reader, project, end)) {
        build({});
        return {};
    }
    if (stored_journal(reader) == end) return {};
    auto writer = Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
    const auto from = stored_journal(writer);
    if (from >= end) return {};  // another program got there first
    const auto report = apply_journal(writer, project, from, end);
    writer.set_metadata(journal_key, std::to_string(end));
    commit_and_close(writer, path);
    reader.reopen();
    return report;
}

void Index::State::repair() {
    ++repairs;
    build({});
}

Index::Index(std::unique_ptr<State> state) : state_(std::move(state)) {}
Index::Index(Index&&) noexcept = default;
Index::~Index() = default;

std::filesystem::path Index::path_for(const Project& project) {
    auto path = project.path();
    path += ".index";
    return path;
}

Index Index::open_for(Project& project, const Progress& progress) {
    Index index(std::make_unique<State>(project, path_for(project)));
    auto& s = *index.state_;
    with_index(s.path, "open", [&] {
        const auto condition = inspect(s);
        if (condition == Condition::Usable) {
            s.repairing([&] { return s.catch_up(); });
        } else {
            if (condition == Condition::Damaged) ++s.repairs;
            s.build(progress);
        }
    });
    return index;
}

bool Index::rebuilt() const { return state_->rebuilt; }
std::size_t Index::repairs() const { return state_->repairs; }

void Index::rebuild(const Progress& progress) {
    auto& s = *state_;
    with_index(s.path, "rebuild", [&] { s.build(progress); });
}

UpdateReport Index::update() {
    auto& s = *state_;
    return with_index(s.path, "update", [&] { return s.repairing([&] { return s.catch_up(); }); });
}

}  // namespace fokus::search
