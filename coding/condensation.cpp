#include "condensation.h"

#include <algorithm>

#include "codes.h"
#include "documents.h"
#include "error.h"
#include "identity.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* cell_condition =
    "code_id = ?1 AND coalesce(document_id, 0) = coalesce(?2, 0) AND coalesce(attribute_name, '') = ?3 "
    "AND coalesce(attribute_value, '') = ?4";

void check_scope(Project& project, const CondensationScope& scope) {
    if (scope.document) {
        DocumentStore(project).get(*scope.document);
    } else if (text::trim(scope.attribute).empty() || text::trim(scope.value).empty()) {
        throw InputError("a condensation is on a document, or on an attribute and one of its values");
    }
}

}  // namespace

void CondensationStore::set(Id code, const CondensationScope& scope, std::string_view text) {
    const auto target = CodeStore(project_).get(code);
    check_scope(project_, scope);
    const std::string cleaned = text::trim(text::to_nfc(text, "the condensation"));
    const std::string attribute = scope.document ? std::string() : text::trim(scope.attribute);
    const std::string value = scope.document ? std::string() : text::trim(scope.value);
    project_.act("condense \"" + target.name + "\"", [&] {
        auto& db = project_.db();
        auto remove = db.prepare(std::string("DELETE FROM condensations WHERE ") + cell_condition);
        remove.bind_all(code, scope.document, attribute, value).run();
        if (cleaned.empty()) return;
        auto insert = db.prepare(
            "INSERT INTO condensations(code_id, document_id, attribute_name, attribute_value, text, coder_id, modified_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind_all(code, scope.document, scope.document ? std::optional<std::string>() : std::optional(attribute),
                        scope.document ? std::optional<std::string>() : std::optional(value), cleaned, project_.coder_id(),
                        now_utc());
        insert.run();
    });
}

std::optional<Condensation> CondensationStore::get(Id code, const CondensationScope& scope) const {
    auto query = project_.db().prepare(
        std::string("SELECT c.text, coalesce(u.name, ''), c.modified_at FROM condensations c "
                    "LEFT JOIN coders u ON u.id = c.coder_id WHERE ") + cell_condition);
    query.bind_all(code, scope.document, scope.document ? std::string() : scope.attribute,
                   scope.document ? std::string() : scope.value);
    if (!query.step()) return std::nullopt;
    return Condensation{code, scope, query.text(0), query.text(1), query.text(2)};
}

std::vector<Condensation> CondensationStore::list() const {
    auto query = project_.db().prepare(
        "SELECT c.code_id, c.document_id, coalesce(c.attribute_name, ''), coalesce(c.attribute_value, ''), c.text, "
        "coalesce(u.name, ''), c.modified_at FROM condensations c LEFT JOIN coders u ON u.id = c.coder_id ORDER BY c.id");
    std::vector<Condensation> result;
    while (query.step()) {
        result.push_back(Condensation{query.int64(0),
                                      CondensationScope{query.optional_int64(1), query.text(2), query.text(3)},
                                      query.text(4), query.text(5), query.text(6)});
    }
    return result;
}

}  // namespace fokus
