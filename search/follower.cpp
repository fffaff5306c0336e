#include "search/follower.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "coding/project.h"
#include "search/index.h"
#include "search/index_integrity.h"
#include "search/index_state.h"
#include "search/index_writer.h"

namespace fokus::search {

struct IndexFollower::State {
    std::mutex mutex;
    std::condition_variable wake, done;
    bool pending = false;    // committed since the last update began
    bool finishing = false;  // finish() waits
    bool stopping = false;   // the destructor: leave at once
    bool finished = false;
    std::exception_ptr error;
    std::thread thread;

    void follow(const std::filesystem::path& path) {
        try {
            auto project = Project::open(path, Project::Access::ReadOnly);
            // Built or brought up to date first, as for a search.
            const auto index_path = Index::path_for(project);
            { Index::open_for(project); }
            // Then one writer for the whole change, committed once at the
            // end: each commit would leave Xapian's tables less densely packed.
            with_index(index_path, "update", [&] {
                Xapian::WritableDatabase writer(index_path.string(), Xapian::DB_OPEN);
                auto reached = stored_journal(writer);
                std::unique_lock lock(mutex);
                while (true) {
                    wake.wait(lock, [&] { return pending || finishing || stopping; });
                    if (stopping) return;  // the journal's place, unchanged, has the rest done later
                    const bool last = finishing && !pending;
                    pending = false;
                    lock.unlock();
                    const auto end = journal_end(project);
                    if (end > reached) apply_journal(writer, project, reached, end);
                    reached = std::max(reached, end);
                    if (last) {
                        writer.set_metadata(journal_key, std::to_string(reached));
                        writer.commit();
                        // Under the writer's lock, so that no search sees the record behind the files.
                        record_integrity(index_path);
                    }
                    lock.lock();
                    if (last) return;
                }
            });
        } catch (...) {
            std::lock_guard lock(mutex);
            error = std::current_exception();
        }
        std::lock_guard lock(mutex);
        finished = true;
        done.notify_all();
    }
};

IndexFollower::IndexFollower(const std::filesystem::path& project) : state_(std::make_unique<State>()) {
    state_->thread = std::thread([state = state_.get(), project] { state->follow(project); });
}

IndexFollower::~IndexFollower() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
        state_->wake.notify_all();
    }
    state_->thread.join();
}

void IndexFollower::committed() {
    std::lock_guard lock(state_->mutex);
    state_->pending = true;
    state_->wake.notify_all();
}

void IndexFollower::finish() {
    std::unique_lock lock(state_->mutex);
    state_->finishing = true;
    state_->wake.notify_all();
    state_->done.wait(lock, [&] { return state_->finished; });
    if (state_->error) std::rethrow_exception(state_->error);
}

}  // namespace fokus::search
