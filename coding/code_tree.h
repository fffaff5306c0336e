#pragma once
// What makes a code tree unusable: codes that are their own ancestors, and
// codes whose parent is gone. Only a damaged file has either, since every
// change through the core refuses them; finding them lets the tree be
// reported and repaired instead of silently losing codes.
#include <optional>
#include <string>
#include <vector>

#include "types.h"

namespace fokus {

struct CodeLink {
    Id id = 0;
    std::optional<Id> parent;
    std::string name;
};

struct CodeTreeDamage {
    std::vector<std::vector<CodeLink>> cycles;  // each the codes of one loop, parent after child
    std::vector<CodeLink> dangling;             // codes whose parent does not exist

    bool empty() const noexcept { return cycles.empty() && dangling.empty(); }
    // One sentence per problem, naming the codes.
    std::vector<std::string> descriptions() const;
};

CodeTreeDamage find_code_tree_damage(const std::vector<CodeLink>& codes);

}  // namespace fokus
