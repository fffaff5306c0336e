#pragma once
// Work that would keep the window from answering (checking, exporting,
// merging, importing, building the search index) runs on a thread of its own,
// with a connection of its own to the project, and hands its outcome to the
// window on the main thread, unless the window was closed meanwhile.
#include <cstddef>
#include <exception>
#include <functional>

class wxWindow;

namespace fokus::workbench {

// What the work leaves to be done on the window: showing its outcome.
using OnWindow = std::function<void()>;

// Runs `work` on a thread of its own. What it returns is called on the main
// thread if `window` is still open then; so is `failed`, with what the work
// threw. Neither may be called at all when the window is gone, so both may
// use the window freely. `work` must not touch the window or its project's
// connection: it opens its own.
void run_in_background(wxWindow& window, std::function<OnWindow()> work,
                       std::function<void(const std::exception&)> failed);

// Work started and not yet delivered (scripted runs wait for it between steps).
std::size_t background_work_running();

// For scripted tests: work started while held waits to begin until released,
// so that a test can act while it is known to be under way.
void hold_background_work(bool held);
bool background_work_held();

// Waits for every thread still working, dropping outcomes not yet delivered;
// called when the program ends, before the libraries it uses are gone.
void finish_background_work();

}  // namespace fokus::workbench
