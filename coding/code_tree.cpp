#include "code_tree.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "text.h"

namespace fokus {

CodeTreeDamage find_code_tree_damage(const std::vector<CodeLink>& codes) {
    std::map<Id, const CodeLink*> by_id;
    for (const auto& code : codes) by_id.emplace(code.id, &code);
    enum class Mark { Unseen, OnPath, Done };
    std::map<Id, Mark> marks;
    CodeTreeDamage damage;
    for (const auto& start : codes) {
        // Up the parent chain until the top, a code already settled, or a code on this very walk.
        std::vector<const CodeLink*> path;
        const CodeLink* code = &start;
        while (code && marks[code->id] == Mark::Unseen) {
            marks[code->id] = Mark::OnPath;
            path.push_back(code);
            if (!code->parent) {
                code = nullptr;
                break;
            }
            const auto parent = by_id.find(*code->parent);
            if (parent == by_id.end()) {
                damage.dangling.push_back(*code);
                code = nullptr;
                break;
            }
            code = parent->second;
        }
        if (code && marks[code->id] == Mark::OnPath) {
            std::vector<CodeLink> cycle;
            auto member = path.end();
            while (member != path.begin() && (*std::prev(member))->id != code->id) --member;
            for (auto it = std::prev(member); it != path.end(); ++it) cycle.push_back(**it);
            // The same loop reads the same wherever the walk entered it: from its oldest code.
            std::rotate(cycle.begin(),
                        std::min_element(cycle.begin(), cycle.end(), [](const CodeLink& a, const CodeLink& b) { return a.id < b.id; }),
                        cycle.end());
            damage.cycles.push_back(std::move(cycle));
        }
        for (const auto* walked : path) marks[walked->id] = Mark::Done;
    }
    return damage;
}

std::vector<std::string> CodeTreeDamage::descriptions() const {
    std::vector<std::string> result;
    for (const auto& cycle : cycles) {
        std::string chain;
        for (const auto& code : cycle) chain += text::quote(code.name) + " → ";
        chain += text::quote(cycle.front().name);
        result.push_back(cycle.size() == 1 ? "the code " + text::quote(cycle.front().name) + " is its own parent"
                                           : "the codes " + chain + " are each under the next, in a loop");
    }
    for (const auto& code : dangling) {
        result.push_back("the code " + text::quote(code.name) + " (id " + std::to_string(code.id) + ") has a parent (id " +
                         std::to_string(*code.parent) + ") that does not exist");
    }
    return result;
}

}  // namespace fokus
