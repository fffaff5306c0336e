// REFI-QDA files shaped as NVivo, ATLAS.ti, MAXQDA and QualCoder write them.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "coding/error.h"
#include "coding/text.h"
#include "exporters/zip_writer.h"
#include "importers/refi_project.h"
#include "qdpx_files.h"
#include "scratch.h"

using namespace fokus;

namespace {

const std::string code_guid = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
const std::string user_guid = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

const std::string codebook = "<Users><User guid=\"" + user_guid + "\" name=\"Bjørn\"/></Users><CodeBook><Codes><Code guid=\"" +
                             code_guid + "\" name=\"Tillid\" isCodable=\"true\"/></Codes></CodeBook>";

// Three lines as Windows ends them.
const std::string crlf_text = "Åse: Hvordan går det?\r\nMette: Godt, vi stoler på hinanden 😊\r\nÅse: Også på lederen?\r\n";

std::string coded(const std::string& tail, std::int64_t start, std::int64_t end) {
    return "<PlainTextSelection guid=\"f0000000-0000-4000-8000-0000000000" + tail + "\" startPosition=\"" + std::to_string(start) +
           "\" endPosition=\"" + std::to_string(end) + "\" creatingUser=\"" + user_guid + "\"><Coding guid=\"f1000000-0000-4000-8000-0000000000" +
           tail + "\" creatingUser=\"" + user_guid + "\"><CodeRef targetGUID=\"" + code_guid + "\"/></Coding></PlainTextSelection>";
}

std::string source(const std::string& attributes, const std::string& inner = "") {
    static int sources = 0;
    return "<TextSource guid=\"e0000000-0000-4000-8000-0000000000" + std::to_string(10 + ++sources % 80) + "\" " + attributes + ">" +
           inner + "</TextSource>";
}

// Where `words` lie in `text`, counted in code points with CRLF as one or as two.
std::pair<std::int64_t, std::int64_t> where(std::string text, const std::string& words, bool crlf_as_one) {
    if (crlf_as_one) {
        for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at)) text.erase(at, 1);
    }
    const auto at = text.find(words);
    REQUIRE(at != std::string::npos);
    const auto start = static_cast<std::int64_t>(text::count_code_points(text.substr(0, at)));
    return {start, start + static_cast<std::int64_t>(text::count_code_points(words))};
}

std::string coded_text(const ProjectExchange& exchange, std::size_t coding = 0) {
    REQUIRE(exchange.codings.size() > coding);
    const auto& found = exchange.codings[coding];
    const auto document = std::find_if(exchange.documents.begin(), exchange.documents.end(),
                                       [&](const ExchangeDocument& d) { return d.guid == found.document_guid; });
    REQUIRE(document != exchange.documents.end());
    return testing::code_point_range(document->content.text, found.span.start, found.span.end);
}

bool warned(const ProjectExchange& exchange, const std::string& part) {
    return std::any_of(exchange.warnings.begin(), exchange.warnings.end(),
                       [&](const std::string& warning) { return warning.find(part) != std::string::npos; });
}

std::string empty_docx(const testing::ScratchDir& dir) {
    const auto path = dir / "tom.docx";
    exporters::write_zip(path, [&](exporters::ZipWriter& zip) {
        zip.add("[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        zip.add("word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                "2006/main\"><w:body><w:p/><w:sectPr/></w:body></w:document>");
    });
    return testing::read_file(path);
}

}  // namespace

TEST_CASE("NVivo for Mac: a source of one line break and an empty .docx is an empty document with a warning; the rest is read") {
    testing::ScratchDir dir;
    const std::string sources = "<Sources>" +
                                source("name=\"Interview Søren (ikke transskriberet)\" plainTextPath=\"internal://tom.txt\" "
                                       "richTextPath=\"internal://tom.docx\"") +
                                source("name=\"Interview Mette\" plainTextPath=\"internal://mette.txt\"", coded("01", 5, 10)) +
                                "</Sources>";
    const auto path = testing::write_qdpx_file(dir / "nvivo.qdpx", testing::qde_project(codebook + sources, "NVivo for Mac 15.1"),
                                               {{"sources/tom.txt", "\n"}, {"sources/tom.docx", empty_docx(dir)},
                                                {"sources/mette.txt", "Åse: Hvordan går det?"}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.documents.size() == 2);
    CHECK(exchange.documents[0].content.name == "Interview Søren (ikke transskriberet)");
    CHECK(exchange.documents[0].content.text.empty());
    CHECK(warned(exchange, "<TextSource name=\"Interview Søren (ikke transskriberet)\"> has no text; imported as an empty document"));
    CHECK(coded_text(exchange) == "Hvord");
}

TEST_CASE("a source without a name is named from its text file, else its rich-text file, else by its place") {
    testing::ScratchDir dir;
    const std::string sources = "<Sources>" + source("plainTextPath=\"internal://Interview_Åse.txt\"") +
                                source("richTextPath=\"C:\\Users\\bjørn\\Documents\\Fokusgruppe Ærø.docx\"") +
                                "<TextSource guid=\"e0000000-0000-4000-8000-0000000000ff\"><PlainTextContent>Tekst uden navn.</PlainTextContent>"
                                "</TextSource></Sources>";
    const std::string docx_path = "sources/Fokusgruppe Ærø.docx";
    const auto docx = [&] {
        const auto file = dir / "ærø.docx";
        exporters::write_zip(file, [&](exporters::ZipWriter& zip) {
            zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            zip.add("word/document.xml",
                    "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    "<w:p><w:r><w:t>Vi mødes på Ærø.</w:t></w:r></w:p></w:body></w:document>");
        });
        return testing::read_file(file);
    }();
    const auto path = testing::write_qdpx_file(dir / "navne.qdpx", testing::qde_project(codebook + sources, "MAXQDA 24"),
                                               {{"sources/Interview_Åse.txt", "Åse: Ja."}, {docx_path, docx}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.documents.size() == 3);
    CHECK(exchange.documents[0].content.name == "Interview_Åse");
    CHECK(exchange.documents[1].content.name == "Fokusgruppe Ærø");
    CHECK(exchange.documents[1].content.text == "Vi mødes på Ærø.");
    CHECK(exchange.documents[2].content.name == "Document 3");
}

TEST_CASE("ATLAS.ti: the project file named after the project, CRLF counted as one, relative and backslash paths") {
    testing::ScratchDir dir;
    const auto [start, end] = where(crlf_text, "vi stoler på hinanden 😊", true);
    const auto [start2, end2] = where(crlf_text, "Også på lederen?", true);
    const std::string sources = "<Sources>" +
                                source("name=\"Mette\" plainTextPath=\"relative://tekster\\mette.txt\"", coded("01", start, end) + coded("02", start2, end2)) +
                                "</Sources>";
    const auto path = testing::write_qdpx_file(dir / "atlas.qdpx", testing::qde_project(codebook + sources, "ATLAS.ti Windows 23.2.1"),
                                               {{"sources/tekster/mette.txt", crlf_text}}, "Tillid i teamet.qde");
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.codings.size() == 2);
    CHECK(coded_text(exchange, 0) == "vi stoler på hinanden 😊");
    CHECK(coded_text(exchange, 1) == "Også på lederen?");
    CHECK(warned(exchange, "counting each CRLF as one characters, as ATLAS.ti Windows 23.2.1 writes them"));
}

TEST_CASE("QualCoder with MAXQDA line endings: a byte-order mark, CRLF counted as one, upper-case GUIDs in references") {
    testing::ScratchDir dir;
    const auto [start, end] = where(crlf_text, "Også på lederen?", true);
    std::string upper_code = code_guid;
    std::transform(upper_code.begin(), upper_code.end(), upper_code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string selection = coded("01", start, end);
    selection.replace(selection.find(code_guid), code_guid.size(), "{" + upper_code + "}");
    const std::string sources = "<Sources>" + source("plainTextPath=\"internal://3f2a.txt\" name=\"mette.txt\"", selection) + "</Sources>";
    const auto path = testing::write_qdpx_file(dir / "qualcoder.qdpx", testing::qde_project(codebook + sources, "QualCoder 4.0 Beta"),
                                               {{"sources/3f2a.txt", "\xEF\xBB\xBF" + crlf_text}});
    const auto exchange = importers::read_qdpx(path);
    CHECK(coded_text(exchange) == "Også på lederen?");
    CHECK(exchange.documents[0].content.text.find('\r') == std::string::npos);

    SUBCASE("told to count two, the same positions land elsewhere") {
        const auto two = importers::read_qdpx(path, {}, importers::CrLfCounting::Two);
        CHECK(coded_text(two) != "Også på lederen?");
    }
}

TEST_CASE("from an unknown writer, the selections decide how CRLF was counted") {
    testing::ScratchDir dir;
    SUBCASE("a boundary between CR and LF fits only one") {
        // Counted as one, line 2 starts at 22; counted as two, 22 is between the CR and LF.
        const auto [start, end] = where(crlf_text, "Mette: Godt", true);
        REQUIRE(start == 22);
        const std::string sources = "<Sources>" + source("name=\"Mette\" plainTextPath=\"mette.txt\"", coded("01", start, end)) + "</Sources>";
        const auto path = testing::write_qdpx_file(dir / "ukendt.qdpx", testing::qde_project(codebook + sources, "Et program"),
                                                   {{"mette.txt", crlf_text}});
        const auto exchange = importers::read_qdpx(path);
        CHECK(coded_text(exchange) == "Mette: Godt");
        CHECK(warned(exchange, "since 1 selection boundaries would fall between a CR and its LF"));
    }
    SUBCASE("an end past the text counted the short way fits only two") {
        const auto [start, end] = where(crlf_text, "Også på lederen?\r\n", false);
        const std::string sources = "<Sources>" + source("name=\"Mette\" plainTextPath=\"mette.txt\"", coded("01", start, end)) + "</Sources>";
        const auto path = testing::write_qdpx_file(dir / "ukendt.qdpx", testing::qde_project(codebook + sources, "Et program"),
                                                   {{"mette.txt", crlf_text}});
        const auto exchange = importers::read_qdpx(path);
        CHECK(coded_text(exchange) == "Også på lederen?\n");
        CHECK(warned(exchange, "counting each CRLF as two characters, since 1 selection boundaries lie past the text"));
    }
}

TEST_CASE("variables on cases and on sources, and codes without colours") {
    testing::ScratchDir dir;
    const std::string variables =
        "<Variables><Variable guid=\"a0000000-0000-4000-8000-000000000001\" name=\"Kommune\" typeOfVariable=\"Text\"/>"
        "<Variable guid=\"A0000000-0000-4000-8000-000000000002\" name=\"Alder\" typeOfVariable=\"Integer\"/></Variables>";
    const std::string value = "<VariableValue><VariableRef targetGUID=\"a0000000-0000-4000-8000-000000000001\"/><TextValue>Ærø</TextValue>"
                              "</VariableValue>";
    const std::string cases = "<Cases><Case guid=\"a1000000-0000-4000-8000-000000000001\" name=\"Mette\"><Description>Lærer på Ærø</Description>"
                              "<VariableValue><VariableRef "
                              "targetGUID=\"A0000000-0000-4000-8000-000000000002\"/><IntegerValue>42</IntegerValue></VariableValue></Case></Cases>";
    const std::string sources = "<Sources>" + source("name=\"Mette\" plainTextPath=\"internal://m.txt\"", value) + "</Sources>";
    const auto path = testing::write_qdpx_file(dir / "variabler.qdpx", testing::qde_project(codebook + variables + cases + sources, "MAXQDA 24"),
                                               {{"sources/m.txt", "Mette: Ja."}});
    const auto exchange = importers::read_qdpx(path);
    CHECK(exchange.codes[0].color.empty());
    CHECK(exchange.documents[0].content.attributes.at("Kommune") == "Ærø");
    REQUIRE(exchange.participants.size() == 1);
    CHECK(exchange.participants[0].attributes.at("Alder") == "42");
    // A participant has no description in Fokus; the case's is named in the report.
    REQUIRE(exchange.left_out.size() == 1);
    CHECK(exchange.left_out[0].kind == "descriptions of cases");
    CHECK(exchange.left_out[0].item == "case \"Mette\": \"Lærer på Ærø\"");
}

TEST_CASE("a source's description is a memo on its document, beside the notes it refers to; the project's is on the project") {
    testing::ScratchDir dir;
    const std::string notes = "<Notes><Note guid=\"b0000000-0000-4000-8000-000000000001\" name=\"Stemning\" creationDateTime=\"2026-03-02T10:15:00Z\">"
                              "<PlainTextContent>God stemning i gruppen.</PlainTextContent></Note></Notes>";
    const std::string sources = "<Sources>" + source("name=\"Mette\" plainTextPath=\"internal://m.txt\"",
                                                     "<Description>Optaget på Ærø\nsent på dagen</Description>"
                                                     "<NoteRef targetGUID=\"b0000000-0000-4000-8000-000000000001\"/>") +
                                "</Sources>";
    const auto path = testing::write_qdpx_file(dir / "beskrivelser.qdpx",
                                               testing::qde_project(codebook + sources + notes + "<Description>Tryghed i skolen</Description>", "NVivo 14"),
                                               {{"sources/m.txt", "Mette: Ja."}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.memos.size() == 3);
    std::map<std::string, const ExchangeMemo*> by_text;
    for (const auto& memo : exchange.memos) by_text[memo.text] = &memo;
    REQUIRE(by_text.count("Optaget på Ærø\nsent på dagen"));
    CHECK(by_text["Optaget på Ærø\nsent på dagen"]->target == MemoTarget::Kind::Document);
    CHECK(by_text["Optaget på Ærø\nsent på dagen"]->target_guid == exchange.documents[0].guid);
    REQUIRE(by_text.count("God stemning i gruppen."));
    CHECK(by_text["God stemning i gruppen."]->target == MemoTarget::Kind::Document);
    CHECK(by_text["God stemning i gruppen."]->title == "Stemning");
    REQUIRE(by_text.count("Tryghed i skolen"));
    CHECK(by_text["Tryghed i skolen"]->target == MemoTarget::Kind::Project);
    CHECK(exchange.left_out.empty());
}

TEST_CASE("QualCoder: a sub-code written again under its category is one code, kept under its code; one GUID on two names is refused") {
    testing::ScratchDir dir;
    const std::string sub = "<Code guid=\"" + code_guid + "\" name=\"Ledelsens rygdækning\" isCodable=\"true\" color=\"#5882FA\" />";
    const std::string codes = "<CodeBook><Codes><Code guid=\"c0000000-0000-4000-8000-000000000001\" name=\"Skolens kultur\" isCodable=\"false\">"
                              "<Code guid=\"c0000000-0000-4000-8000-000000000002\" name=\"Tillid\" isCodable=\"true\">" + sub + "</Code>" +
                              sub + "</Code></Codes></CodeBook>";
    const auto path = testing::write_qdpx_file(dir / "qualcoder.qdpx", testing::qde_project(codes + "<Sources/>", "QualCoder 4.0 Beta"));
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.codes.size() == 3);
    CHECK(exchange.codes[2].name == "Ledelsens rygdækning");
    CHECK(exchange.codes[2].parent_guid == "c0000000-0000-4000-8000-000000000002");
    CHECK(warned(exchange, "<Code name=\"Ledelsens rygdækning\"> repeats the GUID " + code_guid));

    std::string renamed = codes;
    renamed.replace(renamed.rfind("Ledelsens rygdækning"), std::string("Ledelsens rygdækning").size(), "Rygdækning");
    const auto other = testing::write_qdpx_file(dir / "andet.qdpx", testing::qde_project(renamed + "<Sources/>", "QualCoder 4.0 Beta"));
    const std::string refusal = "<Code name=\"Rygdækning\"> has the GUID " + code_guid + ", which <Code name=\"Ledelsens rygdækning\"> has too";
    CHECK_THROWS_WITH_AS(importers::read_qdpx(other), doctest::Contains(refusal.c_str()), FormatError);
}
