#include "workbench/background_work.h"

#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fokus::workbench {
namespace {

class Workers {
public:
    ~Workers() { join_all(); }

    void start(std::function<void()> work) {
        std::lock_guard lock(mutex_);
        // Threads that have ended are joined as new ones start, so that a long
        // session does not collect them.
        std::erase_if(threads_, [](Thread& thread) {
            if (!thread.done->load()) return false;
            thread.thread.join();
            return true;
        });
        auto done = std::make_shared<std::atomic<bool>>(false);
        threads_.push_back({std::thread([work = std::move(work), done] {
                                work();
                                done->store(true);
                            }),
                            done});
    }

    void join_all() {
        std::vector<Thread> threads;
        {
            std::lock_guard lock(mutex_);
            threads.swap(threads_);
        }
        for (auto& thread : threads) {
            if (thread.thread.joinable()) thread.thread.join();
        }
    }

private:
    struct Thread {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::mutex mutex_;
    std::vector<Thread> threads_;
};

Workers& workers() {
    static Workers instance;
    return instance;
}

class Gate {
public:
    void set(bool held) {
        {
            std::lock_guard lock(mutex_);
            held_ = held;
        }
        opened_.notify_all();
    }
    bool held() {
        std::lock_guard lock(mutex_);
        return held_;
    }
    void pass() {
        std::unique_lock lock(mutex_);
        opened_.wait(lock, [this] { return !held_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable opened_;
    bool held_ = false;
};

Gate& gate() {
    static Gate instance;
    return instance;
}

// Counted on the main thread only: up when the work starts, down when its
// outcome has been delivered (or dropped).
std::size_t running = 0;

// Made, handed over and dropped on the main thread only, since the weak
// reference it holds belongs there. The worker passes it on as a plain
// pointer: wxWidgets copies what CallAfter is given, and a shared owner left
// behind on the worker could end up dropping it there.
struct Delivery {
    wxWeakRef<wxWindow> window;
    std::function<void(const std::exception&)> failed;
    OnWindow outcome;
    std::exception_ptr failure;
};

void deliver(std::unique_ptr<Delivery> delivery) {
    --running;
    if (!delivery->window) return;  // closed while the work ran
    if (delivery->failure) {
        try {
            std::rethrow_exception(delivery->failure);
        } catch (const std::exception& error) {
            if (delivery->failed) delivery->failed(error);
        } catch (...) {
        }
    } else if (delivery->outcome) {
        delivery->outcome();
    }
}

}  // namespace

void run_in_background(wxWindow& window, std::function<OnWindow()> work, std::function<void(const std::exception&)> failed) {
    auto delivery = std::make_unique<Delivery>();
    delivery->window = &window;
    delivery->failed = std::move(failed);
    ++running;
    workers().start([work = std::move(work), delivery = delivery.release()] {
        gate().pass();
        try {
            delivery->outcome = work();
        } catch (...) {
            delivery->failure = std::current_exception();
        }
        // When the program is ending there is nobody left to tell; what the
        // delivery holds is left for the process's end to reclaim.
        if (wxApp* app = wxTheApp) app->CallAfter([delivery] { deliver(std::unique_ptr<Delivery>(delivery)); });
    });
}

std::size_t background_work_running() { return running; }

void hold_background_work(bool held) { gate().set(held); }

bool background_work_held() { return gate().held(); }

void finish_background_work() {
    gate().set(false);
    workers().join_all();
}

}  // namespace fokus::workbench
