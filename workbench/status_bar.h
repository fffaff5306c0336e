#pragma once
// The window's status bar. wxWidgets' own repaints the whole window at once
// each time a field's text changes, so that an action setting three fields
// painted everything three times; here a changed field is only marked for
// the next repaint, which follows the action as every other view's does.
#include <wx/statusbr.h>

namespace fokus::workbench {

class StatusBar : public wxStatusBar {
public:
    StatusBar(wxWindow* parent, int fields);

protected:
    void DoUpdateStatusText(int number) override;
};

}  // namespace fokus::workbench
