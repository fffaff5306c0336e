#pragma once
// Which of the bottom tabs must follow a change. Each view says which
// changes concern it; the one in front is refreshed at once, the others are
// marked stale and refreshed when brought to the front, so that none is
// shown stale and none is recomputed for a change it does not show.
#include <wx/aui/auibook.h>

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "coding/changes.h"

namespace fokus::workbench {

// The page of `tabs` that holds `view` (a view may sit inside its page, as the
// segments list in its pane); `view` itself when no page holds it.
wxWindow* tab_page_of(const wxAuiNotebook& tabs, wxWindow* view);

class ViewUpdates {
public:
    using Concerns = std::function<bool(const Changes&)>;
    enum class OnShow { WhenStale, Always };

    explicit ViewUpdates(wxAuiNotebook& tabs) : tabs_(tabs) {}

    // `refresh` brings `page` up to date after changes `concerns` says it shows;
    // OnShow::Always: also each time the page is brought to the front.
    void watch(wxWindow* page, Concerns concerns, std::function<void()> refresh, OnShow on_show = OnShow::WhenStale);
    // After an action, undo or redo.
    void changed(const Changes& changes);
    // After a change no subscription saw (made on another connection).
    void everything_changed();
    // A page came to the front.
    void shown(wxWindow* page);
    bool stale(wxWindow* page) const;

    // Concerns: a change to any of these tables.
    static Concerns any_of(std::initializer_list<const char*> tables);

private:
    struct Watched {
        wxWindow* page;
        Concerns concerns;
        std::function<void()> refresh;
        OnShow on_show;
        bool stale = false;
    };
    void follow(Watched& view);

    wxAuiNotebook& tabs_;
    std::vector<Watched> views_;
    bool refresh_pending_ = false;
};

}  // namespace fokus::workbench
