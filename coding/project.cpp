#include "project.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

#include <system_error>
#include <utility>

#include "backup.h"
#include "changes.h"
#include "codebook.h"
#include "codes.h"
#include "embedded.h"
#include "error.h"
#include "history.h"
#include "identity.h"
#include "schema.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace fs = std::filesystem;

namespace {

constexpr int sqlite_busy = 5;
constexpr int sqlite_locked = 6;
constexpr int sqlite_corrupt = 11;
constexpr int sqlite_notadb = 26;

bool is_busy(const DatabaseError& error) {
    const int primary = error.extended_code() & 0xFF;
    return primary == sqlite_busy || primary == sqlite_locked;
}

[[noreturn]] void refuse_in_use(const fs::path& path) {
    throw ProjectError(path.string(), ProjectError::Reason::InUse,
                       "the project is being changed by another program; try again when it has finished");
}

// Whether a program has the project open for changes (holds the WriterLock
// below): a shared lock is refused while it does. The lock goes with the
// process, so one that crashed holds nothing.
bool someone_is_changing(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);  // releases the shared lock, if taken
    return held;
}

// Whether the file must be checked whole before it is used: when the last
// program to change it did not close it (its mark is still there with no such
// program running), or when the file is shorter than its header says. A
// project closed cleanly opens without reading more than it needs; the full
// check is `fokus-cli check`, and the workbench's after opening.
bool needs_checking(sql::Connection& db, const fs::path& path, bool holding_writer_lock) {
    const auto header = schema::read_header(path);
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (!error && header.page_count > 0 &&
        size < static_cast<std::uintmax_t>(header.page_count) * header.page_size) {
        return true;
    }
    auto mark = db.prepare("SELECT 1 FROM project_info WHERE key = ?");
    mark.bind_all(schema::open_for_changes_key);
    if (!mark.step()) return false;
    // Opened for changes ourselves, the mark is a predecessor's that never closed.
    return holding_writer_lock || !someone_is_changing(path);
}

// Reads only, so a refused file is left exactly as it was.
void check_is_fokus_project(sql::Connection& db, const fs::path& path, bool holding_writer_lock) {
    std::int64_t application = 0;
    std::int64_t version = 0;
    try {
        application = db.scalar_int("PRAGMA application_id");
        version = db.scalar_int("PRAGMA user_version");
        if (application == schema::application_id && version <= schema::current_version() &&
            needs_checking(db, path, holding_writer_lock)) {
            auto check = db.prepare("PRAGMA quick_check");
            check.step();
            if (const auto verdict = check.text(0); verdict != "ok") {
                throw ProjectError(path.string(), ProjectError::Reason::Damaged,
                                   "the project file is damaged (" + verdict + ")");
            }
        }
    } catch (const DatabaseError& error) {
        const int primary = error.extended_code() & 0xFF;
        if (primary == sqlite_notadb) {
            throw ProjectError(path.string(), ProjectError::Reason::NotAProject,
                               "not a Fokus project (the file is not an SQLite database)");
        }
        if (primary == sqlite_corrupt) {
            throw ProjectError(path.string(), ProjectError::Reason::Damaged,
                               "the project file is damaged and cannot be read");
        }
        if (is_busy(error)) refuse_in_use(path);
        throw;
    }
    if (application != schema::application_id) {
        throw ProjectError(path.string(), ProjectError::Reason::NotAProject,
                           "not a Fokus project (an SQLite database made by another program)");
    }
    if (version > schema::current_version()) {
        throw ProjectError(path.string(), ProjectError::Reason::TooNew,
                           "made by a newer version of Fokus (schema " + std::to_string(version) +
                               "; this version reads up to " + std::to_string(schema::current_version()) +
                               "); open it with that version");
    }
}

void configure(sql::Connection& db) {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
}

}  // namespace

// One program at a time changes a project: a second writer is refused at
// once, with a message, instead of waiting on SQLite's locks mid-action or
// working from a view the first has made stale. Readers are not held back.
// flock is separate from the byte-range locks SQLite takes on the same file.
class WriterLock {
public:
    explicit WriterLock(const fs::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (fd_ < 0) throw ProjectError(path.string(), ProjectError::Reason::Missing, "cannot be opened: " + std::string(std::strerror(errno)));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            const int problem = errno;
            ::close(fd_);
            if (problem == EWOULDBLOCK) {
                throw ProjectError(path.string(), ProjectError::Reason::InUse,
                                   "is open for changes in another program (a Fokus window or fokus-cli); close it there "
                                   "first, or open it read-only");
            }
            throw ProjectError(path.string(), ProjectError::Reason::InUse, "cannot be locked: " + std::string(std::strerror(problem)));
        }
    }
    ~WriterLock() { ::close(fd_); }
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int fd_;
};

struct Project::State {
    State(fs::path file, sql::Connection connection, bool read_only_access = false)
        : path(std::move(file)), db(std::move(connection)), read_only(read_only_access) {}
    ~State() {
        if (!marked_open) return;
        try {
            db.prepare("DELETE FROM project_info WHERE key = ?").bind_all(schema::open_for_changes_key).run();
        } catch (...) {
            // Left marked, the project is checked when next opened: the safe side.
        }
    }
    // Marks the project open for changes until this State closes it.
    void mark_open() {
        db.prepare("INSERT OR REPLACE INTO project_info(key, value) VALUES (?, ?)")
            .bind_all(schema::open_for_changes_key, now_utc())
            .run();
        marked_open = true;
    }
    bool marked_open = false;
    std::shared_ptr<WriterLock> writer_lock;  // destroyed after the connection below is closed
    fs::path path;
    sql::Connection db;
    bool read_only = false;
    std::string coder_name = "ukendt";
    std::optional<Id> coder_id;
    int action_depth = 0;
    std::map<int, ChangeListener> listeners;
    int next_subscription = 1;
};

Project::Project(std::unique_ptr<State> state) : state_(std::move(state)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::create(const fs::path& path, const Codebook* codebook) {
    std::error_code error;
    if (fs::exists(path, error)) {
        throw FileError(path.string(), "already exists; choose another name or open it instead");
    }
    const Codebook default_codebook =
        codebook ? Codebook{} : parse_codebook(embedded::file("default-codebook.qdc"), "default-codebook.qdc");
    // Built beside the target and renamed into place, so a failed creation leaves nothing.
    fs::path partial = path;
    partial += ".part";
    fs::remove(partial, error);
    try {
        {
            auto state = std::make_unique<State>(path, sql::Connection(partial.string(), sql::Connection::Mode::Create));
            configure(state->db);
            schema::migrate(state->db, schema::current_version());
            Project project(std::move(state));
            sql::Transaction transaction(project.db());
            auto info = project.db().prepare("INSERT INTO project_info(key, value) VALUES (?, ?)");
            info.bind_all("guid", new_guid()).run();
            info.reset();
            info.bind_all("name", path.stem().string()).run();
            info.reset();
            info.bind_all("created_at", now_utc()).run();
            transaction.commit();
            CodeStore(project).load_codebook(codebook ? *codebook : default_codebook);
            // The codebook a project starts with is not a step anyone can undo.
            // Nor is anyone its author: coders are recorded from their first action.
            project.db().exec("DELETE FROM undo_log; DELETE FROM coders;");
            project.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        fs::rename(partial, path);
    } catch (...) {
        fs::remove(partial, error);
        fs::remove(fs::path(partial.string() + "-wal"), error);
        fs::remove(fs::path(partial.string() + "-shm"), error);
        throw;
    }
    return open(path);
}

void Project::refuse_if_in_use(const fs::path& path) { WriterLock held_for_a_moment(path); }

Project Project::open(const fs::path& path, Access access) {
    std::error_code error;
    if (!fs::exists(path, error)) {
        throw ProjectError(path.string(), ProjectError::Reason::Missing, "no such project file");
    }
    if (fs::is_directory(path, error)) {
        throw ProjectError(path.string(), ProjectError::Reason::NotAProject, "is a folder, not a project file");
    }
    // SQLite would take an empty file for an empty database of some other program.
    if (fs::is_regular_file(path, error) && fs::file_size(path, error) == 0 && !error) {
        throw ProjectError(path.string(), ProjectError::Reason::NotAProject, "is an empty file (0 bytes), not a Fokus project");
    }
    const bool read_only = access == Access::ReadOnly;
    auto lock = read_only ? nullptr : std::make_unique<WriterLock>(path);
    auto state = std::make_unique<State>(
        path, sql::Connection(path.string(), read_only ? sql::Connection::Mode::ReadOnly : sql::Connection::Mode::ReadWrite),
        read_only);
    state->writer_lock = std::move(lock);
    try {
        check_is_fokus_project(state->db, path, state->writer_lock != nullptr);
    } catch (const ProjectError& error) {
        const bool unreadable = error.reason() == ProjectError::Reason::Damaged || error.reason() == ProjectError::Reason::NotAProject;
        const auto advice = unreadable ? backups::restore_advice(path) : std::string();
        if (advice.empty()) throw;
        throw ProjectError(path.string(), error.reason(), std::string(error.what()).substr(path.string().size() + 2) + advice);
    }
    try {
        if (read_only) {
            state->db.exec("PRAGMA foreign_keys = ON");
        } else {
            configure(state->db);
            schema::migrate(state->db, schema::current_version());
            state->mark_open();
        }
    } catch (const DatabaseError& error) {
        if (is_busy(error)) refuse_in_use(path);
        throw;
    }
    if (read_only && state->db.scalar_int("PRAGMA user_version") < schema::current_version()) {
        // Reading an older project upgrades it first, as opening it for writing would.
        state.reset();
        open(path, Access::ReadWrite);
        return open(path, Access::ReadOnly);
    }
    return Project(std::move(state));
}

const fs::path& Project::path() const noexcept { return state_->path; }
bool Project::read_only() const noexcept { return state_->read_only; }
sql::Connection& Project::db() const { return state_->db; }

std::string Project::guid() const {
    auto query = db().prepare("SELECT value FROM project_info WHERE key = 'guid'");
    return query.step() ? query.text(0) : std::string();
}

std::string Project::name() const {
    auto query = db().prepare("SELECT value FROM project_info WHERE key = 'name'");
    return query.step() ? query.text(0) : path().stem().string();
}

void Project::set_coder(std::string_view name) {
    std::string trimmed = text::trim(text::to_nfc(name, "coder name"));
    if (trimmed.empty()) throw InputError("the coder name is empty");
    // A copy of a hub project acts for the member it was joined as, whoever runs it.
    auto member = db().prepare("SELECT coder FROM sync_hub");
    if (member.step()) trimmed = member.text(0);
    state_->coder_name = std::move(trimmed);
    state_->coder_id.reset();
}

const std::string& Project::coder_name() const noexcept { return state_->coder_name; }

Id Project::coder_id() {
    if (state_->coder_id) return *state_->coder_id;
    auto find = db().prepare("SELECT id FROM coders WHERE name = ?");
    find.bind_all(state_->coder_name);
    if (find.step()) return *(state_->coder_id = find.int64(0));
    if (read_only()) throw InputError(path().string() + " is open read-only");
    auto insert = db().prepare("INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)");
    insert.bind_all(new_guid(), state_->coder_name, now_utc()).run();
    return *(state_->coder_id = db().last_insert_id());
}

bool Project::acting() const noexcept { return state_->action_depth > 0; }

void Project::act(std::string_view label, const std::function<void()>& change) {
    if (read_only()) throw InputError(path().string() + " is open read-only; nothing was changed");
    if (acting()) {
        change();
        return;
    }
    struct Depth {
        int& depth;
        explicit Depth(int& d) : depth(d) { ++depth; }
        ~Depth() { --depth; }
    } depth(state_->action_depth);
    Changes changes;
    try {
        sql::Transaction transaction(db());
        // The coder row is made outside the recorded step: undoing a first
        // coding must not remove the person who is still coding.
        state_->coder_id.reset();
        const Id coder = coder_id();
        detail::ActionRecording recording(*this);
        change();
        changes = recording.finish(label, coder, has_subscribers());
        transaction.commit();
    } catch (const DatabaseError& error) {
        state_->coder_id.reset();
        if (is_busy(error)) refuse_in_use(path());
        throw;
    } catch (...) {
        state_->coder_id.reset();
        throw;
    }
    if (!changes.empty()) announce(changes);
}

Project Project::another_connection() const {
    const bool read_only_access = read_only();
    auto state = std::make_unique<State>(
        path(), sql::Connection(path().string(), read_only_access ? sql::Connection::Mode::ReadOnly : sql::Connection::Mode::ReadWrite),
        read_only_access);
    state->writer_lock = state_->writer_lock;
    if (read_only_access) {
        state->db.exec("PRAGMA foreign_keys = ON");
    } else {
        configure(state->db);
    }
    state->coder_name = state_->coder_name;
    return Project(std::move(state));
}

int Project::subscribe(ChangeListener listener) {
    const int subscription = state_->next_subscription++;
    state_->listeners.emplace(subscription, std::move(listener));
    return subscription;
}

void Project::unsubscribe(int subscription) { state_->listeners.erase(subscription); }

bool Project::has_subscribers() const noexcept { return !state_->listeners.empty(); }

void Project::announce(const Changes& changes) {
    // A copy: a listener may subscribe or unsubscribe while being told.
    const auto listeners = state_->listeners;
    for (const auto& [subscription, listener] : listeners) listener(changes);
}

}  // namespace fokus
