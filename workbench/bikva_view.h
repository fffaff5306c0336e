#pragma once
// The BIKVA chains: each statement carried forward from one stage, where it
// was read out, and the reactions at each later stage; then the good advice
// each group gave the next level. A click on a passage shows it in its transcript.
#include <wx/html/htmlwin.h>

#include <functional>

#include "coding/project.h"

namespace fokus::workbench {

class BikvaView : public wxHtmlWindow {
public:
    explicit BikvaView(wxWindow* parent);
    void refresh(Project& project);
    void on_jump(std::function<void(Id document, Span span)> callback) { jump_ = std::move(callback); }
    std::size_t chain_count() const { return chains_; }

private:
    std::function<void(Id, Span)> jump_;
    std::size_t chains_ = 0;
};

}  // namespace fokus::workbench
