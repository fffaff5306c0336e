#pragma once
// The full check of a project (coding/integrity.h), run once after it opens,
// on a thread of its own with its own read-only connection, so that a large
// project opens without waiting for it. Only damage is shown: in a message
// over the window, if the window is still open when the check ends.
#include <filesystem>

class wxWindow;

namespace fokus::workbench {

// `interactive` false (scripted runs) writes the damage to stderr instead.
void check_after_opening(wxWindow& window, const std::filesystem::path& project, bool interactive);

}  // namespace fokus::workbench
