#pragma once
// Where in a project a value is stored: which tables hold it in their rows,
// and whether the undo history (a step's changes or its label) holds it. The
// deep anonymisation check uses it to say where a byte search found a name.
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

class Project;

struct StoredPlaces {
    std::vector<std::string> tables;  // besides the history
    bool history = false;
    bool empty() const { return tables.empty() && !history; }
};

StoredPlaces find_stored(Project& project, std::string_view bytes);

}  // namespace fokus
