#pragma once
// Data files compiled into the programs: the schema migrations and the
// default codebook from schemas/.
#include <string_view>
#include <utility>
#include <vector>

namespace fokus::embedded {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();

// The content of the embedded file with this name; throws Error if absent.
std::string_view file(std::string_view name);

}  // namespace fokus::embedded
