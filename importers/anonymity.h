#pragma once
// The anonymisation check: details that anonymisation missed (CPR numbers,
// Danish phone numbers, e-mail addresses, street addresses, and names from
// the user's list with their genitive forms), and pseudonymisation, which
// replaces them in one action, keeping every coding on the words it covered.
#include <map>
#include <optional>
#include <string>
#include <vector>

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
    Id document = 0;
    FindingKind kind = FindingKind::Name;
    Span span;             // code points in the document's text
    std::string text;
    std::string context;   // up to 40 characters either side, on one line, the finding in [[ ]]
};

struct AnonymityOptions {
    // First names or surnames to look for, whole words with a capital initial,
    // with their genitive (Mette, Mettes; Lars, Lars').
    std::vector<std::string> names;
    std::vector<FindingKind> kinds = {FindingKind::Cpr, FindingKind::Phone, FindingKind::Email, FindingKind::Address,
                                      FindingKind::Name};
};

// Findings in one text, in order of position.
std::vector<Finding> find_identifying(const std::string& text, const AnonymityOptions& options);
// Findings in the project's documents (all when `documents` is empty).
std::vector<Finding> check_anonymity(Project& project, const AnonymityOptions& options, const std::vector<Id>& documents = {});

// Replaces the findings: names by `mapping` where given ("Mette" ->
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

// Reads "Mette -> Rådgiver 3" lines; FormatError naming the file and line otherwise.
std::map<std::string, std::string> read_name_mapping(const std::string& path);
std::vector<std::string> read_names(const std::string& path);

}  // namespace fokus::importers
