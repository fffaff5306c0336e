// The main window's part in BIKVA linking: the transcript's selection goes to
// the linking, and what it changes comes back to the views and the chains.
#include <wx/aui/auibook.h>

#include "workbench/bikva_linking.h"
#include "workbench/bikva_view.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

void MainFrame::connect_bikva_linking() {
    const auto selection = [this]() -> std::optional<SpanRef> {
        const auto document = transcript_->document();
        const auto span = transcript_->selection();
        if (!document || !span) return std::nullopt;
        return SpanRef{*document, *span};
    };
    const auto changed = [this](bool codes_changed, const wxString& message) {
        const bool in_front = bottom_->GetCurrentPage() == bikva_;
        refresh_after_change(codes_changed ? Changed::codes : Changed::codings, message);
        // The new link is seen at once, beside the transcript it was made in.
        if (!in_front) show_bikva_chains();
    };
    const auto tell = [this](const wxString& message) {
        SetStatusText(message, message_field);
        bikva_->show_marked(bikva_linking_->statement());
        if (bottom_->GetCurrentPage() == bikva_) bikva_->refresh(project_);
    };
    bikva_linking_ = std::make_unique<BikvaLinking>(*this, project_, selection, changed, tell,
                                                    [this](const std::exception& error) { report(error); });
    bikva_->on_remove([this](Id link) { bikva_linking_->remove(link); });
}

std::optional<wxPoint> MainFrame::bikva_link_point(const std::string& href) {
    show_bikva_chains();
    wxYield();
    return bikva_->screen_point_of_link(wxString::FromUTF8(href.data(), href.size()));
}

}  // namespace fokus::workbench
