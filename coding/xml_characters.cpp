#include "coding/xml_characters.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace fokus {
namespace {

bool allowed(std::uint32_t c) {
    if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    return c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}

bool raw_control(unsigned char byte) { return byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD; }

// The value of the reference "&#...;" starting at `at`, and its length; the
// length is 0 when the text there is no character reference.
struct Reference {
    std::uint32_t value = 0;
    std::size_t length = 0;
};

Reference reference_at(std::string_view xml, std::size_t at) {
    std::size_t i = at + 2;
    const bool hexadecimal = i < xml.size() && (xml[i] == 'x' || xml[i] == 'X');
    if (hexadecimal) ++i;
    const std::size_t digits_start = i;
    std::uint64_t value = 0;
    for (; i < xml.size(); ++i) {
        const char c = xml[i];
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (hexadecimal && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hexadecimal && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) break;
        // Saturated: leading zeros do not end it, and no length overflows it.
        value = std::min<std::uint64_t>(value * (hexadecimal ? 16 : 10) + static_cast<unsigned>(digit), 0x110000);
    }
    if (i == digits_start || i >= xml.size() || xml[i] != ';') return {};
    return {value > 0x10FFFF ? 0x110000u : static_cast<std::uint32_t>(value), i + 1 - at};
}

}  // namespace

std::string DisallowedXmlCharacters::describe() const {
    return std::to_string(count) + (count == 1 ? " character" : " characters") + " that XML does not allow (" +
           (count == 1 ? "" : "the first, ") + first + ", on line " + std::to_string(first_line) + ")";
}

DisallowedXmlCharacters replace_disallowed_xml_characters(std::string& xml) {
    DisallowedXmlCharacters found;
    std::string out;
    std::size_t copied = 0;  // bytes of xml already in out
    std::size_t line = 1;
    const auto note = [&](std::string as_written) {
        if (found.count++ == 0) {
            found.first = std::move(as_written);
            found.first_line = line;
        }
    };
    const std::string_view text(xml);
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            ++i;
        } else if (byte == '<' && text.compare(i, 9, "<![CDATA[") == 0) {
            const auto end = text.find("]]>", i + 9);
            const auto stop = end == std::string_view::npos ? text.size() : end + 3;
            for (; i < stop; ++i) {
                const unsigned char inside = static_cast<unsigned char>(text[i]);
                if (inside == '\n') ++line;
                if (raw_control(inside)) {
                    char name[8];
                    std::snprintf(name, sizeof name, "U+%04X", inside);
                    note(name);
                    out.append(text.substr(copied, i - copied)).append("\xEF\xBF\xBD");
                    copied = i + 1;
                }
            }
        } else if (raw_control(byte)) {
            char name[8];
            std::snprintf(name, sizeof name, "U+%04X", byte);
            note(name);
            out.append(text.substr(copied, i - copied)).append("\xEF\xBF\xBD");
            copied = ++i;
        } else if (byte == '&' && i + 1 < text.size() && text[i + 1] == '#') {
            const auto reference = reference_at(text, i);
            if (reference.length > 0 && !allowed(reference.value)) {
                note(std::string(text.substr(i, reference.length)));
                out.append(text.substr(copied, i - copied)).append("&#xFFFD;");
                copied = i + reference.length;
            }
            i += reference.length > 0 ? reference.length : 2;
        } else {
            ++i;
        }
    }
    if (found) {
        out.append(text.substr(copied));
        xml = std::move(out);
    }
    return found;
}

}  // namespace fokus
