// import-qdpx and merge of REFI-QDA projects written by other programs.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "coding/codebook.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "qdpx_files.h"

using namespace fokus;
using testing::run_cli;

namespace {

const std::string user = "7a0e9c52-6f1d-4c1e-9a57-1b2c3d4e5f60";
const std::string rq2 = "b1000000-0000-4000-8000-000000000001";
const std::string teaching = "b1000000-0000-4000-8000-000000000002";
const std::string rq2_inclusion = "b1000000-0000-4000-8000-000000000003";
const std::string rq3 = "b1000000-0000-4000-8000-000000000004";
const std::string rq3_inclusion = "b1000000-0000-4000-8000-000000000005";
const std::string rq3_inclusions = "b1000000-0000-4000-8000-000000000006";

// Two interviews held twice: the same words in two sources.
const std::string interview = "Søren: Alle elever skal kunne være med, også når vi programmerer.\nÅse: Hvordan gør I det?\n";

std::string code(const std::string& guid, const std::string& name, const std::string& inner = "") {
    return "<Code guid=\"" + guid + "\" name=\"" + name + "\" isCodable=\"true\" color=\"#AA5500\">" + inner + "</Code>";
}

std::string coded_selection(const std::string& guid_tail, std::int64_t start, std::int64_t end, const std::string& code_guid) {
    return "<PlainTextSelection guid=\"c2000000-0000-4000-8000-0000000000" + guid_tail + "\" startPosition=\"" +
           std::to_string(start) + "\" endPosition=\"" + std::to_string(end) + "\" creatingUser=\"" + user +
           "\"><Coding guid=\"c3000000-0000-4000-8000-0000000000" + guid_tail + "\" creatingUser=\"" + user +
           "\"><CodeRef targetGUID=\"" + code_guid + "\"/></Coding></PlainTextSelection>";
}

// Seven levels would say no more than three do: the same name under two parents,
// and a near name beside it.
std::filesystem::path repeated_names_qdpx(const testing::ScratchDir& dir) {
    const std::string codebook =
        "<CodeBook><Codes>" + code(rq2, "rq2_curriculum_and_instruction", code(teaching, "undervisning", code(rq2_inclusion, "cs_inclusion"))) +
        code(rq3, "rq3_process", code(rq3_inclusion, "cs_inclusion") + code(rq3_inclusions, "cs_inclusions")) + "</Codes></CodeBook>";
    const std::string sources =
        "<Sources><TextSource guid=\"d1000000-0000-4000-8000-000000000001\" name=\"Interview Søren\" plainTextPath=\"internal://d1.txt\">" +
        coded_selection("01", 7, 29, rq2_inclusion) +
        "</TextSource><TextSource guid=\"d1000000-0000-4000-8000-000000000002\" name=\"Interview Søren, anden runde\" "
        "plainTextPath=\"internal://d2.txt\">" +
        coded_selection("02", 71, 89, rq3_inclusion) + "</TextSource></Sources>";
    return testing::write_qdpx_file(dir / "gentagne-navne.qdpx",
                                    testing::qde_project("<Users><User guid=\"" + user + "\" name=\"Åse\"/></Users>" + codebook + sources),
                                    {{"sources/d1.txt", interview}, {"sources/d2.txt", interview}});
}

std::int64_t count(const std::string& path, const std::string& sql) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    return project.db().scalar_int(sql);
}

}  // namespace

TEST_CASE("in a new project, codes of one name under two parents stay two, and sources of one text stay two documents") {
    testing::ScratchDir dir;
    const auto qdpx = repeated_names_qdpx(dir);
    const auto path = (dir / "ny.fokus").string();
    const auto imported = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("  codes: 6 new, 0 already here\n") != std::string::npos);
    CHECK(imported.out.find("  documents: 2 new, 0 already here\n") != std::string::npos);
    CHECK(imported.out.find("  codings: 2 new, 0 already here\n") != std::string::npos);
    CHECK(imported.out.find("resembles") == std::string::npos);
    CHECK(count(path, "SELECT count(*) FROM codes WHERE name = 'cs_inclusion'") == 2);

    const auto under_rq3 = run_cli(dir, {"codings", path, "--code", "rq3_process/cs_inclusion", "--json"});
    REQUIRE(under_rq3.exit_code == 0);
    const auto codings = nlohmann::json::parse(under_rq3.out);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["document"] == "Interview Søren, anden runde");
    CHECK(codings[0]["text"] == "Hvordan gør I det?");
    const auto under_rq2 = run_cli(dir, {"codings", path, "--code", "undervisning/cs_inclusion", "--json"});
    REQUIRE(under_rq2.exit_code == 0);
    CHECK(nlohmann::json::parse(under_rq2.out)[0]["document"] == "Interview Søren");
    CHECK(nlohmann::json::parse(under_rq2.out)[0]["text"] == "Alle elever skal kunne");

    const auto ambiguous = run_cli(dir, {"codings", path, "--code", "cs_inclusion"});
    CHECK(ambiguous.exit_code != 0);
    CHECK(ambiguous.err.find("ambiguous") != std::string::npos);
    CHECK(ambiguous.err.find("rq3_process/cs_inclusion") != std::string::npos);
}

TEST_CASE("Fokus's own export of two codes of one name comes back with both, each with its codings") {
    testing::ScratchDir dir;
    const auto path = (dir / "projekt.fokus").string();
    {
        const Codebook empty;
        auto project = Project::create(path, &empty);
        project.set_coder("Åse");
        CodeStore codes(project);
        const Id tryghed = codes.add("Tryghed");
        const Id ledelse = codes.add("Ledelse");
        const Id under_tryghed = codes.add("Rygdækning", tryghed);
        const Id under_ledelse = codes.add("Rygdækning", ledelse);
        NewDocument document;
        document.name = "Fokusgruppe Ærø";
        document.format = "txt";
        document.text = "Lederen står bag os.\nVi tør sige fra.";
        const Id id = DocumentStore(project).add(document);
        CodingStore(project).add(id, under_tryghed, Span{0, 7});
        CodingStore(project).add(id, under_ledelse, Span{21, 37});
    }
    const auto qdpx = (dir / "ud.qdpx").string();
    REQUIRE(run_cli(dir, {"export-qdpx", path, qdpx}).exit_code == 0);
    const auto copy = (dir / "kopi.fokus").string();
    REQUIRE(run_cli(dir, {"import-qdpx", copy, qdpx}).exit_code == 0);
    CHECK(count(copy, "SELECT count(*) FROM codes WHERE name = 'Rygdækning'") == 2);
    CHECK(count(copy, "SELECT count(*) FROM codings k JOIN codes c ON c.id = k.code_id JOIN codes p ON p.id = c.parent_id "
                      "WHERE p.name = 'Ledelse' AND k.start = 21 AND k.end = 37") == 1);
    CHECK(count(copy, "SELECT count(*) FROM codings k JOIN codes c ON c.id = k.code_id JOIN codes p ON p.id = c.parent_id "
                      "WHERE p.name = 'Tryghed' AND k.start = 0 AND k.end = 7") == 1);
}

TEST_CASE("merged into a project that has the codes and texts, names and texts match and near names are noted") {
    testing::ScratchDir dir;
    const auto qdpx = repeated_names_qdpx(dir);
    const auto path = (dir / "ny.fokus").string();
    REQUIRE(run_cli(dir, {"import-qdpx", path, qdpx.string()}).exit_code == 0);
    {
        // Here someone renamed the near name; the other file still has the old one.
        auto project = Project::open(path);
        CodeStore codes(project);
        codes.rename(codes.resolve("cs_inclusions").id, "cs_inklusion_i_praksis");
        project.db().prepare("UPDATE codes SET guid = ? WHERE name = 'cs_inklusion_i_praksis'")
            .bind_all("e9000000-0000-4000-8000-000000000001").run();
    }
    const auto merged = run_cli(dir, {"merge", path, qdpx.string()});
    REQUIRE(merged.exit_code == 0);
    CHECK(merged.out.find("  documents: 0 new, 2 already here\n") != std::string::npos);
    CHECK(merged.out.find("  codings: 0 new, 2 already here\n") != std::string::npos);
    CHECK(merged.out.find("  codes: 1 new, 5 already here\n") != std::string::npos);
    CHECK(merged.out.find("code \"cs_inclusions\" is new here but resembles") != std::string::npos);
}

namespace {

const std::string shared_guid = "d2000000-0000-4000-8000-00000000000A";

std::filesystem::path shared_guid_qdpx(const testing::ScratchDir& dir, const std::string& second_text) {
    const std::string sources =
        "<Sources><TextSource guid=\"" + shared_guid + "\" name=\"Interview Mette\" plainTextPath=\"internal://mette.txt\">" +
        coded_selection("11", 7, 29, rq3) + "</TextSource><TextSource guid=\"" + shared_guid +
        "\" name=\"Interview Bjørn\" plainTextPath=\"internal://bjørn.txt\"></TextSource></Sources>";
    const std::string body = "<Users><User guid=\"" + user + "\" name=\"Åse\"/></Users><CodeBook><Codes>" + code(rq3, "rq3_process") +
                             "</Codes></CodeBook>" + sources;
    return testing::write_qdpx_file(dir / "delt-guid.qdpx", testing::qde_project(body),
                                    {{"sources/mette.txt", interview}, {"sources/bjørn.txt", second_text}});
}

}  // namespace

TEST_CASE("two sources sharing a GUID but holding other texts are refused naming both; nothing is made or changed") {
    testing::ScratchDir dir;
    const auto qdpx = shared_guid_qdpx(dir, "Bjørn: Vi lærer dem at tænke algoritmisk, trin for trin, på skærmen.\n");
    const auto path = (dir / "ny.fokus").string();
    const auto refused = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    CHECK(refused.exit_code != 0);
    CHECK(refused.err.find(qdpx.string()) != std::string::npos);
    CHECK(refused.err.find("<TextSource name=\"Interview Bjørn\">") != std::string::npos);
    CHECK(refused.err.find("<TextSource name=\"Interview Mette\">") != std::string::npos);
    CHECK(refused.err.find("d2000000-0000-4000-8000-00000000000a") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".importing"));

    const auto existing = (dir / "eksisterende.fokus").string();
    REQUIRE(run_cli(dir, {"import-qdpx", existing, repeated_names_qdpx(dir).string()}).exit_code == 0);
    const auto codings_before = count(existing, "SELECT count(*) FROM codings");
    CHECK(run_cli(dir, {"merge", existing, qdpx.string()}).exit_code != 0);
    CHECK(count(existing, "SELECT count(*) FROM codings") == codings_before);
    CHECK(count(existing, "SELECT count(*) FROM documents") == 2);
}

TEST_CASE("a source repeated whole under its GUID is reported and read once, with its coding") {
    testing::ScratchDir dir;
    const auto qdpx = shared_guid_qdpx(dir, interview);
    const auto path = (dir / "ny.fokus").string();
    const auto imported = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.err.find("<TextSource name=\"Interview Bjørn\"> repeats the GUID d2000000-0000-4000-8000-00000000000a of an "
                            "identical <TextSource name=\"Interview Mette\">; read once") != std::string::npos);
    CHECK(count(path, "SELECT count(*) FROM documents") == 1);
    const auto codings = nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out);
    REQUIRE(codings.size() == 1);
    CHECK(codings[0]["document"] == "Interview Mette");
    CHECK(codings[0]["text"] == "Alle elever skal kunne");
}

TEST_CASE("one coding GUID on two codes is refused naming the coding") {
    testing::ScratchDir dir;
    const std::string body = "<CodeBook><Codes>" + code(rq2, "rq2_curriculum_and_instruction") + code(rq3, "rq3_process") +
                             "</Codes></CodeBook><Sources><TextSource guid=\"d1000000-0000-4000-8000-000000000001\" "
                             "name=\"Interview Søren\" plainTextPath=\"internal://d1.txt\">" +
                             coded_selection("01", 7, 29, rq2) + coded_selection("01", 71, 89, rq3) + "</TextSource></Sources>";
    const auto qdpx = testing::write_qdpx_file(dir / "kodning.qdpx", testing::qde_project(body), {{"sources/d1.txt", interview}});
    const auto path = (dir / "ny.fokus").string();
    const auto refused = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    CHECK(refused.exit_code != 0);
    CHECK(refused.err.find("<Coding> has the GUID c3000000-0000-4000-8000-000000000001") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("an empty source is imported as an empty document that search, export and import again take in their stride") {
    testing::ScratchDir dir;
    const std::string body = "<Users><User guid=\"" + user + "\" name=\"Åse\"/></Users><CodeBook><Codes>" + code(rq3, "rq3_process") +
                             "</Codes></CodeBook><Sources><TextSource guid=\"d1000000-0000-4000-8000-000000000001\" "
                             "name=\"Interview Søren\" plainTextPath=\"internal://d1.txt\">" + coded_selection("01", 7, 29, rq3) +
                             "</TextSource><TextSource guid=\"d1000000-0000-4000-8000-000000000002\" name=\"Interview Bodil (tom)\" "
                             "plainTextPath=\"internal://tom.txt\"/></Sources>";
    const auto qdpx = testing::write_qdpx_file(dir / "tom.qdpx", testing::qde_project(body, "NVivo for Mac 15.1"),
                                               {{"sources/d1.txt", interview}, {"sources/tom.txt", " \n"}});
    const auto path = (dir / "ny.fokus").string();
    const auto imported = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.err.find("<TextSource name=\"Interview Bodil (tom)\"> has no text; imported as an empty document") != std::string::npos);
    CHECK(count(path, "SELECT length FROM documents WHERE name = 'Interview Bodil (tom)'") == 0);

    const auto found = run_cli(dir, {"search", path, "elever", "--json"});
    CHECK(found.exit_code == 0);
    CHECK(found.out.find("Interview Søren") != std::string::npos);

    const auto again = (dir / "igen.qdpx").string();
    REQUIRE(run_cli(dir, {"export-qdpx", path, again}).exit_code == 0);
    const auto copy = (dir / "kopi.fokus").string();
    REQUIRE(run_cli(dir, {"import-qdpx", copy, again}).exit_code == 0);
    CHECK(count(copy, "SELECT count(*) FROM documents") == 2);
    CHECK(count(copy, "SELECT count(*) FROM codings") == 1);
}

TEST_CASE("--crlf-counts-as chooses how a CRLF in a source's positions is counted; auto goes by the writer") {
    testing::ScratchDir dir;
    const std::string windows = "Søren: Alle elever skal kunne være med.\r\nÅse: Hvordan gør I det?\r\n";
    // "Hvordan gør I det?" counted with the CRLF as one: 45-63; counted as two, 45-63 begins one character earlier.
    const std::string body = "<Users><User guid=\"" + user + "\" name=\"Åse\"/></Users><CodeBook><Codes>" + code(rq3, "rq3_process") +
                             "</Codes></CodeBook><Sources><TextSource guid=\"d1000000-0000-4000-8000-000000000001\" "
                             "name=\"Interview Søren\" plainTextPath=\"internal://d1.txt\">" + coded_selection("01", 45, 63, rq3) +
                             "</TextSource></Sources>";
    const auto qdpx = testing::write_qdpx_file(dir / "qualcoder.qdpx", testing::qde_project(body, "QualCoder 4.0 Beta"),
                                               {{"sources/d1.txt", "\xEF\xBB\xBF" + windows}});
    const auto coded_words = [&](const std::vector<std::string>& option) {
        const auto path = (dir / ("p" + std::to_string(option.size()) + (option.empty() ? "" : option[1]) + ".fokus")).string();
        std::vector<std::string> arguments{"import-qdpx", path, qdpx.string()};
        arguments.insert(arguments.end(), option.begin(), option.end());
        REQUIRE(run_cli(dir, arguments).exit_code == 0);
        return nlohmann::json::parse(run_cli(dir, {"codings", path, "--json"}).out)[0]["text"].get<std::string>();
    };
    CHECK(coded_words({}) == "Hvordan gør I det?");
    CHECK(coded_words({"--crlf-counts-as", "one"}) == "Hvordan gør I det?");
    CHECK(coded_words({"--crlf-counts-as", "two"}) == " Hvordan gør I det");
    const auto wrong = run_cli(dir, {"import-qdpx", (dir / "x.fokus").string(), qdpx.string(), "--crlf-counts-as", "tre"});
    CHECK(wrong.exit_code != 0);
    CHECK_FALSE(std::filesystem::exists(dir / "x.fokus"));
}

namespace {

// Everything a project from NVivo, MAXQDA or QualCoder may hold that Fokus has no place for.
std::filesystem::path mixed_media_qdpx(const testing::ScratchDir& dir) {
    const std::string text_source = "d1000000-0000-4000-8000-000000000001";
    const std::string body =
        "<Users><User guid=\"" + user + "\" name=\"Åse\"/></Users><CodeBook><Codes>" + code(rq3, "rq3_process") + "</Codes></CodeBook>"
        "<Variables><Variable guid=\"a0000000-0000-4000-8000-000000000001\" name=\"Skoleår\" typeOfVariable=\"Ordinal\"/></Variables>"
        "<Sources><TextSource guid=\"" + text_source + "\" name=\"Interview Søren\" plainTextPath=\"internal://d1.txt\">" +
        coded_selection("01", 7, 29, rq3) +
        "<PlainTextSelection guid=\"c2000000-0000-4000-8000-000000000099\" startPosition=\"71\" endPosition=\"89\">"
        "<Description>Spørgsmålet om løsninger</Description></PlainTextSelection>"
        "<VariableValue><VariableRef targetGUID=\"a0000000-0000-4000-8000-000000000001\"/><TextValue>7.</TextValue></VariableValue>"
        "</TextSource>"
        "<PDFSource guid=\"d3000000-0000-4000-8000-000000000001\" name=\"Læreplan.pdf\" path=\"internal://l.pdf\"/>"
        "<PDFSource guid=\"d3000000-0000-4000-8000-000000000002\" name=\"Årsplan.pdf\" path=\"internal://a.pdf\"/>"
        "<PictureSource guid=\"d3000000-0000-4000-8000-000000000003\" name=\"Tavlefoto.jpg\" path=\"internal://t.jpg\"/>"
        "<AudioSource guid=\"d3000000-0000-4000-8000-000000000004\" name=\"Interview Søren.mp3\" path=\"internal://s.mp3\"/>"
        "<VideoSource guid=\"d3000000-0000-4000-8000-000000000005\" name=\"Klasseværelset.mp4\" path=\"internal://k.mp4\"/>"
        "</Sources><Notes><Note guid=\"e5000000-0000-4000-8000-000000000001\" creatingUser=\"" + user + "\">"
        "<PlainTextContent>Søren tøver her</PlainTextContent><PlainTextSelection guid=\"e6000000-0000-4000-8000-000000000001\" "
        "startPosition=\"0\" endPosition=\"5\"/></Note></Notes>"
        "<Links><Link guid=\"e7000000-0000-4000-8000-000000000001\" name=\"ligner\" originGUID=\"c2000000-0000-4000-8000-000000000001\" "
        "targetGUID=\"c2000000-0000-4000-8000-000000000099\"/></Links>"
        "<Sets><Set guid=\"e8000000-0000-4000-8000-000000000001\" name=\"Interviews på Ærø\"><MemberSource targetGUID=\"" + text_source +
        "\"/></Set></Sets><Graphs><Graph guid=\"e9000000-0000-4000-8000-000000000001\" name=\"Inklusionskort\"/></Graphs>";
    return testing::write_qdpx_file(dir / "blandet.qdpx", testing::qde_project(body, "NVivo 14"), {{"sources/d1.txt", interview}});
}

}  // namespace

TEST_CASE("the import report names everything left out, grouped by kind with counts, in text and JSON") {
    testing::ScratchDir dir;
    const auto qdpx = mixed_media_qdpx(dir);
    const auto path = (dir / "ny.fokus").string();
    const auto imported = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    REQUIRE(imported.exit_code == 0);
    CHECK(imported.out.find("Left out, 12 in all:\n") != std::string::npos);
    CHECK(imported.out.find("  PDF sources: 2\n    \"Læreplan.pdf\"\n    \"Årsplan.pdf\"\n") != std::string::npos);
    CHECK(imported.out.find("  picture sources: 1\n    \"Tavlefoto.jpg\"\n") != std::string::npos);
    CHECK(imported.out.find("  audio sources: 1\n    \"Interview Søren.mp3\"\n") != std::string::npos);
    CHECK(imported.out.find("  video sources: 1\n    \"Klasseværelset.mp4\"\n") != std::string::npos);
    CHECK(imported.out.find("  graphs: 1\n    \"Inklusionskort\"\n") != std::string::npos);
    CHECK(imported.out.find("  annotations without a code: 1\n    \"Interview Søren\" 71-89: \"Spørgsmålet om løsninger\"\n") !=
          std::string::npos);
    CHECK(imported.out.find("  variables of unknown type: 1\n    \"Skoleår\" (Ordinal)\n") != std::string::npos);
    CHECK(imported.out.find("  values of variables of unknown type: 1\n") != std::string::npos);
    CHECK(imported.out.find("  links of kinds other than BIKVA's presented_to and reaction: 1\n    \"ligner\"\n") != std::string::npos);
    CHECK(imported.out.find("  sets of sources: 1\n    \"Interviews på Ærø\"\n") != std::string::npos);
    CHECK(imported.out.find("  places of annotations (their text is kept as a memo): 1\n") != std::string::npos);
    CHECK(count(path, "SELECT count(*) FROM documents") == 1);
    CHECK(count(path, "SELECT count(*) FROM codings") == 1);
    CHECK(count(path, "SELECT count(*) FROM memos WHERE text = 'Søren tøver her'") == 1);

    const auto as_json = run_cli(dir, {"import-qdpx", (dir / "json.fokus").string(), qdpx.string(), "--json"});
    REQUIRE(as_json.exit_code == 0);
    const auto report = nlohmann::json::parse(as_json.out);
    int total = 0;
    for (const auto& group : report["left_out"]) total += group["count"].get<int>();
    CHECK(total == 12);
    CHECK(report["left_out"][0]["kind"] == "variables of unknown type");
    const auto pdf = std::find_if(report["left_out"].begin(), report["left_out"].end(), [](const auto& g) { return g["kind"] == "PDF sources"; });
    REQUIRE(pdf != report["left_out"].end());
    CHECK((*pdf)["items"] == nlohmann::json::array({"\"Læreplan.pdf\"", "\"Årsplan.pdf\""}));
}

TEST_CASE("a fatal problem names the file, the element and the reason, and leaves no project behind") {
    testing::ScratchDir dir;
    const std::string body = "<CodeBook><Codes>" + code(rq3, "rq3_process") + "</Codes></CodeBook><Sources><TextSource guid=\"d1000000-"
                             "0000-4000-8000-000000000001\" name=\"Interview Søren\" plainTextPath=\"internal://mangler.txt\"/></Sources>";
    const auto qdpx = testing::write_qdpx_file(dir / "mangler.qdpx", testing::qde_project(body));
    const auto path = (dir / "ny.fokus").string();
    const auto refused = run_cli(dir, {"import-qdpx", path, qdpx.string()});
    CHECK(refused.exit_code != 0);
    CHECK(refused.err.find(qdpx.string() + ": <TextSource name=\"Interview Søren\">: the file \"mangler.txt\" is not in the archive") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".importing"));
}
