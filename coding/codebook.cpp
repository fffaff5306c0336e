#include "codebook.h"

#include <pugixml.hpp>
#include <unicode/unistr.h>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "error.h"
#include "identity.h"
#include "output_file.h"
#include "xml_characters.h"
#include "text.h"

namespace fokus {
namespace {

constexpr const char* codebook_namespace = "urn:QDA-XML:codebook:1.0";
constexpr int deepest_hierarchy = 64;

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
    for (auto node : parent.children()) {
        if (node.type() == pugi::node_element && local_name(node) == name) return node;
    }
    return {};
}

struct Reader {
    const std::string& source;
    std::set<std::string> guids;

    [[noreturn]] void fail(const std::string& problem) const { throw FormatError(source, problem); }

    std::string required(const pugi::xml_node& node, const char* attribute) const {
        const auto value = node.attribute(attribute);
        if (!value) fail(std::string("<") + node.name() + "> has no " + attribute + " attribute");
        return value.value();
    }

    std::string guid_of(const pugi::xml_node& node) {
        std::string guid = required(node, "guid");
        if (!is_guid(guid)) fail("\"" + guid + "\" is not a GUID (in <" + std::string(node.name()) + ">)");
        if (guid.front() == '{') guid = guid.substr(1, 36);
        for (auto& c : guid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return guid;
    }

    std::string text_of(const char* value, const std::string& what) const {
        try {
            return text::to_nfc(value, what);
        } catch (const InputError& error) {
            fail(error.what());
        }
    }

    CodebookCode code(const pugi::xml_node& node, int depth) {
        if (depth > deepest_hierarchy) fail("codes are nested deeper than " + std::to_string(deepest_hierarchy) + " levels");
        CodebookCode result;
        result.guid = guid_of(node);
        if (!guids.insert(result.guid).second) fail("the GUID " + result.guid + " is used twice");
        result.name = text::trim(text_of(required(node, "name").c_str(), "a code name"));
        if (result.name.empty()) fail("code " + result.guid + " has an empty name");
        const std::string codable = node.attribute("isCodable").value();
        result.codable = codable != "false" && codable != "0";
        if (const auto colour = node.attribute("color")) {
            result.color = normalise_colour(colour.value());
            if (result.color.empty()) fail("code \"" + result.name + "\" has an invalid colour \"" + colour.value() + "\"");
        }
        for (auto element : node.children()) {
            if (element.type() != pugi::node_element) continue;
            if (local_name(element) == "Description") {
                result.description = text_of(element.text().get(), "the description of \"" + result.name + "\"");
            } else if (local_name(element) == "Code") {
                result.children.push_back(code(element, depth + 1));
            }
        }
        return result;
    }
};

void write_code(pugi::xml_node parent, const CodebookCode& code) {
    auto node = parent.append_child("Code");
    node.append_attribute("guid") = code.guid.c_str();
    node.append_attribute("name") = code.name.c_str();
    node.append_attribute("isCodable") = code.codable ? "true" : "false";
    if (!code.color.empty()) node.append_attribute("color") = code.color.c_str();
    if (!code.description.empty()) node.append_child("Description").text() = code.description.c_str();
    for (const auto& child_code : code.children) write_code(node, child_code);
}

}  // namespace

std::string normalise_colour(std::string_view colour) {
    if (colour.empty() || colour.front() != '#') return {};
    const auto digits = colour.substr(1);
    if (digits.size() != 3 && digits.size() != 6) return {};
    std::string result = "#";
    for (const char c : digits) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        result += upper;
        if (digits.size() == 3) result += upper;
    }
    return result;
}

namespace {

bool looks_like_utf16(std::string_view xml) {
    return xml.size() >= 2 && (xml.substr(0, 2) == "\xFF\xFE" || xml.substr(0, 2) == "\xFE\xFF" || xml[0] == '\0' || xml[1] == '\0');
}

// A UTF-16 codebook (by its byte-order mark, or its NUL bytes) in UTF-8, so
// that the check of its characters below sees the text itself.
std::string as_utf8(std::string_view xml) {
    if (!looks_like_utf16(xml)) return std::string(xml);
    const bool big_endian = xml.substr(0, 2) == "\xFE\xFF" || (xml.substr(0, 2) != "\xFF\xFE" && xml[0] == '\0');
    std::u16string units;
    units.reserve(xml.size() / 2);
    for (std::size_t i = 0; i + 1 < xml.size(); i += 2) {
        const auto first = static_cast<unsigned char>(xml[i]);
        const auto second = static_cast<unsigned char>(xml[i + 1]);
        units.push_back(static_cast<char16_t>(big_endian ? (first << 8) | second : (second << 8) | first));
    }
    if (!units.empty() && units.front() == u'\uFEFF') units.erase(0, 1);
    std::string utf8;
    icu::UnicodeString(units.data(), static_cast<std::int32_t>(units.size())).toUTF8String(utf8);
    return utf8;
}

}  // namespace

Codebook parse_codebook(std::string_view given, const std::string& source) {
    std::string xml = as_utf8(given);
    if (const auto found = replace_disallowed_xml_characters(xml)) {
        throw FormatError(source, "has " + found.describe() + "; the codebook is refused");
    }
    pugi::xml_document document;
    const auto parsed = document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        throw FormatError(source, std::string("not well-formed XML: ") + parsed.description() + " at byte " +
                                      std::to_string(parsed.offset));
    }
    Reader reader{source, {}};
    const auto root = document.document_element();
    if (local_name(root) != "CodeBook") {
        reader.fail(std::string("not a REFI-QDA codebook: the root element is <") + root.name() + ">, not <CodeBook>");
    }
    const std::string xmlns = root.attribute("xmlns").value();
    if (!xmlns.empty() && xmlns != codebook_namespace) {
        reader.fail("not a REFI-QDA codebook: unknown namespace \"" + xmlns + "\"");
    }
    Codebook result;
    result.origin = root.attribute("origin").value();
    const auto codes = child(root, "Codes");
    if (!codes) reader.fail("the codebook has no <Codes> element");
    for (auto node : codes.children()) {
        if (node.type() == pugi::node_element && local_name(node) == "Code") result.codes.push_back(reader.code(node, 1));
    }
    if (const auto sets = child(root, "Sets")) {
        std::set<std::string> set_guids;
        for (auto node : sets.children()) {
            if (node.type() != pugi::node_element || local_name(node) != "Set") continue;
            CodebookSet set;
            set.guid = reader.guid_of(node);
            set.name = text::trim(reader.text_of(reader.required(node, "name").c_str(), "a set name"));
            if (set.name.empty()) reader.fail("set " + set.guid + " has an empty name");
            for (auto element : node.children()) {
                if (element.type() != pugi::node_element) continue;
                if (local_name(element) == "Description") {
                    set.description = reader.text_of(element.text().get(), "the description of set \"" + set.name + "\"");
                } else if (local_name(element) == "MemberCode") {
                    auto guid = reader.guid_of(element);
                    if (!reader.guids.count(guid)) {
                        reader.fail("set \"" + set.name + "\" names a code that is not in the codebook: " + guid);
                    }
                    set.member_guids.push_back(std::move(guid));
                }
            }
            result.sets.push_back(std::move(set));
        }
    }
    return result;
}

Codebook read_codebook(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot be read");
    std::ostringstream content;
    content << in.rdbuf();
    return parse_codebook(content.str(), path.string());
}

std::string write_codebook(const Codebook& codebook) {
    pugi::xml_document document;
    auto declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "utf-8";
    auto root = document.append_child("CodeBook");
    root.append_attribute("xmlns") = codebook_namespace;
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_attribute("xsi:schemaLocation") =
        "urn:QDA-XML:codebook:1.0 http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd";
    root.append_attribute("origin") = codebook.origin.empty() ? "Fokus" : codebook.origin.c_str();
    auto codes = root.append_child("Codes");
    for (const auto& code : codebook.codes) write_code(codes, code);
    if (!codebook.sets.empty()) {
        auto sets = root.append_child("Sets");
        for (const auto& set : codebook.sets) {
            auto node = sets.append_child("Set");
            node.append_attribute("guid") = set.guid.c_str();
            node.append_attribute("name") = set.name.c_str();
            if (!set.description.empty()) node.append_child("Description").text() = set.description.c_str();
            for (const auto& member : set.member_guids) {
                node.append_child("MemberCode").append_attribute("guid") = member.c_str();
            }
        }
    }
    std::ostringstream out;
    document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

void save_codebook(const Codebook& codebook, const std::filesystem::path& path) {
    write_file(path, write_codebook(codebook));
}

}  // namespace fokus
