#include "analysis/condensation_table.h"

#include "coding/attributes.h"
#include "coding/documents.h"

namespace fokus {

CondensationTable condensation_table(Project& project, const std::string& attribute) {
    CondensationTable table;
    table.codes = all_code_items(project);
    std::vector<CondensationScope> scopes;
    if (attribute.empty()) {
        for (const auto& document : DocumentStore(project).all()) {
            table.columns.push_back(document.name);
            scopes.push_back(CondensationScope::of_document(document.id));
        }
    } else {
        table.columns = AttributeCatalogue(project).values(attribute);
        for (const auto& value : table.columns) scopes.push_back(CondensationScope::of_value(attribute, value));
    }
    table.scopes = scopes;
    const CondensationStore store(project);
    for (const auto& code : table.codes) {
        for (const auto& scope : scopes) {
            const auto found = store.get(code.id, scope);
            table.cells.push_back(found ? found->text : std::string());
        }
    }
    return table;
}

}  // namespace fokus
