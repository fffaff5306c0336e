#include "attributes.h"

#include "collation.h"
#include "error.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

bool is_participant_attribute(std::string_view attribute) {
    return attribute.substr(0, participant_attribute_prefix.size()) == participant_attribute_prefix;
}

std::vector<std::string> column(Project& project, const char* sql, std::string_view bound = {}, bool bind = false) {
    auto query = project.db().prepare(sql);
    if (bind) query.bind_all(std::string(bound));
    std::vector<std::string> result;
    while (query.step()) result.push_back(query.text(0));
    text::sort_danish(result);
    return result;
}

}  // namespace

std::vector<std::string> AttributeCatalogue::document_attributes() const {
    return column(project_, "SELECT DISTINCT name FROM document_attributes");
}

std::vector<std::string> AttributeCatalogue::participant_attributes() const {
    auto names = column(project_, "SELECT DISTINCT name FROM participant_attributes");
    for (auto& name : names) name.insert(0, participant_attribute_prefix);
    return names;
}

std::vector<std::string> AttributeCatalogue::all() const {
    auto names = document_attributes();
    for (auto& name : participant_attributes()) names.push_back(std::move(name));
    return names;
}

std::vector<std::string> AttributeCatalogue::values(std::string_view attribute) const {
    if (is_participant_attribute(attribute)) {
        return column(project_, "SELECT DISTINCT value FROM participant_attributes WHERE name = ?",
                      attribute.substr(participant_attribute_prefix.size()), true);
    }
    return column(project_, "SELECT DISTINCT value FROM document_attributes WHERE name = ?", attribute, true);
}

bool AttributeCatalogue::exists(std::string_view attribute) const {
    const bool of_participants = is_participant_attribute(attribute);
    auto query = project_.db().prepare(of_participants ? "SELECT 1 FROM participant_attributes WHERE name = ? LIMIT 1"
                                                       : "SELECT 1 FROM document_attributes WHERE name = ? LIMIT 1");
    query.bind_all(std::string(of_participants ? attribute.substr(participant_attribute_prefix.size()) : attribute));
    return query.step();
}

std::vector<std::string> CoderDirectory::with_codings() const {
    return column(project_, "SELECT name FROM coders WHERE id IN (SELECT DISTINCT coder_id FROM codings)");
}

Id CoderDirectory::id_of(std::string_view name) const {
    auto query = project_.db().prepare("SELECT id FROM coders WHERE name = ?");
    query.bind_all(std::string(name));
    if (!query.step()) throw NotFoundError("no coder named " + text::quote(name));
    return query.int64(0);
}

std::map<Id, std::string> CoderDirectory::names() const {
    auto query = project_.db().prepare("SELECT id, name FROM coders");
    std::map<Id, std::string> names;
    while (query.step()) names.emplace(query.int64(0), query.text(1));
    return names;
}

ProjectCounts count_contents(Project& project) {
    auto& db = project.db();
    ProjectCounts counts;
    counts.codes = db.scalar_int("SELECT count(*) FROM codes");
    counts.codings = db.scalar_int("SELECT count(*) FROM codings");
    counts.coders = db.scalar_int("SELECT count(*) FROM coders");
    counts.memos = db.scalar_int("SELECT count(*) FROM memos");
    counts.participants = db.scalar_int("SELECT count(*) FROM participants");
    counts.schema_version = db.scalar_int("PRAGMA user_version");
    return counts;
}

}  // namespace fokus
