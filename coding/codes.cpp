#include "codes.h"

#include <algorithm>
#include <functional>
#include <map>

#include "code_tree.h"
#include "codebook.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

// Colours for new codes: dark and saturated enough to read on white.
constexpr const char* palette[] = {"#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#8C564B", "#E377C2",
                                   "#7F7F7F", "#BCBD22", "#17BECF", "#FF7F0E", "#393B79", "#637939",
                                   "#8C6D31", "#843C39", "#7B4173", "#3182BD", "#E6550D"};

constexpr const char* code_columns = "id, guid, parent_id, name, color, definition, codable, position";

Code read_code(const sql::Statement& row) {
    Code code;
    code.id = row.int64(0);
    code.guid = row.text(1);
    code.parent = row.optional_int64(2);
    code.name = row.text(3);
    code.color = row.text(4);
    code.definition = row.text(5);
    code.codable = row.int64(6) != 0;
    code.position = static_cast<int>(row.int64(7));
    return code;
}

[[noreturn]] void refuse_damaged_code_tree(const Project& project, const std::map<std::optional<Id>, std::vector<Code>>& children) {
    std::vector<CodeLink> links;
    for (const auto& [parent, codes] : children) {
        for (const auto& code : codes) links.push_back(CodeLink{code.id, code.parent, code.name});
    }
    std::string problems;
    for (const auto& description : find_code_tree_damage(links).descriptions()) {
        problems += (problems.empty() ? "" : "; ") + description;
    }
    throw ProjectError(project.path().string(), ProjectError::Reason::Damaged,
                       "the code tree is damaged: " + problems + "; repair it with fokus-cli check --repair " +
                           project.path().string());
}

bool is_number(std::string_view text) {
    return !text.empty() && text.size() < 18 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<Code> CodeStore::all() const {
    auto query = project_.db().prepare(std::string("SELECT ") + code_columns + " FROM codes ORDER BY position, id");
    std::map<std::optional<Id>, std::vector<Code>> children;
    while (query.step()) {
        auto code = read_code(query);
        children[code.parent].push_back(std::move(code));
    }
    std::size_t total = 0;
    for (const auto& [parent, codes] : children) total += codes.size();
    std::vector<Code> ordered;
    std::function<void(std::optional<Id>, int)> visit = [&](std::optional<Id> parent, int depth) {
        const auto found = children.find(parent);
        if (found == children.end()) return;
        for (auto& code : found->second) {
            code.depth = depth;
            const Id id = code.id;
            ordered.push_back(code);
            visit(id, depth + 1);
        }
    };
    visit(std::nullopt, 0);
    // Codes not reached from the top hang from a loop of parents or a parent
    // that is gone; leaving them out would silently drop them from every view and export.
    if (ordered.size() != total) refuse_damaged_code_tree(project_, children);
    return ordered;
}

std::map<Id, std::string> CodeStore::names() const {
    auto query = project_.db().prepare("SELECT id, name FROM codes");
    std::map<Id, std::string> names;
    while (query.step()) names.emplace(query.int64(0), query.text(1));
    return names;
}

Code CodeStore::get(Id id) const {
    auto query = project_.db().prepare(std::string("SELECT ") + code_columns + " FROM codes WHERE id = ?");
    query.bind_all(id);
    if (!query.step()) throw NotFoundError("no code with id " + std::to_string(id));
    return read_code(query);
}

Code CodeStore::resolve(std::string_view reference) const {
    const std::string wanted = text::trim(text::to_nfc(reference, "a code name"));
    if (wanted.empty()) throw InputError("no code named: the code name is empty");
    const auto codes = all();
    if (is_number(wanted)) {
        const Id id = std::stoll(wanted);
        for (const auto& code : codes) {
            if (code.id == id) return code;
        }
    }
    const std::string guid = wanted.size() == 38 && wanted.front() == '{' ? wanted.substr(1, 36) : wanted;
    for (const auto& code : codes) {
        if (code.guid == guid) return code;
    }
    std::map<Id, const Code*> by_id;
    for (const auto& code : codes) by_id[code.id] = &code;
    // The names from the top down to this code, folded.
    const auto path_of = [&](const Code& code) {
        std::vector<std::string> steps;
        for (const Code* at = &code; at && steps.size() <= codes.size();) {
            steps.insert(steps.begin(), text::fold_case(at->name));
            at = at->parent ? by_id[*at->parent] : nullptr;
        }
        return steps;
    };
    std::vector<const Code*> exact, folded_matches, by_path;
    const std::string folded = text::fold_case(wanted);
    for (const auto& code : codes) {
        if (code.name == wanted) exact.push_back(&code);
        if (text::fold_case(code.name) == folded) folded_matches.push_back(&code);
    }
    auto matches = exact.empty() ? folded_matches : exact;
    if (matches.empty() && wanted.find('/') != std::string::npos) {
        // A path Parent/Child, from the top or from any code down: its last steps.
        std::vector<std::string> wanted_steps;
        for (std::string_view rest = wanted; !rest.empty();) {
            const auto slash = rest.find('/');
            wanted_steps.push_back(text::fold_case(text::trim(rest.substr(0, slash))));
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        }
        for (const auto& code : codes) {
            const auto steps = path_of(code);
            if (steps.size() >= wanted_steps.size() && std::equal(wanted_steps.rbegin(), wanted_steps.rend(), steps.rbegin())) {
                matches.push_back(&code);
            }
        }
        // A whole path from the top is meant as that, even where a deeper code ends the same way.
        const auto from_top = std::find_if(matches.begin(), matches.end(),
                                           [&](const Code* code) { return path_of(*code).size() == wanted_steps.size(); });
        if (from_top != matches.end()) matches = {*from_top};
    }
    if (matches.size() > 1) {
        std::string paths;
        for (const auto* code : matches) {
            std::string path;
            std::size_t steps = 0;
            for (const Code* at = code; at && steps++ <= codes.size(); at = at->parent ? by_id[*at->parent] : nullptr) {
                path = at->name + (path.empty() ? "" : "/" + path);
            }
            paths += (paths.empty() ? "" : ", ") + text::quote(path);
        }
        throw InputError("the code name " + text::quote(wanted) + " is ambiguous (" + paths +
                         "); give its id or its path as Parent/Child");
    }
    if (matches.empty()) throw NotFoundError("no code named " + text::quote(wanted));
    return *matches.front();
}

std::int64_t CodeStore::coding_count(Id id) const {
    auto query = project_.db().prepare("SELECT count(*) FROM codings WHERE code_id = ?");
    query.bind_all(id);
    query.step();
    return query.int64(0);
}

std::string CodeStore::checked_name(std::string_view name, std::optional<Id> parent,
                                    std::optional<Id> except) const {
    std::string cleaned = text::trim(text::to_nfc(name, "the code name"));
    if (cleaned.empty()) throw InputError("a code name cannot be empty");
    const std::string folded = text::fold_case(cleaned);
    for (const auto& code : all()) {
        if (code.parent == parent && code.id != except.value_or(-1) && text::fold_case(code.name) == folded) {
            throw InputError("there is already a code named " + text::quote(code.name) +
                             (parent ? " under " + text::quote(get(*parent).name) : std::string(" at the top level")));
        }
    }
    return cleaned;
}

std::string CodeStore::next_colour() const {
    const auto count = project_.db().scalar_int("SELECT count(*) FROM codes");
    return palette[count % std::size(palette)];
}

Id CodeStore::add(std::string_view name, std::optional<Id> parent, std::string_view colour,
                  std::string_view definition) {
    if (parent) get(*parent);
    const std::string cleaned = checked_name(name, parent, std::nullopt);
    std::string chosen = colour.empty() ? next_colour() : normalise_colour(colour);
    if (chosen.empty()) throw InputError(text::quote(colour) + " is not a colour; give it as #RRGGBB, e.g. #1F77B4");
    const std::string described = text::to_nfc(definition, "the definition");
    Id id = 0;
    project_.act("add code " + text::quote(cleaned), [&] {
        auto& db = project_.db();
        auto next = db.prepare("SELECT coalesce(max(position), -1) + 1 FROM codes WHERE parent_id IS ?");
        next.bind_all(parent);
        next.step();
        auto insert = db.prepare(
            "INSERT INTO codes(guid, parent_id, name, color, definition, position) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind_all(new_guid(), parent, cleaned, chosen, described, next.int64(0)).run();
        id = db.last_insert_id();
    });
    return id;
}

void CodeStore::rename(Id id, std::string_view name) {
    const auto code = get(id);
    const std::string cleaned = checked_name(name, code.parent, id);
    project_.act("rename code " + text::quote(code.name) + " to " + text::quote(cleaned), [&] {
        auto update = project_.db().prepare("UPDATE codes SET name = ? WHERE id = ?");
        update.bind_all(cleaned, id).run();
    });
}

void CodeStore::move(Id id, std::optional<Id> parent, std::optional<int> position) {
    const auto code = get(id);
    for (auto ancestor = parent; ancestor; ancestor = get(*ancestor).parent) {
        if (*ancestor == id) {
            throw InputError("cannot move " + text::quote(code.name) + " under itself or one of its own sub-codes");
        }
    }
    checked_name(code.name, parent, id);
    project_.act("move code " + text::quote(code.name), [&] {
        auto& db = project_.db();
        std::vector<Id> siblings;
        auto query = db.prepare("SELECT id FROM codes WHERE parent_id IS ? AND id <> ? ORDER BY position, id");
        query.bind_all(parent, id);
        while (query.step()) siblings.push_back(query.int64(0));
        const auto count = static_cast<int>(siblings.size());
        const int at = std::clamp(position.value_or(count), 0, count);
        siblings.insert(siblings.begin() + at, id);
        auto update = db.prepare("UPDATE codes SET parent_id = ?, position = ? WHERE id = ?");
        for (std::size_t i = 0; i < siblings.size(); ++i) {
            update.reset();
            update.bind_all(parent, static_cast<std::int64_t>(i), siblings[i]).run();
        }
    });
}

void CodeStore::recolour(Id id, std::string_view colour) {
    const auto code = get(id);
    const std::string chosen = normalise_colour(colour);
    if (chosen.empty()) throw InputError(text::quote(colour) + " is not a colour; give it as #RRGGBB, e.g. #1F77B4");
    project_.act("recolour code " + text::quote(code.name), [&] {
        auto update = project_.db().prepare("UPDATE codes SET color = ? WHERE id = ?");
        update.bind_all(chosen, id).run();
    });
}

void CodeStore::define(Id id, std::string_view definition) {
    const auto code = get(id);
    const std::string described = text::to_nfc(definition, "the definition");
    project_.act("define code " + text::quote(code.name), [&] {
        auto update = project_.db().prepare("UPDATE codes SET definition = ? WHERE id = ?");
        update.bind_all(described, id).run();
    });
}

int CodeStore::merge(Id source, Id target) {
    const auto from = get(source);
    const auto into = get(target);
    if (source == target) throw InputError("cannot merge " + text::quote(from.name) + " into itself");
    for (auto ancestor = into.parent; ancestor; ancestor = get(*ancestor).parent) {
        if (*ancestor == source) {
            throw InputError("cannot merge " + text::quote(from.name) + " into its own sub-code " + text::quote(into.name));
        }
    }
    int moved = 0;
    project_.act("merge code " + text::quote(from.name) + " into " + text::quote(into.name), [&] {
        auto& db = project_.db();
        auto recode = db.prepare("UPDATE OR IGNORE codings SET code_id = ? WHERE code_id = ?");
        recode.bind_all(target, source).run();
        moved = db.changes();
        auto memos = db.prepare("UPDATE memos SET code_id = ? WHERE code_id = ?");
        memos.bind_all(target, source).run();
        auto children = db.prepare(
            "UPDATE codes SET parent_id = ?, position = position + "
            "(SELECT coalesce(max(position), -1) + 1 FROM codes WHERE parent_id = ?) WHERE parent_id = ?");
        children.bind_all(target, target, source).run();
        auto sets = db.prepare(
            "INSERT OR IGNORE INTO code_set_members(set_id, code_id, position) "
            "SELECT set_id, ?, position FROM code_set_members WHERE code_id = ?");
        sets.bind_all(target, source).run();
        auto remove = db.prepare("DELETE FROM codes WHERE id = ?");
        remove.bind_all(source).run();
    });
    return moved;
}

void CodeStore::remove(Id id) {
    const auto code = get(id);
    project_.act("delete code " + text::quote(code.name), [&] {
        auto remove = project_.db().prepare("DELETE FROM codes WHERE id = ?");
        remove.bind_all(id).run();
    });
}

std::vector<CodeSet> CodeStore::sets() const {
    auto& db = project_.db();
    auto query = db.prepare("SELECT id, guid, name, description FROM code_sets ORDER BY id");
    auto members = db.prepare("SELECT code_id FROM code_set_members WHERE set_id = ? ORDER BY position, code_id");
    std::vector<CodeSet> result;
    while (query.step()) {
        CodeSet set{query.int64(0), query.text(1), query.text(2), query.text(3), {}};
        members.reset();
        members.bind_all(set.id);
        while (members.step()) set.members.push_back(members.int64(0));
        result.push_back(std::move(set));
    }
    return result;
}

CodeSet CodeStore::resolve_set(std::string_view reference) const {
    const std::string wanted = text::trim(text::to_nfc(reference, "a theme name"));
    const std::string folded = text::fold_case(wanted);
    for (const auto& set : sets()) {
        if (set.guid == wanted || (is_number(wanted) && std::to_string(set.id) == wanted) ||
            text::fold_case(set.name) == folded) {
            return set;
        }
    }
    throw NotFoundError("no theme (code set) named " + text::quote(wanted));
}

Id CodeStore::add_set(std::string_view name, std::string_view description, const std::vector<Id>& members) {
    const std::string cleaned = text::trim(text::to_nfc(name, "the theme name"));
    if (cleaned.empty()) throw InputError("a theme name cannot be empty");
    for (const auto& set : sets()) {
        if (text::fold_case(set.name) == text::fold_case(cleaned)) {
            throw InputError("there is already a theme named " + text::quote(set.name));
        }
    }
    for (const Id member : members) get(member);
    Id id = 0;
    project_.act("add theme " + text::quote(cleaned), [&] {
        auto& db = project_.db();
        auto insert = db.prepare("INSERT INTO code_sets(guid, name, description) VALUES (?, ?, ?)");
        insert.bind_all(new_guid(), cleaned, text::to_nfc(description, "the theme description")).run();
        id = db.last_insert_id();
        for (const Id member : members) add_to_set(id, member);
    });
    return id;
}

void CodeStore::add_to_set(Id set, Id code) {
    const auto member = get(code);
    project_.act("add " + text::quote(member.name) + " to a theme", [&] {
        auto insert = project_.db().prepare(
            "INSERT OR IGNORE INTO code_set_members(set_id, code_id, position) "
            "VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM code_set_members WHERE set_id = ?1))");
        insert.bind_all(set, code).run();
    });
}

void CodeStore::remove_from_set(Id set, Id code) {
    project_.act("remove a code from a theme", [&] {
        auto remove = project_.db().prepare("DELETE FROM code_set_members WHERE set_id = ? AND code_id = ?");
        remove.bind_all(set, code).run();
    });
}

void CodeStore::remove_set(Id set) {
    project_.act("delete theme", [&] {
        auto remove = project_.db().prepare("DELETE FROM code_sets WHERE id = ?");
        remove.bind_all(set).run();
    });
}

CodebookImport CodeStore::load_codebook(const Codebook& codebook) {
    CodebookImport summary;
    auto& db = project_.db();
    std::map<std::string, Id> by_guid;
    std::function<void(const CodebookCode&, std::optional<Id>)> load = [&](const CodebookCode& entry,
                                                                           std::optional<Id> parent) {
        std::optional<Id> existing;
        auto find = db.prepare("SELECT id FROM codes WHERE guid = ?");
        find.bind_all(entry.guid);
        if (find.step()) existing = find.int64(0);
        if (!existing) {
            for (const auto& code : all()) {
                if (code.parent == parent && text::fold_case(code.name) == text::fold_case(entry.name)) existing = code.id;
            }
        }
        Id id = 0;
        if (existing) {
            id = *existing;
            auto update = db.prepare(
                "UPDATE codes SET color = coalesce(nullif(?, ''), color), definition = ?, codable = ? WHERE id = ?");
            update.bind_all(entry.color, entry.description, entry.codable ? 1 : 0, id).run();
            ++summary.updated;
        } else {
            id = add(entry.name, parent, entry.color, entry.description);
            auto keep = db.prepare("UPDATE codes SET guid = ?, codable = ? WHERE id = ?");
            keep.bind_all(entry.guid, entry.codable ? 1 : 0, id).run();
            ++summary.added;
        }
        by_guid[entry.guid] = id;
        for (const auto& child_entry : entry.children) load(child_entry, id);
    };
    project_.act("load codebook", [&] {
        for (const auto& entry : codebook.codes) load(entry, std::nullopt);
        for (const auto& set : codebook.sets) {
            std::optional<Id> existing;
            for (const auto& current : sets()) {
                if (current.guid == set.guid || text::fold_case(current.name) == text::fold_case(set.name)) {
                    existing = current.id;
                }
            }
            if (!existing) {
                existing = add_set(set.name, set.description, {});
                auto keep = db.prepare("UPDATE code_sets SET guid = ? WHERE id = ?");
                keep.bind_all(set.guid, *existing).run();
                ++summary.sets_added;
            }
            for (const auto& member : set.member_guids) add_to_set(*existing, by_guid.at(member));
        }
    });
    return summary;
}

Codebook CodeStore::to_codebook() const {
    Codebook codebook;
    codebook.origin = "Fokus";
    const auto codes = all();
    std::map<Id, std::string> guid_of;
    std::function<std::vector<CodebookCode>(std::optional<Id>)> children = [&](std::optional<Id> parent) {
        std::vector<CodebookCode> result;
        for (const auto& code : codes) {
            if (code.parent != parent) continue;
            guid_of[code.id] = code.guid;
            result.push_back({code.guid, code.name, code.color, code.definition, code.codable, children(code.id)});
        }
        return result;
    };
    codebook.codes = children(std::nullopt);
    for (const auto& set : sets()) {
        CodebookSet entry{set.guid, set.name, set.description, {}};
        for (const Id member : set.members) entry.member_guids.push_back(guid_of.at(member));
        codebook.sets.push_back(std::move(entry));
    }
    return codebook;
}

}  // namespace fokus
