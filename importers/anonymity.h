#pragma once
// The anonymisation check: details that anonymisation missed (CPR numbers,
// Danish phone numbers, e-mail addresses, street addresses, and names from
// the user's list with their genitive forms), and pseudonymisation, which
// replaces them in one action, keeping every coding on the words it covered.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coding/permanence.h"
#include "coding/side_texts.h"
#include "coding/types.h"

namespace fokus {
class Project;
}

namespace fokus::importers {

enum class FindingKind { Cpr, Phone, Email, Address, Name };
const char* kind_name(FindingKind kind);
// "cpr", "phone", "email", "address", "name"; InputError otherwise.
FindingKind parse_kind(const std::string& name);

struct Finding {
    Id document = 0;       // the document it is in, or the one its side text is about (0 for none)
    FindingKind kind = FindingKind::Name;
    // Where it stands: in the document's text, or in a side text (a document
    // or file name, a memo, a comment...), whose kind and row are given.
    std::optional<SideTextKind> side;
    Id side_row = 0;
    Span span;             // code points in the document's text, or in the side text
    std::string text;
    std::string context;   // up to 40 characters either side, on one line, the finding in [[ ]]
};

struct AnonymityOptions {
    // First names or surnames to look for, whole words with a capital initial,
    // with their genitive (Mette, Mettes; Lars, Lars').
    std::vector<std::string> names;
    std::vector<FindingKind> kinds = {FindingKind::Cpr, FindingKind::Phone, FindingKind::Email, FindingKind::Address,
                                      FindingKind::Name};
    // Names in any case, for file and document names ("interview-mette").
    bool names_in_any_case = false;
};

// Findings in one text, in order of position.
std::vector<Finding> find_identifying(const std::string& text, const AnonymityOptions& options);
// Findings in the project's documents (all when `documents` is empty), and
// in the side texts: those about the documents, or all when `documents` is
// empty. Document and source-file names are searched for names in any case.
std::vector<Finding> check_anonymity(Project& project, const AnonymityOptions& options, const std::vector<Id>& documents = {});

// "Fokusgruppe Kommune B" for a finding in a text; "source file of
// \"Fokusgruppe Kommune B\"" or "memo 4" for one in a side text.
std::string place_of(Project& project, const Finding& finding);

// Replaces the findings, in texts and side texts alike: names by `mapping` where given ("Mette" ->
// "Rådgiver 3", its genitive "Mettes" -> "Rådgiver 3s"), everything else by a
// placeholder: [CPR], [telefon], [e-mail], [adresse], [navn]. One action:
// codings, quotes, links and turns move with the text (spans overlapping a
// replacement stretch or shrink to cover it), speaker labels holding a
// replaced name are renamed, and pseudonymisation_log records the kind,
// place, replacement, coder and time, never the original. Undo restores the
// originals, so until the history is cleared the project file still holds
// them in its undo log. InputError, changing nothing, when a finding no
// longer matches the text (check again) or findings overlap. Returns the count.
int pseudonymise(Project& project, const std::vector<Finding>& findings,
                 const std::map<std::string, std::string>& mapping);

struct PermanentReplacement {
    int replaced = 0;
    PermanenceReport erasure;
};

// The same replacement made permanent (see act_permanently): it cannot be
// undone, and afterwards no original value is left in the project file, its
// history, its free pages, its write-ahead log or its backups. The caller
// builds the search index anew.
PermanentReplacement pseudonymise_permanently(Project& project, const std::vector<Finding>& findings,
                                              const std::map<std::string, std::string>& mapping);

// Reads "Mette -> Rådgiver 3" lines; FormatError naming the file and line otherwise.
std::map<std::string, std::string> read_name_mapping(const std::string& path);
std::vector<std::string> read_names(const std::string& path);

}  // namespace fokus::importers
