#include "workbench/attribute_labels.h"

#include <wx/intl.h>

#include "coding/attributes.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

wxString known_label(const std::string& name) {
    if (name == "municipality") return _("Municipality");
    if (name == "bikva_stage") return _("BIKVA stage");
    if (name == "interview_form") return _("Interview form");
    if (name == "date") return _("Date");
    if (name == "moderator") return _("Moderator");
    if (name == "role") return _("Role");
    if (name == "work_area") return _("Work area");
    if (name == "gender") return _("Gender");
    if (name == "seniority") return _("Seniority");
    if (name == "age") return _("Age");
    return to_wx(name);
}

}  // namespace

wxString attribute_label(const std::string& attribute) {
    const std::string prefix(participant_attribute_prefix);
    if (attribute.rfind(prefix, 0) == 0) {
        // TRANSLATORS: an attribute of the people who speak, such as "Participant: Role".
        return wxString::Format(_("Participant: %s"), known_label(attribute.substr(prefix.size())));
    }
    return known_label(attribute);
}

}  // namespace fokus::workbench
