#include "workbench/segments_list.h"

#include <wx/menu.h>

#include <algorithm>

#include "coding/documents.h"
#include "workbench/strings.h"

namespace fokus::workbench {

SegmentsList::SegmentsList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT) {
    AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 190);
    AppendColumn(_("Speaker"), wxLIST_FORMAT_LEFT, 120);
    AppendColumn(_("Segment"), wxLIST_FORMAT_LEFT, 900);
    Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < segments_.size() && jump_) jump_(segments_[index].document, segments_[index].span);
    });
    Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) {
        if (!quote_ || segments_.empty()) return;
        wxMenu menu;
        const bool chosen = GetSelectedItemCount() > 0;
        menu.Append(1, chosen ? _("Add the chosen segments to a quote set…") : _("Add all these segments to a quote set…"));
        if (GetPopupMenuSelectionFromUser(menu) == 1) quote_(codings());
    });
}

std::vector<Id> SegmentsList::codings() const {
    std::vector<Id> chosen, all;
    for (long row = 0; row < GetItemCount() && static_cast<std::size_t>(row) < segments_.size(); ++row) {
        const Id coding = segments_[static_cast<std::size_t>(row)].coding;
        all.push_back(coding);
        if (GetItemState(row, wxLIST_STATE_SELECTED) & wxLIST_STATE_SELECTED) chosen.push_back(coding);
    }
    return chosen.empty() ? all : chosen;
}

void SegmentsList::show(Project& project, const CodeItem& item) {
    std::vector<Segment> of_item;
    for (auto& segment : load_segments(project, {})) {
        if (std::find(item.codes.begin(), item.codes.end(), segment.code) != item.codes.end()) of_item.push_back(std::move(segment));
    }
    show_segments(project, std::move(of_item));
}

void SegmentsList::show_segments(Project& project, std::vector<Segment> segments) {
    Freeze();
    DeleteAllItems();
    segments_ = std::move(segments);
    DocumentStore documents(project);
    for (const auto& segment : segments_) {
        const long row = InsertItem(GetItemCount(), to_wx(documents.get(segment.document).name));
        SetItem(row, 1, to_wx(segment.speaker));
        std::string text = documents.excerpt(segment.document, segment.span);
        for (auto& c : text) {
            if (c == '\n') c = ' ';
        }
        SetItem(row, 2, to_wx(text));
    }
    Thaw();
}

}  // namespace fokus::workbench
