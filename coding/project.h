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
