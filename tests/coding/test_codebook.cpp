#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <cmath>
#include <set>

#include "coding/codebook.h"
#include "coding/codes.h"
#include "coding/embedded.h"
#include "coding/error.h"
#include "coding/project.h"
#include "scratch.h"

using namespace fokus;

namespace {

Codebook default_codebook() {
    return read_codebook(std::filesystem::path(FOKUS_SOURCE_DIR) / "schemas" / "default-codebook.qdc");
}

// WCAG relative luminance, to judge a colour against white.
double luminance(const std::string& colour) {
    auto channel = [&](int at) {
        const double value = std::stoi(colour.substr(static_cast<std::size_t>(at), 2), nullptr, 16) / 255.0;
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

}  // namespace

TEST_CASE("the default codebook holds the 17 codes in order, the three themes and the BIKVA stages") {
    const auto codebook = default_codebook();
    REQUIRE(codebook.codes.size() == 18);
    CHECK(codebook.codes[0].name == "Opfattelse af medarbejderomsætning");
    CHECK(codebook.codes[4].name == "Ledelseskultur og -stil");
    CHECK(codebook.codes[11].name == "Svære sager og følelsesmæssige krav");
    CHECK(codebook.codes[16].name == "Samarbejde på tværs");
    std::set<std::string> colours;
    for (std::size_t i = 0; i < 17; ++i) {
        const auto& code = codebook.codes[i];
        CHECK(code.codable);
        CHECK(code.description.find("English: ") != std::string::npos);
        colours.insert(code.color);
        // Readable on white: contrast of at least 3:1, as for large text.
        CHECK_MESSAGE((1.05 / (luminance(code.color) + 0.05)) >= 3.0, code.name << " " << code.color);
    }
    CHECK(colours.size() == 17);
    const auto& stages = codebook.codes[17];
    CHECK(stages.name == "BIKVA-trin");
    CHECK_FALSE(stages.codable);
    REQUIRE(stages.children.size() == 5);
    CHECK(stages.children[4].name == "Gode råd");
    CHECK(stages.children[0].name == "1 Brugere");
    CHECK(stages.children[3].name == "4 Politikere");
    REQUIRE(codebook.sets.size() == 3);
    CHECK(codebook.sets[0].name == "Kollektiv sammenhængskraft");
    CHECK(codebook.sets[0].member_guids ==
          std::vector<std::string>{codebook.codes[3].guid, codebook.codes[9].guid, codebook.codes[13].guid,
                                   codebook.codes[16].guid});
    CHECK(codebook.sets[1].member_guids.size() == 5);
    CHECK(codebook.sets[2].member_guids.size() == 3);
}

TEST_CASE("a codebook written and read back is identical") {
    const auto original = default_codebook();
    const auto written = write_codebook(original);
    const auto again = parse_codebook(written, "rundtur.qdc");
    CHECK(write_codebook(again) == written);
    REQUIRE(again.codes.size() == original.codes.size());
    for (std::size_t i = 0; i < original.codes.size(); ++i) {
        CHECK(again.codes[i].guid == original.codes[i].guid);
        CHECK(again.codes[i].name == original.codes[i].name);
        CHECK(again.codes[i].color == original.codes[i].color);
        CHECK(again.codes[i].description == original.codes[i].description);
    }
}

TEST_CASE("a project's codebook exports as it was loaded, hierarchy and themes included") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "eksport.fokus");
    const auto exported = CodeStore(project).to_codebook();
    const auto original = default_codebook();
    CHECK(write_codebook(exported) == write_codebook(Codebook{"Fokus", original.codes, original.sets}));
}

TEST_CASE("malformed codebooks are refused with the file and the problem named") {
    CHECK_THROWS_WITH_AS(parse_codebook("<CodeBook><Codes><Code", "kodebog.qdc"),
                         doctest::Contains("kodebog.qdc: not well-formed XML"), FormatError);
    CHECK_THROWS_WITH_AS(parse_codebook("<Project/>", "projekt.qdc"),
                         doctest::Contains("projekt.qdc: not a REFI-QDA codebook: the root element is <Project>"),
                         FormatError);
    CHECK_THROWS_WITH_AS(
        parse_codebook("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"nej\" name=\"Tryghed\" "
                       "isCodable=\"true\"/></Codes></CodeBook>",
                       "guid.qdc"),
        doctest::Contains("\"nej\" is not a GUID"), FormatError);
    CHECK_THROWS_WITH_AS(
        parse_codebook("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\" "
                       "name=\"Tryghed\" isCodable=\"true\" color=\"grøn\"/></Codes></CodeBook>",
                       "farve.qdc"),
        doctest::Contains("code \"Tryghed\" has an invalid colour \"grøn\""), FormatError);
    CHECK_THROWS_WITH_AS(
        parse_codebook("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\" "
                       "name=\"Tryghed\" isCodable=\"true\"/></Codes><Sets><Set guid=\"1b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\" "
                       "name=\"Tema\"><MemberCode guid=\"2b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\"/></Set></Sets></CodeBook>",
                       "tema.qdc"),
        doctest::Contains("set \"Tema\" names a code that is not in the codebook"), FormatError);
    CHECK_THROWS_WITH_AS(
        parse_codebook("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes><Code guid=\"0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\" "
                       "name=\"Tryghed&#0;Skjult\" isCodable=\"true\"/></Codes></CodeBook>",
                       "nul.qdc"),
        doctest::Contains("nul.qdc: has 1 character that XML does not allow (&#0;, on line 2); the codebook is refused"),
        FormatError);
    CHECK_THROWS_WITH_AS(read_codebook("/findes/ikke/kodebog.qdc"), "/findes/ikke/kodebog.qdc: cannot be read", FileError);
}

TEST_CASE("a UTF-16 codebook is read, and one holding a control character is refused like a UTF-8 one") {
    const auto utf16le = [](const std::string& utf8) {
        std::string bytes = "\xFF\xFE";
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(utf8);
        for (int i = 0; i < unicode.length(); ++i) {
            bytes += static_cast<char>(unicode[i] & 0xFF);
            bytes += static_cast<char>(unicode[i] >> 8);
        }
        return bytes;
    };
    const std::string codebook =
        "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code "
        "guid=\"0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\" name=\"NAME\" isCodable=\"true\"/></Codes></CodeBook>";
    const auto named = [&](const std::string& name) { return std::string(codebook).replace(codebook.find("NAME"), 4, name); };
    const auto read = parse_codebook(utf16le(named("Faglig tryghed på Ærø")), "utf16.qdc");
    REQUIRE(read.codes.size() == 1);
    CHECK(read.codes[0].name == "Faglig tryghed på Ærø");
    CHECK_THROWS_WITH_AS(parse_codebook(utf16le(named("Tryghed&#21;")), "styretegn.qdc"),
                         doctest::Contains("styretegn.qdc: has 1 character that XML does not allow (&#21;, on line 2)"),
                         FormatError);
}

TEST_CASE("codebooks from other tools: short colours, no colours, braces around GUIDs") {
    const auto codebook = parse_codebook(
        "<?xml version=\"1.0\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"NVivo\"><Codes>"
        "<Code guid=\"{0B5D7C1E-3D2A-4C55-9A7E-2B1F0C9D8E71}\" name=\" Sårbarhed \" isCodable=\"true\" color=\"#a3c\">"
        "<Code guid=\"1b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71\" name=\"Ø-kommuner\" isCodable=\"false\"/></Code>"
        "</Codes></CodeBook>",
        "nvivo.qdc");
    REQUIRE(codebook.codes.size() == 1);
    CHECK(codebook.origin == "NVivo");
    CHECK(codebook.codes[0].guid == "0b5d7c1e-3d2a-4c55-9a7e-2b1f0c9d8e71");
    CHECK(codebook.codes[0].name == "Sårbarhed");
    CHECK(codebook.codes[0].color == "#AA33CC");
    REQUIRE(codebook.codes[0].children.size() == 1);
    CHECK(codebook.codes[0].children[0].color.empty());
    CHECK_FALSE(codebook.codes[0].children[0].codable);
}

TEST_CASE("the default codebook is compiled into the program") {
    CHECK(embedded::file("default-codebook.qdc").find("Samarbejde på tværs") != std::string_view::npos);
    CHECK_THROWS_AS(embedded::file("findes-ikke.qdc"), Error);
}
