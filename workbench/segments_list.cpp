#include "workbench/segments_list.h"

#include <algorithm>

#include "coding/documents.h"
#include "workbench/strings.h"

namespace fokus::workbench {

SegmentsList::SegmentsList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL) {
    AppendColumn(_("Document"), wxLIST_FORMAT_LEFT, 190);
    AppendColumn(_("Speaker"), wxLIST_FORMAT_LEFT, 120);
    AppendColumn(_("Segment"), wxLIST_FORMAT_LEFT, 900);
    Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        const auto index = static_cast<std::size_t>(event.GetIndex());
        if (index < segments_.size() && jump_) jump_(segments_[index].document, segments_[index].span);
    });
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
