#include <doctest/doctest.h>

#include "coding/xml_characters.h"

using namespace fokus;

namespace {

std::string replaced(std::string xml) {
    replace_disallowed_xml_characters(xml);
    return xml;
}

}  // namespace

TEST_CASE("references to characters XML does not allow become &#xFFFD;, in any spelling") {
    CHECK(replaced("<t>brænder&#0; på</t>") == "<t>brænder&#xFFFD; på</t>");
    CHECK(replaced("<t>&#x0;&#X00;&#00000000000000000000000;&#x1b;&#27;&#xFFFE;&#65535;&#xD800;&#x110000;&#99999999999999999999;</t>") ==
          "<t>&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;</t>");
}

TEST_CASE("allowed references, and text that only looks like one, are left exactly as they are") {
    const std::string allowed = "<t a=\"&#9;&#10;&#xD;&#x20;&#xE6;&#248;&#x10FFFF;&#xFFFD;\">&#; &#x; &#12a; &amp;#0; æøå</t>";
    CHECK(replaced(allowed) == allowed);
    std::string unchanged = allowed;
    CHECK_FALSE(replace_disallowed_xml_characters(unchanged));
}

TEST_CASE("raw control bytes become U+FFFD; tab, line feed and carriage return stay") {
    CHECK(replaced(std::string("<t>Åse\x1b[2J\x07 og\tBjørn\r\n</t>")) == "<t>Åse\xEF\xBF\xBD[2J\xEF\xBF\xBD og\tBjørn\r\n</t>");
    static constexpr char with_nul[] = "<t>før\0efter</t>";
    CHECK(replaced(std::string(with_nul, sizeof with_nul - 1)) == "<t>før\xEF\xBF\xBD" "efter</t>");
}

TEST_CASE("inside CDATA a reference is text and stays; a raw control byte is still replaced") {
    CHECK(replaced(std::string("<t><![CDATA[&#0; \x01]]>&#0;</t>")) == "<t><![CDATA[&#0; \xEF\xBF\xBD]]>&#xFFFD;</t>");
}

TEST_CASE("the first one found is named with its line, and all are counted") {
    std::string xml = "<?xml version=\"1.0\"?>\n<p>\n<t>ét&#x1B;]0;titel&#7;</t>\n<t>\x02</t></p>";
    const auto found = replace_disallowed_xml_characters(xml);
    CHECK(found.count == 3);
    CHECK(found.first == "&#x1B;");
    CHECK(found.first_line == 3);
    CHECK(found.describe() == "3 characters that XML does not allow (the first, &#x1B;, on line 3)");
}
