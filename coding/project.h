#pragma once
// A Fokus project: one SQLite file, the single source of truth. Every change
// a user makes runs through act(): one transaction, one step of undo history.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "types.h"

namespace fokus {

namespace sql {
class Connection;
}
struct Codebook;
struct Changes;

class Project {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Makes a new project file at `path`, which must not exist, with
    // `codebook` (the shipped default codebook when null). Whole or absent.
    static Project create(const std::filesystem::path& path, const Codebook* codebook = nullptr);

    // Opens an existing project, upgrading an older schema. A file that is not
    // a Fokus project, is damaged, too new or in use is refused, untouched.
    static Project open(const std::filesystem::path& path, Access access = Access::ReadWrite);
    // ProjectError (InUse) when another program has the project open for changes.
    static void refuse_if_in_use(const std::filesystem::path& path);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    const std::filesystem::path& path() const noexcept;
    bool read_only() const noexcept;
    sql::Connection& db() const;

    std::string guid() const;
    std::string name() const;

    // The person whose actions are recorded from now on.
    void set_coder(std::string_view name);
    const std::string& coder_name() const noexcept;
    // The current coder's row, made on first use.
    Id coder_id();

    // A second connection to the same file, for work on another thread (an
    // import, an export, a check): it shares this one's claim to change the
    // project, and SQLite serialises the two writers. Its actions are told to
    // its own subscribers only; the other connection sees them when it next reads.
    Project another_connection() const;

    // Those who show the project are told, after each action, undo or redo is
    // committed, what it changed. Returns the subscription, to end it with.
    using ChangeListener = std::function<void(const Changes&)>;
    int subscribe(ChangeListener listener);
    void unsubscribe(int subscription);
    bool has_subscribers() const noexcept;
    // Tells every subscriber; the history calls it after undo and redo.
    void announce(const Changes& changes);

    // Runs `change` as one user action labelled `label`: all of it or none,
    // undoable as one step. Calls made inside `change` join the same action.
    void act(std::string_view label, const std::function<void()>& change);
    bool acting() const noexcept;

private:
    struct State;
    explicit Project(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace fokus
