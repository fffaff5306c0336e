#pragma once
// Condensations: for each code, what the researcher condenses from its
// segments in one document, or in all documents (or participants) with one
// value of an attribute such as municipality. The code's overall
// condensation is its memo. The grid of them is in analysis/condensation_table.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus {

class Project;

// A cell of the condensation grid: a document, or an attribute value.
struct CondensationScope {
    std::optional<Id> document;
    std::string attribute;  // with value, when no document
    std::string value;
    static CondensationScope of_document(Id id) { return {id, {}, {}}; }
    static CondensationScope of_value(std::string attribute, std::string value) {
        return {std::nullopt, std::move(attribute), std::move(value)};
    }
};

struct Condensation {
    Id code = 0;
    CondensationScope scope;
    std::string text;
    std::string author;
    std::string modified_at;
};

class CondensationStore {
public:
    explicit CondensationStore(Project& project) : project_(project) {}
    // Writes the cell's condensation; an empty text removes it.
    void set(Id code, const CondensationScope& scope, std::string_view text);
    std::optional<Condensation> get(Id code, const CondensationScope& scope) const;
    std::vector<Condensation> list() const;

private:
    Project& project_;
};

}  // namespace fokus
