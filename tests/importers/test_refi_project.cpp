// REFI-QDA projects as real tools write them, each quirk in a hand-made file.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <map>

#include "coding/error.h"
#include "coding/text.h"
#include "exporters/zip_writer.h"
#include "importers/refi_project.h"
#include "scratch.h"

using namespace fokus;

namespace {

const std::string kode_guid = "4b1a3c3e-7d6f-4a43-9d0b-4f1e7c3a9e01";
const std::string under_guid = "4b1a3c3e-7d6f-4a43-9d0b-4f1e7c3a9e02";
const std::string kilde_guid = "9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f";
const std::string bruger_guid = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

const std::string tekst = "Interviewer: Hvad gør jer trygge?\nRådgiver 1: At lederen står bag os, når det brænder på.";

std::string codebook(const std::string& colour_attribute = " color=\"#C0392B\"") {
    return "<Users><User guid=\"" + bruger_guid + "\" name=\"Åse Bjørnsdóttir\"/></Users>"
           "<CodeBook><Codes><Code guid=\"" + kode_guid + "\" name=\"Faglig tryghed\" isCodable=\"true\"" + colour_attribute +
           "><Description>Tryghed i fagligheden</Description><Code guid=\"" + under_guid +
           "\" name=\"Ledelsens rygdækning\" isCodable=\"true\"/></Code></Codes></CodeBook>";
}

std::string selection(const std::string& guid_tail, std::int64_t start, std::int64_t end, const std::string& code = kode_guid) {
    return "<PlainTextSelection guid=\"11111111-2222-4333-8444-5555555555" + guid_tail + "\" startPosition=\"" +
           std::to_string(start) + "\" endPosition=\"" + std::to_string(end) + "\" creatingUser=\"" + bruger_guid +
           "\"><Coding guid=\"66666666-7777-4888-8999-0000000000" + guid_tail + "\"><CodeRef targetGUID=\"" + code +
           "\"/></Coding></PlainTextSelection>";
}

std::string project_qde(const std::string& body, const std::string& sources) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Tryghed\" "
           "origin=\"Et andet program\">" + body + "<Sources>" + sources + "</Sources></Project>";
}

std::string text_source(const std::string& path_attributes, const std::string& selections) {
    return "<TextSource guid=\"" + kilde_guid + "\" name=\"Fokusgruppe Kommune B\" " + path_attributes + ">" + selections +
           "</TextSource>";
}

std::filesystem::path write_qdpx(const testing::ScratchDir& dir, const std::string& qde,
                                 const std::map<std::string, std::string>& files) {
    const auto path = dir / "andet.qdpx";
    exporters::write_zip(path, [&](exporters::ZipWriter& zip) {
        zip.add("project.qde", qde);
        for (const auto& [name, bytes] : files) zip.add(name, bytes);
    });
    return path;
}

std::int64_t cp(const std::string& utf8) { return static_cast<std::int64_t>(text::count_code_points(utf8)); }

// The span of `words` in the Fokus text.
Span span_in(const std::string& text, const std::string& words) {
    const auto at = text.find(words);
    REQUIRE(at != std::string::npos);
    return Span{cp(text.substr(0, at)), cp(text.substr(0, at)) + cp(words)};
}

}  // namespace

TEST_CASE("a source path with internal:// is read from sources/, with codes, users and codings") {
    testing::ScratchDir dir;
    const auto span = span_in(tekst, "lederen står bag os");
    const auto path = write_qdpx(dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"",
                                                                         selection("01", span.start, span.end))),
                                 {{"sources/kilde.txt", tekst}});
    const auto exchange = importers::read_qdpx(path);
    CHECK(exchange.name == "Tryghed");
    REQUIRE(exchange.coders.size() == 1);
    CHECK(exchange.coders[0].name == "Åse Bjørnsdóttir");
    REQUIRE(exchange.codes.size() == 2);
    CHECK(exchange.codes[0].color == "#C0392B");
    CHECK(exchange.codes[0].definition == "Tryghed i fagligheden");
    CHECK(exchange.codes[1].parent_guid == kode_guid);
    REQUIRE(exchange.documents.size() == 1);
    CHECK(exchange.documents[0].content.text == tekst);
    REQUIRE(exchange.documents[0].content.turns.size() == 2);
    CHECK(exchange.documents[0].content.turns[1].speaker == "Rådgiver 1");
    REQUIRE(exchange.codings.size() == 1);
    CHECK(exchange.codings[0].span == span);
    CHECK(exchange.codings[0].coder_guid == bruger_guid);
    CHECK(exchange.warnings.empty());
}

TEST_CASE("a source path without internal://, as a bare file name or with backslashes, is found") {
    for (const std::string path_attribute : {"plainTextPath=\"kilde.txt\"", "plainTextPath=\"sources\\kilde.txt\"",
                                             "plainTextPath=\"relative://kilde.txt\""}) {
        CAPTURE(path_attribute);
        testing::ScratchDir dir;
        const auto path = write_qdpx(dir, project_qde(codebook(), text_source(path_attribute, "")), {{"sources/kilde.txt", tekst}});
        const auto exchange = importers::read_qdpx(path);
        REQUIRE(exchange.documents.size() == 1);
        CHECK(exchange.documents[0].content.text == tekst);
    }
}

TEST_CASE("plain text with a byte-order mark: the mark is not text and positions count from after it") {
    testing::ScratchDir dir;
    const auto span = span_in(tekst, "står bag os");
    const auto path = write_qdpx(dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"",
                                                                         selection("02", span.start, span.end))),
                                 {{"sources/kilde.txt", "\xEF\xBB\xBF" + tekst}});
    const auto exchange = importers::read_qdpx(path);
    CHECK(exchange.documents[0].content.text == tekst);
    REQUIRE(exchange.codings.size() == 1);
    CHECK(exchange.codings[0].span == span);
}

TEST_CASE("CRLF line ends become \\n and a coding counted over CRLF lands on the same words") {
    testing::ScratchDir dir;
    const std::string windows = "Interviewer: Hvad gør jer trygge?\r\nRådgiver 1: At lederen står bag os, når det brænder på.";
    const auto original = span_in(windows, "lederen står bag os");
    const auto path = write_qdpx(dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"",
                                                                         selection("03", original.start, original.end))),
                                 {{"sources/kilde.txt", windows}});
    const auto exchange = importers::read_qdpx(path);
    const auto& text = exchange.documents[0].content.text;
    CHECK(text == tekst);
    REQUIRE(exchange.codings.size() == 1);
    CHECK(exchange.codings[0].span == span_in(text, "lederen står bag os"));
}

TEST_CASE("an empty plain-text file beside a rich-text .docx source takes its text from the .docx") {
    testing::ScratchDir dir;
    const std::string document_xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        "<w:p><w:r><w:t>Interviewer: Hvad gør jer trygge?</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Rådgiver 1: At lederen står bag os, når det brænder på.</w:t></w:r></w:p></w:body></w:document>";
    std::string docx;
    {
        const auto docx_path = dir / "kilde.docx";
        exporters::write_zip(docx_path, [&](exporters::ZipWriter& zip) {
            zip.add("[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            zip.add("word/document.xml", document_xml);
        });
        docx = testing::read_file(docx_path);
    }
    const auto path = write_qdpx(
        dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\" richTextPath=\"internal://kilde.docx\"", "")),
        {{"sources/kilde.txt", ""}, {"sources/kilde.docx", docx}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.documents.size() == 1);
    CHECK(exchange.documents[0].content.text == tekst);
    CHECK(exchange.documents[0].content.turns.size() == 2);
}

TEST_CASE("codes without colours are read with none, for the project to give them one") {
    testing::ScratchDir dir;
    const auto path = write_qdpx(dir, project_qde(codebook(""), text_source("plainTextPath=\"internal://kilde.txt\"", "")),
                                 {{"sources/kilde.txt", tekst}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.codes.size() == 2);
    CHECK(exchange.codes[0].color.empty());
    CHECK(exchange.codes[1].color.empty());
}

TEST_CASE("a selection whose end lies past the text is reported and left out; the others are read") {
    testing::ScratchDir dir;
    const auto good = span_in(tekst, "Hvad gør jer trygge");
    const auto length = cp(tekst);
    const auto path = write_qdpx(
        dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"",
                                                 selection("04", good.start, good.end) + selection("05", length - 4, length + 40))),
        {{"sources/kilde.txt", tekst}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.codings.size() == 1);
    CHECK(exchange.codings[0].span == good);
    REQUIRE(exchange.left_out.size() == 1);
    CHECK(exchange.left_out[0].kind == "selections outside their text");
    CHECK(exchange.left_out[0].item.find("ends past the text (" + std::to_string(length) + " characters)") != std::string::npos);
    CHECK(exchange.left_out[0].item.find("Fokusgruppe Kommune B") != std::string::npos);
}

TEST_CASE("notes become memos on what refers to them; cases, variables and links are read") {
    testing::ScratchDir dir;
    const auto statement = span_in(tekst, "Hvad gør jer trygge?");
    const auto reaction = span_in(tekst, "At lederen står bag os");
    const std::string variable = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee01";
    const std::string role = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee02";
    const std::string note = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee03";
    const std::string body =
        codebook() + "<Variables><Variable guid=\"" + variable + "\" name=\"kommune\" typeOfVariable=\"Text\"/>"
        "<Variable guid=\"" + role + "\" name=\"rolle\" typeOfVariable=\"Text\"/></Variables>"
        "<Cases><Case guid=\"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee04\" name=\"B-R1\"><VariableValue><VariableRef targetGUID=\"" + role +
        "\"/><TextValue>Rådgiver</TextValue></VariableValue><SelectionRef targetGUID=\"11111111-2222-4333-8444-555555555507\"/></Case></Cases>";
    const std::string selections =
        selection("06", statement.start, statement.end) + selection("07", reaction.start, reaction.end) +
        "<NoteRef targetGUID=\"" + note + "\"/><VariableValue><VariableRef targetGUID=\"" + variable +
        "\"/><TextValue>Kommune B</TextValue></VariableValue>";
    std::string qde = project_qde(body, text_source("plainTextPath=\"internal://kilde.txt\"", selections));
    qde.replace(qde.find("</Project>"), 10,
                "<Notes><Note guid=\"" + note + "\" name=\"Om fokusgruppen\"><PlainTextContent>Stemningen var åben og tryg."
                "</PlainTextContent></Note></Notes><Links><Link guid=\"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee05\" name=\"reaction\" "
                "originGUID=\"11111111-2222-4333-8444-555555555507\" targetGUID=\"11111111-2222-4333-8444-555555555506\"/>"
                "<Link guid=\"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeee06\" name=\"ligner\"/></Links></Project>");
    const auto exchange = importers::read_qdpx(write_qdpx(dir, qde, {{"sources/kilde.txt", tekst}}));
    REQUIRE(exchange.memos.size() == 1);
    CHECK(exchange.memos[0].target == MemoTarget::Kind::Document);
    CHECK(exchange.memos[0].text == "Stemningen var åben og tryg.");
    CHECK(exchange.documents[0].content.attributes.at("kommune") == "Kommune B");
    REQUIRE(exchange.participants.size() == 1);
    CHECK(exchange.participants[0].attributes.at("rolle") == "Rådgiver");
    REQUIRE(exchange.participants[0].speaks_as.size() == 1);
    CHECK(exchange.participants[0].speaks_as[0].second == "Rådgiver 1");
    REQUIRE(exchange.links.size() == 1);
    CHECK(exchange.links[0].kind == Link::Kind::Reaction);
    CHECK(exchange.links[0].from == reaction);
    CHECK(exchange.links[0].to == statement);
    REQUIRE(exchange.left_out.size() == 1);
    CHECK(exchange.left_out[0].kind == "links of kinds other than BIKVA's presented_to and reaction");
    CHECK(exchange.left_out[0].item == "\"ligner\"");
}

TEST_CASE("broken files are refused naming the file, the element and the reason") {
    testing::ScratchDir dir;
    SUBCASE("no project.qde") {
        const auto path = dir / "tom.qdpx";
        exporters::write_zip(path, [](exporters::ZipWriter& zip) { zip.add("sources/x.txt", "æøå"); });
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path), doctest::Contains("tom.qdpx: is not a REFI-QDA project"), FormatError);
    }
    SUBCASE("a GUID that is not one") {
        std::string qde = project_qde(codebook(), "");
        qde.replace(qde.find(kode_guid), kode_guid.size(), "kode-ét");
        const auto path = write_qdpx(dir, qde, {});
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path),
                             doctest::Contains("<Code name=\"Faglig tryghed\">: guid \"kode-ét\" is not a GUID"), FormatError);
    }
    SUBCASE("a source file missing from the archive") {
        const auto path = write_qdpx(dir, project_qde(codebook(), text_source("plainTextPath=\"internal://væk.txt\"", "")), {});
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path),
                             doctest::Contains("<TextSource name=\"Fokusgruppe Kommune B\">: the file \"væk.txt\" is not in the archive"),
                             FormatError);
    }
    SUBCASE("project.qde that is not XML") {
        const auto path = write_qdpx(dir, "<Project name=\"Ø\"><CodeBook>", {});
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path), doctest::Contains("project.qde is not well-formed XML"), FormatError);
    }
}

TEST_CASE("a NUL written as &#0; in a source's text is replaced and reported with its line; the text after it is kept") {
    testing::ScratchDir dir;
    const std::string content = "Interviewer: Hvad gør jer trygge?&#0;\nRådgiver 1: At lederen står bag os.";
    const auto path = write_qdpx(dir, project_qde(codebook(), text_source("", "<PlainTextContent>" + content + "</PlainTextContent>")), {});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.documents.size() == 1);
    CHECK(exchange.documents[0].content.text == "Interviewer: Hvad gør jer trygge?\xEF\xBF\xBD\nRådgiver 1: At lederen står bag os.");
    REQUIRE(!exchange.warnings.empty());
    CHECK(exchange.warnings[0] == "project.qde: 1 character that XML does not allow (&#0;, on line 1) was replaced by U+FFFD");
}

TEST_CASE("control characters in names, as references or raw, are replaced, never kept to reach a terminal") {
    testing::ScratchDir dir;
    std::string qde = project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"", ""));
    qde.replace(qde.find("Faglig tryghed"), 14, "Faglig&#x1B;]0;ejet&#7; tryghed\x1b[2J");
    const auto exchange = importers::read_qdpx(write_qdpx(dir, qde, {{"sources/kilde.txt", tekst}}));
    REQUIRE(!exchange.codes.empty());
    CHECK(exchange.codes[0].name == "Faglig\xEF\xBF\xBD]0;ejet\xEF\xBF\xBD tryghed\xEF\xBF\xBD[2J");
    CHECK(exchange.warnings[0].find("3 characters that XML does not allow (the first, &#x1B;, on line 1)") != std::string::npos);
}

TEST_CASE("one large text file used by forty sources is refused at once, before it is read forty times") {
    testing::ScratchDir dir;
    std::string sources;
    for (int i = 0; i < 40; ++i) {
        char guid[37];
        std::snprintf(guid, sizeof guid, "9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d%04d", i);
        sources += "<TextSource guid=\"" + std::string(guid) + "\" name=\"Kilde " + std::to_string(i) +
                   "\" plainTextPath=\"internal://stor.txt\"/>";
    }
    for (const std::uintmax_t megabytes : {150u, 60u}) {
        CAPTURE(megabytes);
        const auto path = write_qdpx(dir, project_qde(codebook(), sources), {{"sources/stor.txt", std::string(megabytes << 20, 'a')}});
        const auto started = std::chrono::steady_clock::now();
        const std::string expected = megabytes > 100 ? "<TextSource name=\"Kilde 0\"> has a text file of 150 MB, more than the 100 MB"
                                                     : "andet.qdpx: its sources hold more than 512 MB of text in all";
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path), doctest::Contains(expected.c_str()), FormatError);
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        CHECK(seconds < 5.0);
    }
}

TEST_CASE("the entries of nested Word files count against one budget, and messages name the entry, never a temporary file") {
    testing::ScratchDir dir;
    std::string docx;
    {
        const auto docx_path = dir / "kilde.docx";
        exporters::write_zip(docx_path, [&](exporters::ZipWriter& zip) {
            zip.add("word/document.xml",
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>" +
                        tekst + std::string(1 << 20, ' ') + "</w:t></w:r></w:p></w:body></w:document>");
        });
        docx = testing::read_file(docx_path);
    }
    SUBCASE("an entry of the nested file over its own limit") {
        importers::Limits limits;
        limits.max_expanded_bytes = 512 << 10;
        const auto path = write_qdpx(dir, project_qde(codebook(), text_source("richTextPath=\"internal://kilde.docx\"", "")),
                                     {{"sources/kilde.docx", docx}});
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path, limits),
                             doctest::Contains("andet.qdpx: sources/kilde.docx: word/document.xml expands to"), FormatError);
    }
    SUBCASE("the same nested file read by many sources") {
        importers::Limits limits;
        limits.max_total_expanded_bytes = 5 << 20;
        std::string sources;
        for (int i = 0; i < 10; ++i) {
            sources += "<TextSource guid=\"9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d000" + std::to_string(i) + "\" name=\"Kilde " +
                       std::to_string(i) + "\" richTextPath=\"internal://kilde.docx\"/>";
        }
        const auto path = write_qdpx(dir, project_qde(codebook(), sources), {{"sources/kilde.docx", docx}});
        CHECK_THROWS_WITH_AS(importers::read_qdpx(path, limits), doctest::Contains("would take what this import expands past 5 MB"),
                             FormatError);
    }
}

TEST_CASE("invalid UTF-8 in a source's text is refused naming the .qdpx and the source") {
    testing::ScratchDir dir;
    const auto path = write_qdpx(dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"", "")),
                                 {{"sources/kilde.txt", "Rådgiver 1: Det er sv\xe6rt \xff\xfe at sige."}});
    CHECK_THROWS_WITH_AS(importers::read_qdpx(path), doctest::Contains("andet.qdpx: the text of \"Fokusgruppe Kommune B\""), FormatError);
}

TEST_CASE("a selection at a negative position is reported as starting before the text") {
    testing::ScratchDir dir;
    const auto path = write_qdpx(dir, project_qde(codebook(), text_source("plainTextPath=\"internal://kilde.txt\"", selection("01", -5, 10))),
                                 {{"sources/kilde.txt", tekst}});
    const auto exchange = importers::read_qdpx(path);
    REQUIRE(exchange.left_out.size() == 1);
    CHECK(exchange.left_out[0].item.find("at -5-10 starts before the text") != std::string::npos);
}
