#pragma once
// The condensation grid as exported: a row per code, a column per document or
// per value of an attribute, each cell what the researcher condensed there.
#include <string>
#include <vector>

#include "coding/condensation.h"
#include "coding/segments.h"

namespace fokus {

// The grid as exported: a row per code, a column per document (when
// `attribute` is empty) or per value of `attribute`.
struct CondensationTable {
    std::vector<CodeItem> codes;
    std::vector<std::string> columns;
    std::vector<CondensationScope> scopes;  // what each column is
    std::vector<std::string> cells;  // row-major; empty where nothing is written
};
CondensationTable condensation_table(Project& project, const std::string& attribute);

}  // namespace fokus
