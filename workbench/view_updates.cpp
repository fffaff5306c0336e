#include "workbench/view_updates.h"

#include <algorithm>

namespace fokus::workbench {

wxWindow* tab_page_of(const wxAuiNotebook& tabs, wxWindow* view) {
    for (wxWindow* page = view; page; page = page->GetParent()) {
        if (page->GetParent() == &tabs) return page;
    }
    return view;
}

void ViewUpdates::watch(wxWindow* page, Concerns concerns, std::function<void()> refresh, OnShow on_show) {
    views_.push_back(Watched{tab_page_of(tabs_, page), std::move(concerns), std::move(refresh), on_show, false});
}

ViewUpdates::Concerns ViewUpdates::any_of(std::initializer_list<const char*> tables) {
    return [names = std::vector<std::string>(tables.begin(), tables.end())](const Changes& changes) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& table) { return changes.touches(table); });
    };
}

// The tab in front is refreshed as soon as the action that changed it has
// returned: a view may itself be the one acting, in the middle of handling
// its own event, and must not be rebuilt under it.
void ViewUpdates::follow(Watched& view) {
    view.stale = true;
    if (tabs_.GetCurrentPage() != view.page || refresh_pending_) return;
    refresh_pending_ = true;
    tabs_.CallAfter([this] {
        refresh_pending_ = false;
        shown(tabs_.GetCurrentPage());
    });
}

void ViewUpdates::changed(const Changes& changes) {
    for (auto& view : views_) {
        if (view.concerns(changes)) follow(view);
    }
}

void ViewUpdates::everything_changed() {
    for (auto& view : views_) follow(view);
}

void ViewUpdates::shown(wxWindow* page) {
    for (auto& view : views_) {
        if (view.page != page || (!view.stale && view.on_show == OnShow::WhenStale)) continue;
        view.stale = false;
        view.refresh();
    }
}

bool ViewUpdates::stale(wxWindow* page) const {
    return std::any_of(views_.begin(), views_.end(), [&](const Watched& view) { return view.page == page && view.stale; });
}

}  // namespace fokus::workbench
