// Coding by key and by dragging a passage onto a code: the keys that code
// with each code, reassigned by the user, and the points a scripted drag uses.
#include <wx/intl.h>

#include "coding/code_keys.h"
#include "coding/codes.h"
#include "workbench/code_key_choice.h"
#include "workbench/code_tree.h"
#include "workbench/main_frame.h"
#include "workbench/menu_ids.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

void MainFrame::code_with_key(const std::string& key) {
    if (const auto code = codes_->code_for_key(key)) {
        code_selection(*code);
    } else {
        SetStatusText(wxString::Format(_("No code has the key %s; right-click a code and choose \"Assign key…\"."), key_label(key)),
                      message_field);
    }
}

void MainFrame::ask_and_assign_key(Id code) {
    try {
        if (const auto key = ask_for_code_key(this, project_, code)) assign_key(code, *key);
    } catch (const std::exception& error) {
        report(error);
    }
}

bool MainFrame::assign_key(Id code, const std::string& key) {
    try {
        CodeKeys(project_).assign(code, key);
        const wxString name = to_wx(CodeStore(project_).get(code).name);
        refresh_after_change(Changed::codes, key.empty() ? wxString::Format(_("\"%s\" has no key now"), name)
                                                         : wxString::Format(_("%s codes with \"%s\" now"), key_label(key), name));
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

std::optional<std::pair<wxPoint, wxPoint>> MainFrame::drop_points(const std::string& code) {
    const auto passage = transcript_->selection();
    if (!passage) return std::nullopt;
    const auto press = transcript_->screen_point_of(passage->start + passage->length() / 2);
    const auto release = codes_->screen_point_of(CodeStore(project_).resolve(code).id);
    if (!press || !release) return std::nullopt;
    return std::pair{*press, *release};
}

}  // namespace fokus::workbench
