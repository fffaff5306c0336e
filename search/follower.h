#pragma once
// Keeping a project's search index up to date while a long change is being
// made to it, such as an import of many transcripts. On a thread of its own,
// with a read-only connection of its own to the project, it indexes what each
// committed step changed while the next step is being made, so the index is
// current soon after the change is done rather than at the next search.
#include <filesystem>
#include <memory>

namespace fokus::search {

class IndexFollower {
public:
    explicit IndexFollower(const std::filesystem::path& project);
    // Stops after the step under way, leaving the rest to the next search.
    ~IndexFollower();
    IndexFollower(const IndexFollower&) = delete;
    IndexFollower& operator=(const IndexFollower&) = delete;

    // More of the change has been committed to the project.
    void committed();
    // Waits until the index holds all that was committed before the call;
    // rethrows what stopped the follower (a FileError for an index in use or
    // unwritable, say). The project is never affected either way.
    void finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace fokus::search
