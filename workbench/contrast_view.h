#pragma once
// Contrast: one code's (or theme's) segments for two groups side by side —
// leaders and caseworkers, Kommune B and Kommune D, stage 1 and stage 2 — so
// the researcher sees where the views differ.
#include <wx/panel.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/contrast.h"
#include "coding/project.h"

class wxChoice;
class wxStaticText;

namespace fokus::workbench {

class SegmentsList;

class ContrastView : public wxPanel {
public:
    explicit ContrastView(wxWindow* parent);

    void refresh(Project& project);
    // Follows the code chosen in the code tree: it is the one contrasted, now
    // when the view is shown, or when it is next shown.
    void follow_code(Id code);
    // Chooses everything by name, for scripts: a code or "theme:NAME", an attribute
    // ("participant.role"), and the two values; false when one is unknown.
    bool choose(const std::string& item, const std::string& attribute, const std::string& left, const std::string& right);
    // The name of the code or theme contrasted, as the view shows it.
    wxString chosen_item() const;
    std::size_t left_count() const { return contrast_.left.segments.size(); }
    std::size_t right_count() const { return contrast_.right.segments.size(); }
    void on_jump(std::function<void(Id document, Span span)> callback);
    // Writes both groups' segments to a table (.xlsx, .csv).
    void export_to(const std::filesystem::path& path);

private:
    void fill_values();
    // Chooses the followed code when it is listed.
    bool select_followed();
    void recompute();
    void ask_and_export();

    Project* project_ = nullptr;
    wxChoice* item_;
    wxChoice* attribute_;
    wxChoice* left_value_;
    wxChoice* right_value_;
    wxStaticText* left_caption_;
    wxStaticText* right_caption_;
    SegmentsList* left_;
    SegmentsList* right_;
    std::optional<Id> followed_;
    std::vector<CodeItem> items_;
    std::vector<std::string> attributes_;
    std::vector<std::string> values_;
    Contrast contrast_;
};

}  // namespace fokus::workbench
