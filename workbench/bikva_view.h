#pragma once
// The BIKVA chains: each statement carried forward from one stage, where it
// was read out, and the reactions at each later stage, with their notes; then
// the good advice each group gave the next level. A click on a passage shows
// it in its transcript; "remove link" takes a link away (one step of undo).
#include <wx/html/htmlwin.h>

#include <functional>
#include <optional>

#include "coding/bikva.h"
#include "coding/project.h"

namespace fokus::workbench {

class BikvaView : public wxHtmlWindow {
public:
    explicit BikvaView(wxWindow* parent);
    void refresh(Project& project);
    // The statement marked for linking, shown above the chains until another is marked.
    void show_marked(std::optional<SpanRef> statement) { marked_ = statement; }
    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }
    void on_remove(std::function<void(Id link)> callback) { remove_ = std::move(callback); }
    std::size_t chain_count() const { return chains_; }
    std::size_t link_count() const { return links_; }
    // Where on the screen the link to "remove:ID" (or another href) is drawn, scrolled into view; for scripts.
    std::optional<wxPoint> screen_point_of_link(const wxString& href);

private:
    std::function<void(Id, Span)> jump_;
    std::function<void(Id)> remove_;
    std::optional<SpanRef> marked_;
    std::size_t chains_ = 0;
    std::size_t links_ = 0;
};

}  // namespace fokus::workbench
