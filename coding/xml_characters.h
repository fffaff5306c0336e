#pragma once
// Characters XML 1.0 does not allow (NUL, most C0 controls, surrogates,
// U+FFFE and U+FFFF), written raw or as character references such as &#0;.
// pugixml would take &#0; as the end of the text and silently cut it there,
// so they are found before parsing and replaced by U+FFFD, and the place of
// the first is reported.
#include <cstddef>
#include <string>

namespace fokus {

struct DisallowedXmlCharacters {
    std::size_t count = 0;
    std::size_t first_line = 0;  // counting from 1
    std::string first;           // as written: "&#0;", "&#x1B;", or "U+0001" for a raw byte

    explicit operator bool() const { return count > 0; }
    // "2 characters that XML does not allow (the first, &#0;, on line 3)"
    std::string describe() const;
};

// Replaces each such character in `xml` by U+FFFD (a reference by &#xFFFD;,
// outside CDATA sections, where a reference is only text). Returns what it found.
DisallowedXmlCharacters replace_disallowed_xml_characters(std::string& xml);

}  // namespace fokus
