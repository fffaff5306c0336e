#pragma once
// A whole project as a REFI-QDA project exchange file (.qdpx): project.qde
// (users, codebook, variables, cases, sources with selections and codings,
// notes, links, sets) and each document's text as UTF-8 under sources/.
// Positions are code points into that text, as in Fokus.
#include <filesystem>
#include <string>

#include "coding/exchange.h"

namespace fokus::exporters {

// The project.qde document; it validates against the REFI-QDA 1.0 Project.xsd.
std::string project_qde_xml(const ProjectExchange& exchange);

// Writes the .qdpx atomically; FileError naming the target on failure.
void write_qdpx(const ProjectExchange& exchange, const std::filesystem::path& target);

}  // namespace fokus::exporters
