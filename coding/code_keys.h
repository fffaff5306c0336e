#pragma once
// The keys that code the selected passage with a code: 1–9 and 0, then
// Shift+1 … Shift+9 and Shift+0, twenty in all, so that every code of a
// scheme of up to twenty has one. Until someone reassigns a key, the codable
// codes take them in the order of the code tree. The keys are kept in the
// project, not in one person's settings: a team coding the same material
// presses the same key for the same code, and a change of keys is one step of
// undo like any other. A code made after a change takes the first free key.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "types.h"

namespace fokus {

class Project;

inline constexpr std::array<std::string_view, 20> code_key_names = {
    "1",       "2",       "3",       "4",       "5",       "6",       "7",       "8",       "9",       "0",
    "Shift+1", "Shift+2", "Shift+3", "Shift+4", "Shift+5", "Shift+6", "Shift+7", "Shift+8", "Shift+9", "Shift+0"};

class CodeKeys {
public:
    explicit CodeKeys(Project& project);

    // Code -> key, for every code that has one.
    const std::map<Id, std::string>& assigned() const { return keys_; }
    std::optional<std::string> key_of(Id code) const;
    std::optional<Id> code_for(std::string_view key) const;

    // Gives `key` to a codable code, as one action; the code that had the key
    // takes this code's former key, if any (the two swap). An empty key takes
    // the code's key away. InputError for a key not among code_key_names or a
    // code that cannot be coded.
    void assign(Id code, std::string_view key);

private:
    Project& project_;
    std::map<Id, std::string> keys_;
};

}  // namespace fokus
