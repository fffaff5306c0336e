#pragma once
// The code system: a hierarchy of codes with colours and definitions, and
// code sets (themes). Every change is one user action of the project.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;
struct Codebook;

struct Code {
    Id id = 0;
    std::string guid;
    std::optional<Id> parent;
    std::string name;
    std::string color;
    std::string definition;
    bool codable = true;
    int position = 0;
    int depth = 0;  // 0 for top-level codes
};

struct CodeSet {
    Id id = 0;
    std::string guid;
    std::string name;
    std::string description;
    std::vector<Id> members;
};

struct CodebookImport {
    int added = 0;
    int updated = 0;
    int sets_added = 0;
};

class CodeStore {
public:
    explicit CodeStore(Project& project) : project_(project) {}

    // Depth-first in the user's order.
    std::vector<Code> all() const;
    Code get(Id id) const;
    // Every code's name by id.
    std::map<Id, std::string> names() const;
    // By id number, GUID, exact name, case-insensitive name, or Parent/Child
    // path. NotFoundError names the reference; an ambiguous name is refused.
    Code resolve(std::string_view reference) const;
    std::int64_t coding_count(Id id) const;

    Id add(std::string_view name, std::optional<Id> parent = std::nullopt, std::string_view colour = {},
           std::string_view definition = {});
    void rename(Id id, std::string_view name);
    // Under `parent` (top level when empty), at `position` among its siblings
    // (last when empty).
    void move(Id id, std::optional<Id> parent, std::optional<int> position = std::nullopt);
    void recolour(Id id, std::string_view colour);
    void define(Id id, std::string_view definition);
    // Moves the codings, memos, sub-codes and set memberships of `source` to
    // `target` and removes `source`. Returns the number of codings moved;
    // codings that `target` already had on the same span are dropped.
    int merge(Id source, Id target);
    // Removes the code, its sub-codes and all their codings.
    void remove(Id id);

    std::vector<CodeSet> sets() const;
    CodeSet resolve_set(std::string_view reference) const;
    Id add_set(std::string_view name, std::string_view description, const std::vector<Id>& members);
    void add_to_set(Id set, Id code);
    void remove_from_set(Id set, Id code);
    void remove_set(Id set);

    // Adds the codebook's codes and sets. Codes matching an existing one by
    // GUID, or by name under the same parent, take the codebook's colour and
    // description and keep their codings.
    CodebookImport load_codebook(const Codebook& codebook);
    Codebook to_codebook() const;

private:
    std::string checked_name(std::string_view name, std::optional<Id> parent, std::optional<Id> except) const;
    std::string next_colour() const;
    Project& project_;
};

}  // namespace fokus
