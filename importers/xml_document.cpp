#include "importers/xml_document.h"

#include <functional>

#include "coding/error.h"
#include "coding/xml_characters.h"

namespace fokus::importers {

void parse_xml(pugi::xml_document& document, std::string content, const std::string& source, const std::string& part,
               const Limits& limits, std::vector<std::string>& warnings) {
    if (const auto replaced = replace_disallowed_xml_characters(content)) {
        warnings.push_back(part + ": " + replaced.describe() + (replaced.count == 1 ? " was" : " were") + " replaced by U+FFFD");
    }
    const auto parsed = document.load_buffer(content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                             pugi::encoding_utf8);
    if (!parsed) {
        throw FormatError(source, part + " is not well-formed XML: " + parsed.description() + " at byte " +
                                      std::to_string(parsed.offset));
    }
    // Walked iteratively so that a deeply nested file cannot exhaust the stack.
    std::vector<std::pair<pugi::xml_node, std::size_t>> pending{{document.document_element(), 1}};
    while (!pending.empty()) {
        const auto [node, depth] = pending.back();
        pending.pop_back();
        if (depth > limits.max_xml_depth) {
            throw FormatError(source, part + " is nested deeper than " + std::to_string(limits.max_xml_depth) + " levels");
        }
        for (auto child : node.children()) {
            if (child.type() == pugi::node_element) pending.emplace_back(child, depth + 1);
        }
    }
}

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace fokus::importers
