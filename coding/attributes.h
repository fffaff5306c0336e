#pragma once
// The attributes that documents and participants carry, named as analyses
// name them: a document attribute by its name ("municipality"), a participant
// attribute behind the prefix "participant." ("participant.role"). Names and
// values come in Danish order, so that Å follows Æ and Ø.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

inline constexpr std::string_view participant_attribute_prefix = "participant.";

class AttributeCatalogue {
public:
    explicit AttributeCatalogue(Project& project) : project_(project) {}

    std::vector<std::string> document_attributes() const;
    // With the "participant." prefix.
    std::vector<std::string> participant_attributes() const;
    // Document attributes, then participant attributes.
    std::vector<std::string> all() const;

    // The distinct values `attribute` takes, by the naming above.
    std::vector<std::string> values(std::string_view attribute) const;
    bool exists(std::string_view attribute) const;

private:
    Project& project_;
};

// Who has coded: names of coders, and the row of one by name.
class CoderDirectory {
public:
    explicit CoderDirectory(Project& project) : project_(project) {}

    // Coders with at least one coding, in Danish order.
    std::vector<std::string> with_codings() const;
    // NotFoundError naming `name` when no such coder exists.
    Id id_of(std::string_view name) const;
    // Every coder's name by row.
    std::map<Id, std::string> names() const;

private:
    Project& project_;
};

// How much a project holds, for an overview.
struct ProjectCounts {
    std::int64_t codes = 0;
    std::int64_t codings = 0;
    std::int64_t coders = 0;
    std::int64_t memos = 0;
    std::int64_t participants = 0;
    std::int64_t schema_version = 0;
};
ProjectCounts count_contents(Project& project);

}  // namespace fokus
