#pragma once
// Serialising the pugixml trees of the document writers: UTF-8 with an XML
// declaration, no indentation (white space in text matters in both formats).
#include <pugixml.hpp>

#include <sstream>
#include <string>

namespace fokus::exporters::detail {

inline pugi::xml_node add_declaration(pugi::xml_document& xml) {
    auto declaration = xml.prepend_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    declaration.append_attribute("standalone") = "yes";
    return declaration;
}

inline std::string to_string(const pugi::xml_document& xml) {
    std::ostringstream out;
    xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

}  // namespace fokus::exporters::detail
