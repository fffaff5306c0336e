#include "workbench/error_messages.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "workbench/action_labels.h"

namespace fokus::workbench {
namespace {

// The messages of the core a researcher meets in this window, with "%s" where
// a name, path or number goes. Longer patterns before shorter ones that could
// also match.
const char* const message_patterns[] = {
    // Opening and creating a project.
    wxTRANSLATE("%s: no such project file"),
    wxTRANSLATE("%s: is a folder, not a project file"),
    wxTRANSLATE("%s: is an empty file (0 bytes), not a Fokus project"),
    wxTRANSLATE("%s: not a Fokus project (the file is not an SQLite database)"),
    wxTRANSLATE("%s: not a Fokus project (an SQLite database made by another program)"),
    wxTRANSLATE("%s: the project file is damaged and cannot be read"),
    wxTRANSLATE("%s: the project file is damaged (%s)"),
    wxTRANSLATE("%s: made by a newer version of Fokus (schema %s; this version reads up to %s); open it with that version"),
    wxTRANSLATE("%s: the project is being changed by another program; try again when it has finished"),
    wxTRANSLATE("%s: is open for changes in another program (a Fokus window or fokus-cli); close it there first, or open it read-only"),
    wxTRANSLATE("%s: already exists; choose another name or open it instead"),
    wxTRANSLATE("%s is open read-only; nothing was changed"),
    wxTRANSLATE("%s is open read-only"),
    // Files written for the user, and why some may not be.
    wxTRANSLATE("%s: cannot be written: it is a folder"),
    wxTRANSLATE("%s: cannot be written: it is a link to a file that does not exist"),
    wxTRANSLATE("%s: cannot be written: it is not an ordinary file (a device, pipe or socket); choose a file name"),
    wxTRANSLATE("%s: cannot be written: it is a Fokus project; an export never replaces a project (choose another file name)"),
    wxTRANSLATE("%s: cannot be written: it belongs to the project %s (its SQLite journal); choose another file name"),
    wxTRANSLATE("%s: cannot be written: it lies inside %s, which belongs to the project %s; choose a file outside it"),
    wxTRANSLATE("is a folder"),
    wxTRANSLATE("is a link to a file that does not exist"),
    wxTRANSLATE("is not an ordinary file (a device, pipe or socket); choose a file name"),
    wxTRANSLATE("is a Fokus project; an export never replaces a project (choose another file name)"),
    wxTRANSLATE("belongs to the project %s (its SQLite journal); choose another file name"),
    wxTRANSLATE("lies inside %s, which belongs to the project %s; choose a file outside it"),
    wxTRANSLATE("%s: the folder %s does not exist"),
    wxTRANSLATE("%s: could not be written completely (is the disk full?)"),
    wxTRANSLATE("%s: could not be written: %s"),
    wxTRANSLATE("%s: cannot be created in its folder"),
    // Files read for the user.
    wxTRANSLATE("%s: is not a file that can be read"),
    wxTRANSLATE("%s: cannot be read"),
    wxTRANSLATE("%s: does not look like text in any known encoding (is it a binary file?)"),
    // Codes and themes.
    wxTRANSLATE("a code name cannot be empty"),
    wxTRANSLATE("there is already a code named \"%s\" at the top level"),
    wxTRANSLATE("there is already a code named \"%s\" under \"%s\""),
    wxTRANSLATE("\"%s\" is not a colour; give it as #RRGGBB, e.g. #1F77B4"),
    wxTRANSLATE("cannot move \"%s\" under itself or one of its own sub-codes"),
    wxTRANSLATE("cannot merge \"%s\" into itself"),
    wxTRANSLATE("cannot merge \"%s\" into its own sub-code \"%s\""),
    wxTRANSLATE("no code named \"%s\""),
    wxTRANSLATE("the code \"%s\" is a heading and cannot be applied"),
    wxTRANSLATE("the selection has no words to name a code by"),
    wxTRANSLATE("the same span is already coded with \"%s\" by %s"),
    wxTRANSLATE("%s is already coded with \"%s\" by %s"),
    wxTRANSLATE("a theme name cannot be empty"),
    wxTRANSLATE("there is already a theme named \"%s\""),
    // Documents.
    wxTRANSLATE("a document name cannot be empty"),
    wxTRANSLATE("there is already a document named \"%s\""),
    wxTRANSLATE("an attribute name cannot be empty"),
    // Memos and quote sets.
    wxTRANSLATE("the memo is empty; delete it instead"),
    wxTRANSLATE("the memo is empty"),
    wxTRANSLATE("a quote set name cannot be empty"),
    wxTRANSLATE("there is already a quote set named \"%s\""),
    wxTRANSLATE("no quote set named \"%s\""),
    wxTRANSLATE("the attribution template \"%s\" names {%s}, which no document or participant has; known: %s"),
    wxTRANSLATE("the attribution template \"%s\" has a \"{\" that is never closed"),
    wxTRANSLATE("the attribution template \"%s\" has an empty \"{}\""),
    wxTRANSLATE("the attribution template \"%s\" has a \"}\" without \"{\" at position %s"),
    // Search queries.
    wxTRANSLATE("the query is empty"),
    wxTRANSLATE("the quote at position %s of the query is never closed"),
    wxTRANSLATE("a \")\" has no \"(\" before it at position %s of the query"),
    wxTRANSLATE("a \")\" is missing at position %s of the query"),
    wxTRANSLATE("the brackets hold nothing at position %s of the query"),
    wxTRANSLATE("a word is missing: the query ends after an operator at position %s of the query"),
    wxTRANSLATE("there are no hits to code"),
    // Undo.
    wxTRANSLATE("nothing to undo"),
    wxTRANSLATE("nothing to redo"),
};

}  // namespace

wxString translated_message(const std::string& message) { return translated_by_pattern(message_patterns, message); }

wxString translated_message(const std::exception& error) { return translated_message(std::string(error.what())); }

void show_error(wxWindow* parent, const std::exception& error) {
    wxMessageBox(translated_message(error), _("Fokus"), wxOK | wxICON_WARNING, parent);
}

}  // namespace fokus::workbench
