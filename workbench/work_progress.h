#pragma once
// A progress window shown while work that changes the project runs in the
// background (an import, a merge). It keeps the user from starting another
// change meanwhile, shows how far the work has come, and, where the work can
// stop part-way, offers to stop it. It goes away when it is destroyed, which
// the window does when the work's outcome arrives.
#include <wx/progdlg.h>
#include <wx/timer.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

namespace fokus::workbench {

// How far the work has come, written by the worker and read by the window.
class WorkState {
public:
    void advance(std::size_t done, std::size_t total, const std::string& current);
    struct Seen {
        std::size_t done = 0, total = 0;
        std::string current;
    };
    Seen seen() const;

    void ask_to_stop() { stop_.store(true); }
    bool asked_to_stop() const { return stop_.load(); }
    // For work that takes a flag of its own to check between its steps.
    std::atomic<bool>* stop_flag() { return &stop_; }

private:
    mutable std::mutex mutex_;
    Seen seen_;
    std::atomic<bool> stop_{false};
};

class WorkProgress : public wxEvtHandler {
public:
    // `describe` turns the work's state into the line shown; with no total
    // yet, the bar moves to and fro. `can_stop` offers a Cancel button.
    WorkProgress(wxWindow* parent, const wxString& title, const wxString& starting, std::shared_ptr<WorkState> state,
                 bool can_stop);
    ~WorkProgress() override;
    WorkProgress(const WorkProgress&) = delete;
    WorkProgress& operator=(const WorkProgress&) = delete;

    // A last line, while the end of the work (a search index catching up) is waited for.
    void say(const wxString& message);

private:
    void tick(wxTimerEvent&);

    wxProgressDialog* dialog_;
    wxTimer timer_;
    std::shared_ptr<WorkState> state_;
    wxString starting_;
};

}  // namespace fokus::workbench
