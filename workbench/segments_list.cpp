#include "workbench/segments_list.h"

#include <wx/menu.h>

#include <algorithm>
#include <map>

#include "coding/attributes.h"
#include "coding/documents.h"
#include "workbench/strings.h"

namespace fokus::workbench {

SegmentsList::SegmentsList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT) {
    AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 190);
    AppendColumn(_("Speaker"), wxLIST_FORMAT_LEFT, 120);
    AppendColumn(_("Coder"), wxLIST_FORMAT_LEFT, 110);
    AppendColumn(_("Segment"), wxLIST_FORMAT_LEFT, 900);
    Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < rows_.size() && jump_) jump_(rows_[index].front().document, rows_[index].front().span);
    });
    Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) {
        if (!quote_ || rows_.empty()) return;
        wxMenu menu;
        const bool chosen = GetSelectedItemCount() > 0;
        menu.Append(1, chosen ? _("Add the chosen segments to a quote set…") : _("Add all these segments to a quote set…"));
        if (GetPopupMenuSelectionFromUser(menu) == 1) quote_(codings());
    });
}

std::vector<Id> SegmentsList::codings() const {
    std::vector<Id> chosen, all;
    for (long row = 0; row < GetItemCount() && static_cast<std::size_t>(row) < rows_.size(); ++row) {
        const bool selected = GetItemState(row, wxLIST_STATE_SELECTED) & wxLIST_STATE_SELECTED;
        for (const auto& segment : rows_[static_cast<std::size_t>(row)]) {
            all.push_back(segment.coding);
            if (selected) chosen.push_back(segment.coding);
        }
    }
    return chosen.empty() ? all : chosen;
}

void SegmentsList::set_without_interviewers(bool without) {
    without_interviewers_ = without;
    if (project_ && item_) show(*project_, *item_);
}

void SegmentsList::show(Project& project, const CodeItem& item) {
    project_ = &project;
    item_ = item;
    SegmentFilter filter;
    filter.without_interviewers = without_interviewers_;
    std::vector<Segment> of_item;
    for (auto& segment : load_segments(project, filter)) {
        if (std::find(item.codes.begin(), item.codes.end(), segment.code) != item.codes.end()) of_item.push_back(std::move(segment));
    }
    show_segments(project, std::move(of_item));
}

void SegmentsList::show_segments(Project& project, std::vector<Segment> segments) {
    Freeze();
    DeleteAllItems();
    rows_.clear();
    // Segments come ordered by document and start; the same passage and code by
    // another coder follows its first, or comes within the same start.
    for (auto& segment : segments) {
        auto same = std::find_if(rows_.rbegin(), rows_.rend(), [&](const std::vector<Segment>& row) {
            const auto& first = row.front();
            return first.document == segment.document && first.span.start == segment.span.start &&
                   first.span.end == segment.span.end && first.code == segment.code;
        });
        if (same != rows_.rend()) {
            same->push_back(std::move(segment));
        } else {
            rows_.push_back({std::move(segment)});
        }
    }
    DocumentStore documents(project);
    const auto coder_names = CoderDirectory(project).names();
    std::map<Id, std::string> document_names;
    for (const auto& row : rows_) {
        const auto& first = row.front();
        auto name = document_names.find(first.document);
        if (name == document_names.end()) name = document_names.emplace(first.document, documents.get(first.document).name).first;
        const long item = InsertItem(GetItemCount(), to_wx(name->second));
        SetItem(item, 1, to_wx(first.speaker));
        wxString coders;
        for (const auto& segment : row) {
            const auto coder = coder_names.find(segment.coder);
            coders += (coders.empty() ? "" : ", ") + (coder != coder_names.end() ? to_wx(coder->second) : wxString("?"));
        }
        SetItem(item, 2, coders);
        std::string text = documents.excerpt(first.document, first.span);
        for (auto& c : text) {
            if (c == '\n') c = ' ';
        }
        SetItem(item, 3, to_wx(text));
    }
    Thaw();
}

}  // namespace fokus::workbench
