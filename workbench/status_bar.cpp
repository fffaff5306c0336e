#include "workbench/status_bar.h"

namespace fokus::workbench {

StatusBar::StatusBar(wxWindow* parent, int fields) : wxStatusBar(parent, wxID_ANY) { SetFieldsCount(fields); }

void StatusBar::DoUpdateStatusText(int number) {
    wxRect field;
    if (GetFieldRect(number, field)) {
        RefreshRect(field);
    } else {
        Refresh();
    }
}

}  // namespace fokus::workbench
