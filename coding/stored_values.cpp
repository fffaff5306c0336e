#include "coding/stored_values.h"

#include "coding/project.h"
#include "coding/sqlite.h"

namespace fokus {

StoredPlaces find_stored(Project& project, std::string_view bytes) {
    auto& db = project.db();
    StoredPlaces places;
    std::vector<std::string> tables;
    auto list = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (list.step()) tables.push_back(list.text(0));
    for (const auto& table : tables) {
        std::string any;
        auto columns = db.prepare("SELECT name FROM pragma_table_info(?)");
        columns.bind_all(table);
        while (columns.step()) {
            any += (any.empty() ? "" : " OR ") + ("instr(CAST(\"" + columns.text(0) + "\" AS BLOB), ?1) > 0");
        }
        if (any.empty()) continue;
        auto query = db.prepare("SELECT 1 FROM \"" + table + "\" WHERE " + any + " LIMIT 1");
        query.bind_blob(1, bytes.data(), bytes.size());
        if (!query.step()) continue;
        if (table == "undo_log") {
            places.history = true;
        } else {
            places.tables.push_back(table);
        }
    }
    return places;
}

}  // namespace fokus
