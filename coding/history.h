#pragma once
// Undo and redo of user actions. Each action is stored as the changeset it
// made, so any action (a coding, a merge of codes, coding all search hits)
// is undone as one step, in this session or a later one.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "changes.h"
#include "types.h"

namespace fokus {

class Project;

struct HistoryStep {
    Id id = 0;
    std::string label;
    std::string created_at;
    bool undone = false;
    bool permanent = false;  // made permanent (act_permanently): it cannot be undone
};

class History {
public:
    explicit History(Project& project) : project_(project) {}

    std::optional<HistoryStep> next_undo() const;
    std::optional<HistoryStep> next_redo() const;
    // Newest first.
    std::vector<HistoryStep> steps(int limit = 50) const;

    // Each returns the step it reverted or replayed; InputError when there is
    // none, when the step is permanent, or when later changes made by another
    // program conflict with it. The project's subscribers are told what changed.
    HistoryStep undo();
    HistoryStep redo();

    // The GUIDs of the rows of `table` (codings, memos, links, documents)
    // that steps in the history deleted and that are not in the project now:
    // what this project chose to remove, which a copy made before must not
    // bring back. Deletions whose step was undone are not among them.
    std::set<std::string> deleted_guids(const std::string& table) const;

private:
    Project& project_;
};

namespace detail {

// Records the changes made between construction and finish() as one history
// step. Lives inside the action's transaction.
class ActionRecording {
public:
    explicit ActionRecording(Project& project);
    ActionRecording(const ActionRecording&) = delete;
    ActionRecording& operator=(const ActionRecording&) = delete;
    ~ActionRecording();
    // Stores the step; returns what it changed when `describe` is asked (the
    // project has subscribers), else nothing.
    Changes finish(std::string_view label, Id coder, bool describe);

private:
    Project& project_;
    void* session_ = nullptr;
};

}  // namespace detail
}  // namespace fokus
