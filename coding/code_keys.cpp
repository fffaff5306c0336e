#include "code_keys.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "codes.h"
#include "error.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

// One row of project_info: a line "GUID<TAB>KEY" for every codable code the
// user's choice covers (KEY empty for a code without a key). Absent until the
// first reassignment.
constexpr std::string_view stored_key = "code_keys";

std::optional<std::map<std::string, std::string>> stored(Project& project) {
    auto query = project.db().prepare("SELECT value FROM project_info WHERE key = ?");
    query.bind_all(std::string(stored_key));
    if (!query.step()) return std::nullopt;
    std::map<std::string, std::string> by_guid;
    std::istringstream lines(query.text(0));
    for (std::string line; std::getline(lines, line);) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) by_guid[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return by_guid;
}

bool is_code_key(std::string_view key) {
    return std::find(code_key_names.begin(), code_key_names.end(), key) != code_key_names.end();
}

}  // namespace

CodeKeys::CodeKeys(Project& project) : project_(project) {
    const auto codes = CodeStore(project).all();
    const auto chosen = stored(project);
    std::set<std::string> taken;
    if (chosen) {
        for (const auto& code : codes) {
            const auto found = chosen->find(code.guid);
            if (!code.codable || found == chosen->end() || !is_code_key(found->second) || taken.count(found->second)) continue;
            keys_[code.id] = found->second;
            taken.insert(found->second);
        }
    }
    // Codes the user's choice does not cover take the free keys in tree order.
    auto next = code_key_names.begin();
    for (const auto& code : codes) {
        if (!code.codable || keys_.count(code.id) || (chosen && chosen->count(code.guid))) continue;
        while (next != code_key_names.end() && taken.count(std::string(*next))) ++next;
        if (next == code_key_names.end()) break;
        keys_[code.id] = std::string(*next);
        taken.insert(std::string(*next));
    }
}

std::optional<std::string> CodeKeys::key_of(Id code) const {
    const auto found = keys_.find(code);
    if (found == keys_.end()) return std::nullopt;
    return found->second;
}

std::optional<Id> CodeKeys::code_for(std::string_view key) const {
    for (const auto& [code, assigned] : keys_) {
        if (assigned == key) return code;
    }
    return std::nullopt;
}

void CodeKeys::assign(Id code, std::string_view key) {
    if (!key.empty() && !is_code_key(key)) {
        throw InputError(text::quote(key) + " is not a key for coding; the keys are 1 to 9, 0 and Shift+1 to Shift+0");
    }
    CodeStore codes(project_);
    const auto target = codes.get(code);
    if (!target.codable) throw InputError("the code " + text::quote(target.name) + " is a heading and cannot be coded with");
    const auto before = key_of(code);
    if (before.value_or("") == key) return;
    auto keys = keys_;
    if (const auto holder = code_for(key); holder && !key.empty()) {
        if (before) keys[*holder] = *before;
        else keys.erase(*holder);
    }
    if (key.empty()) keys.erase(code);
    else keys[code] = std::string(key);
    // Every codable code is written, with or without a key, so that the
    // choice stays as made when codes are added or moved later.
    std::string value;
    for (const auto& one : codes.all()) {
        if (!one.codable) continue;
        const auto found = keys.find(one.id);
        value += one.guid + "\t" + (found == keys.end() ? std::string() : found->second) + "\n";
    }
    const std::string label = key.empty() ? "take the key from " + text::quote(target.name)
                                          : "give the key " + std::string(key) + " to " + text::quote(target.name);
    project_.act(label, [&] {
        project_.db()
            .prepare("INSERT INTO project_info(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind_all(std::string(stored_key), value)
            .run();
    });
    keys_ = std::move(keys);
}

}  // namespace fokus
