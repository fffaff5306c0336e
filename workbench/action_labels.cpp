#include "workbench/action_labels.h"

#include <wx/intl.h>


#include "coding/label_pattern.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

// Every label the core, the command line and this window give an action, as
// a pattern with "%s" where a name goes. Longer patterns before shorter ones
// that could also match ("merge code" before "merge").
const char* const action_label_patterns[] = {
    wxTRANSLATE("code with \"%s\""),
    wxTRANSLATE("code %s search hits with \"%s\""),
    wxTRANSLATE("code %s passages with \"%s\""),
    wxTRANSLATE("code in vivo \"%s\""),
    wxTRANSLATE("uncode"),
    wxTRANSLATE("comment on a coding"),
    wxTRANSLATE("recode with \"%s\""),
    wxTRANSLATE("describe code \"%s\""),
    wxTRANSLATE("condense \"%s\""),
    wxTRANSLATE("add participant \"%s\""),
    wxTRANSLATE("set %s of a participant"),
    wxTRANSLATE("map speaker \"%s\""),
    wxTRANSLATE("write a memo on the project"),
    wxTRANSLATE("write a memo on the document"),
    wxTRANSLATE("write a memo on the code"),
    wxTRANSLATE("write a memo on the coding"),
    wxTRANSLATE("edit a memo"),
    wxTRANSLATE("delete a memo"),
    wxTRANSLATE("present a statement to a later stage"),
    wxTRANSLATE("link a reaction to a statement"),
    wxTRANSLATE("remove a BIKVA link"),
    wxTRANSLATE("write good advice"),
    wxTRANSLATE("repair the code tree"),
    wxTRANSLATE("make quote set \"%s\""),
    wxTRANSLATE("rename quote set \"%s\" to \"%s\""),
    wxTRANSLATE("delete quote set \"%s\""),
    wxTRANSLATE("add quotes to \"%s\""),
    wxTRANSLATE("add a quote to \"%s\""),
    wxTRANSLATE("remove a quote from \"%s\""),
    wxTRANSLATE("move a quote in \"%s\""),
    wxTRANSLATE("comment on a quote"),
    wxTRANSLATE("change the span of a quote"),
    wxTRANSLATE("set the attribution template"),
    wxTRANSLATE("import \"%s\""),
    wxTRANSLATE("rename document \"%s\""),
    wxTRANSLATE("delete document \"%s\""),
    wxTRANSLATE("set %s of a document"),
    wxTRANSLATE("remove %s of a document"),
    wxTRANSLATE("add code \"%s\""),
    wxTRANSLATE("rename code \"%s\" to \"%s\""),
    wxTRANSLATE("move code \"%s\""),
    wxTRANSLATE("recolour code \"%s\""),
    wxTRANSLATE("define code \"%s\""),
    wxTRANSLATE("merge code \"%s\" into \"%s\""),
    wxTRANSLATE("delete code \"%s\""),
    wxTRANSLATE("give the key %s to \"%s\""),
    wxTRANSLATE("take the key from \"%s\""),
    wxTRANSLATE("add theme \"%s\""),
    wxTRANSLATE("add \"%s\" to a theme"),
    wxTRANSLATE("remove a code from a theme"),
    wxTRANSLATE("delete theme"),
    wxTRANSLATE("load codebook"),
    wxTRANSLATE("merge another project"),
    wxTRANSLATE("merge %s"),
    wxTRANSLATE("link recording to \"%s\""),
    wxTRANSLATE("find recording of \"%s\""),
    wxTRANSLATE("unlink recording of \"%s\""),
    wxTRANSLATE("mark sync point %s in \"%s\""),
    wxTRANSLATE("remove sync point %s"),
    wxTRANSLATE("edit the text of \"%s\""),
    wxTRANSLATE("pseudonymise 1 finding"),
    wxTRANSLATE("pseudonymise %s findings"),
};

}  // namespace

wxString translated_by_pattern(std::span<const char* const> patterns, const std::string& text) {
    for (const char* pattern : patterns) {
        const auto arguments = match_label(pattern, text);
        if (!arguments) continue;
        const std::string translated = from_wx(wxGetTranslation(wxString::FromUTF8(pattern)));
        return to_wx(fill_label(translated, *arguments));
    }
    return to_wx(text);
}

wxString translated_action_label(const std::string& label) { return translated_by_pattern(action_label_patterns, label); }

}  // namespace fokus::workbench
