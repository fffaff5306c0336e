#include "workbench/work_progress.h"

#include <algorithm>
#include <filesystem>

#include "workbench/strings.h"

namespace fokus::workbench {

void WorkState::advance(std::size_t done, std::size_t total, const std::string& current) {
    std::lock_guard lock(mutex_);
    seen_ = {done, total, current};
}

WorkState::Seen WorkState::seen() const {
    std::lock_guard lock(mutex_);
    return seen_;
}

WorkProgress::WorkProgress(wxWindow* parent, const wxString& title, const wxString& starting, std::shared_ptr<WorkState> state,
                           bool can_stop)
    : dialog_(new wxProgressDialog(title, starting, 100, parent,
                                   wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE | (can_stop ? wxPD_CAN_ABORT : 0))),
      timer_(this),
      state_(std::move(state)),
      starting_(starting) {
    Bind(wxEVT_TIMER, &WorkProgress::tick, this);
    timer_.Start(60);
}

WorkProgress::~WorkProgress() {
    timer_.Stop();
    dialog_->Destroy();
}

void WorkProgress::say(const wxString& message) {
    timer_.Stop();
    dialog_->Pulse(message);
}

void WorkProgress::tick(wxTimerEvent&) {
    const auto seen = state_->seen();
    bool going_on = true;
    if (state_->asked_to_stop()) {
        going_on = dialog_->Pulse(_("Stopping after this file…"));
    } else if (seen.total == 0) {
        going_on = dialog_->Pulse(starting_);
    } else {
        const int value = static_cast<int>(std::min<std::size_t>(99, (std::max<std::size_t>(seen.done, 1) - 1) * 100 / seen.total));
        const auto name = std::filesystem::path(seen.current).filename().string();
        going_on = dialog_->Update(value, wxString::Format(_("%zu of %zu: %s"), seen.done, seen.total, to_wx(name)));
    }
    if (!going_on && !state_->asked_to_stop()) state_->ask_to_stop();
}

}  // namespace fokus::workbench
