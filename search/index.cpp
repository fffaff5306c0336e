// Keeping the index beside the project: building it, checking that it belongs
// to the project and is current, and following the change journal.

#include "coding/sqlite.h"
#include "search/index_state.h"
#include "search/index_writer.h"

namespace fokus::search {
namespace {

enum class Condition { Usable, Missing, Stale, Damaged };

// Whether the journal still holds every row after `seq` up to its end.
bool journal_reaches_back_to(Project& project, std::int64_t seq, std::int64_t end) {
    if (seq >= end) return true;
    const auto first = project.db().scalar_int("SELECT coalesce(min(seq), 0) FROM change_journal");
    return first != 0 && first <= seq + 1;
}

// Whether the index cannot be brought up to `end` through the journal: it is
// another project's, of another layout, behind a journal that has lost the
// rows in between, or ahead of it (the project file was put back from a copy).
bool stale(const Xapian::Database& db, Project& project, std::int64_t end) {
    if (db.get_metadata(project_key) != project.guid() || db.get_metadata(layout_key) != layout) return true;
    const auto seq = stored_journal(db);
    return seq < 0 || seq > end || !journal_reaches_back_to(project, seq, end);
}

Condition inspect(Index::State& s) {
    if (!std::filesystem::exists(s.path)) return Condition::Missing;
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

Xapian::WritableDatabase open_writer(const std::filesystem::path& path, int flags) {
    return with_index(path, "open for writing", [&] { return Xapian::WritableDatabase(path.string(), flags); });
}

}  // namespace

std::int64_t stored_journal(const Xapian::Database& db) {
    const auto value = db.get_metadata(journal_key);
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoll(value);
}

std::int64_t journal_end(Project& project) { return project.db().scalar_int("SELECT coalesce(max(seq), 0) FROM change_journal"); }

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
    const auto condition = with_index(s.path, "open", [&] { return inspect(s); });
    if (condition == Condition::Damaged) {
        std::error_code ignored;
        s.reader = Xapian::Database();
        std::filesystem::remove_all(s.path, ignored);
    }
    if (condition == Condition::Usable) {
        index.update();
    } else {
        index.rebuild(progress);
    }
    return index;
}

bool Index::rebuilt() const { return state_->rebuilt; }

void Index::rebuild(const Progress& progress) {
    auto& s = *state_;
    with_index(s.path, "rebuild", [&] {
        auto writer = open_writer(s.path, Xapian::DB_CREATE_OR_OVERWRITE);
        // The journal's end is read first: changes made while building are
        // then applied again by the next update, never missed.
        const auto journal = journal_end(s.project);
        std::vector<Id> documents;
        auto query = s.project.db().prepare("SELECT id FROM documents ORDER BY id");
        while (query.step()) documents.push_back(query.int64(0));
        write_documents(writer, s.project, documents, true, [&](std::size_t done) {
            if (progress) progress(done, documents.size());
        });
        // Written last: an index interrupted while building has no project
        // and is built again next time.
        writer.set_metadata(project_key, s.project.guid());
        writer.set_metadata(layout_key, layout);
        writer.set_metadata(journal_key, std::to_string(journal));
        writer.commit();
        writer.close();
        s.reader = Xapian::Database(s.path.string());
    });
    s.rebuilt = true;
}

UpdateReport Index::update() {
    auto& s = *state_;
    const auto end = journal_end(s.project);
    bool rebuild_needed = false;
    const bool current = with_index(s.path, "read", [&] {
        s.reader.reopen();  // another program may have brought it further
        rebuild_needed = stale(s.reader, s.project, end);
        return stored_journal(s.reader) == end;
    });
    if (rebuild_needed) {
        rebuild();
        return {};
    }
    if (current) return {};
    UpdateReport report;
    with_index(s.path, "update", [&] {
        auto writer = open_writer(s.path, Xapian::DB_OPEN);
        const auto from = stored_journal(writer);
        if (from >= end) return;  // another program got there first
        report = apply_journal(writer, s.project, from, end);
        writer.set_metadata(journal_key, std::to_string(end));
        writer.commit();
        writer.close();
        s.reader.reopen();
    });
    return report;
}

}  // namespace fokus::search
