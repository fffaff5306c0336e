#pragma once
// Parsing an XML part of a container, with the file and part named in errors.
// pugixml never loads external entities or DTDs, so no file or network is touched.
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.h"

namespace fokus::importers {

// Characters XML does not allow are replaced by U+FFFD, with a warning
// naming the part and the line, instead of cutting the text short.
void parse_xml(pugi::xml_document& document, std::string content, const std::string& source, const std::string& part,
               const Limits& limits, std::vector<std::string>& warnings);

// The local part of an element name ("w:p" -> "p").
std::string_view local_name(const pugi::xml_node& node);

}  // namespace fokus::importers
