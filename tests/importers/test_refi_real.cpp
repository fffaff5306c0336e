// REFI-QDA projects written by other programs themselves (tests/data/refi-qda/real).
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "coding/codebook.h"
#include "coding/merge.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "coding/text.h"
#include "importers/refi_project.h"
#include "importers/zip_archive.h"
#include "qdpx_files.h"
#include "scratch.h"

using namespace fokus;

namespace {

std::filesystem::path real(const std::string& name) { return std::filesystem::path(FOKUS_TEST_DATA) / "refi-qda" / "real" / name; }

// QualCoder writes the text it stored for each coding as its selection's name.
std::map<std::string, std::string> stored_texts(const std::filesystem::path& qdpx) {
    importers::ZipArchive archive(qdpx, {});
    pugi::xml_document document;
    REQUIRE(document.load_string(archive.read("project.qde").c_str()));
    std::map<std::string, std::string> texts;
    for (const auto& source : document.child("Project").child("Sources").children("TextSource")) {
        for (const auto& selection : source.children("PlainTextSelection")) {
            texts[selection.child("Coding").attribute("guid").value()] = selection.attribute("name").value();
        }
    }
    return texts;
}

const ExchangeCode& code_named(const ProjectExchange& exchange, const std::string& name) {
    const auto found = std::find_if(exchange.codes.begin(), exchange.codes.end(), [&](const ExchangeCode& c) { return c.name == name; });
    REQUIRE(found != exchange.codes.end());
    return *found;
}

// What expected_from_xml.py read from each file's XML and texts.
nlohmann::json expected(const std::string& name) {
    std::ifstream in(real("expected.json"));
    REQUIRE(in);
    return nlohmann::json::parse(in).at(name);
}

const ExchangeDocument& document_of(const ProjectExchange& exchange, const std::string& guid) {
    const auto found = std::find_if(exchange.documents.begin(), exchange.documents.end(), [&](const ExchangeDocument& d) { return d.guid == guid; });
    REQUIRE(found != exchange.documents.end());
    return *found;
}

// Codes (GUID, name, parent), sources (names, lengths) and codings (code, text) as the writer stored them.
void check_against_xml(const ProjectExchange& exchange, const nlohmann::json& want) {
    CHECK(exchange.origin == want.at("origin").get<std::string>());
    std::map<std::string, std::pair<std::string, std::string>> codes, wanted_codes;
    for (const auto& code : exchange.codes) codes[code.guid] = {code.name, code.parent_guid};
    for (const auto& code : want.at("codes")) wanted_codes[code.at("guid")] = {code.at("name"), code.at("parent")};
    CHECK(codes.size() == exchange.codes.size());
    CHECK(codes == wanted_codes);

    REQUIRE(exchange.documents.size() == want.at("sources").size());
    for (std::size_t i = 0; i < exchange.documents.size(); ++i) {
        const auto& source = want.at("sources")[i];
        CAPTURE(source.at("name").get<std::string>());
        CHECK(exchange.documents[i].guid == source.at("guid").get<std::string>());
        CHECK(exchange.documents[i].content.name == source.at("name").get<std::string>());
        CHECK(text::count_code_points(exchange.documents[i].content.text) == source.at("length").get<std::size_t>());
    }

    REQUIRE(exchange.codings.size() == want.at("codings").size());
    std::map<std::string, const ExchangeCoding*> codings;
    for (const auto& coding : exchange.codings) codings[coding.guid] = &coding;
    for (const auto& coding : want.at("codings")) {
        const std::string guid = coding.at("guid");
        CAPTURE(guid);
        REQUIRE(codings.count(guid));
        const auto& found = *codings.at(guid);
        CHECK(found.code_guid == coding.at("code").get<std::string>());
        CHECK(found.document_guid == coding.at("source").get<std::string>());
        CHECK(testing::code_point_range(document_of(exchange, found.document_guid).content.text, found.span.start, found.span.end) ==
              coding.at("text").get<std::string>());
    }
}

// Each code as the names of its ancestors and its own, joined by " / ".
std::multiset<std::string> code_paths(Project& project) {
    std::multiset<std::string> paths;
    auto query = project.db().prepare(
        "WITH RECURSIVE path(id, name) AS (SELECT id, name FROM codes WHERE parent_id IS NULL UNION ALL "
        "SELECT c.id, p.name || ' / ' || c.name FROM codes c JOIN path p ON c.parent_id = p.id) SELECT name FROM path");
    while (query.step()) paths.insert(query.text(0));
    return paths;
}

// Each expected code's path, by its GUID.
std::map<std::string, std::string> paths_by_guid(const nlohmann::json& want) {
    std::map<std::string, std::pair<std::string, std::string>> codes;
    for (const auto& code : want.at("codes")) codes[code.at("guid")] = {code.at("name"), code.at("parent")};
    std::map<std::string, std::string> paths;
    for (const auto& [guid, code] : codes) {
        std::string path = code.first;
        for (auto parent = code.second; !parent.empty(); parent = codes.at(parent).second) path = codes.at(parent).first + " / " + path;
        paths[guid] = path;
    }
    return paths;
}

std::multiset<std::string> code_paths(const nlohmann::json& want) {
    std::multiset<std::string> paths;
    for (const auto& [guid, path] : paths_by_guid(want)) paths.insert(path);
    return paths;
}

}  // namespace

TEST_CASE("NVivo for Mac 15: 262 codes on seven levels with repeated names stay 262 in their places; its two empty sources come in reported") {
    const auto want = expected("nvivo-mac-15.0.0.qdpx");
    REQUIRE(want.at("codes").size() == 262);
    const auto exchange = importers::read_qdpx(real("nvivo-mac-15.0.0.qdpx"));
    check_against_xml(exchange, want);
    for (const auto& document : exchange.documents) {
        CHECK(document.content.text.empty());
        CHECK(std::count_if(exchange.warnings.begin(), exchange.warnings.end(), [&](const std::string& warning) {
                  return warning == "<TextSource name=\"" + document.content.name + "\"> has no text; imported as an empty document";
              }) == 1);
    }
    CHECK(exchange.left_out.empty());

    // In a new project, the same 262 codes in the same tree.
    testing::ScratchDir dir;
    const Codebook none;
    auto project = Project::create(dir / "nvivo.fokus", &none);
    const auto report = merge_exchange(project, exchange, MergeOptions{"nvivo-mac-15.0.0.qdpx"});
    CHECK(report.codes.added == 262);
    CHECK(report.documents.added == 2);
    CHECK(code_paths(project) == code_paths(want));
}

TEST_CASE("qc 1.3.2: the same 262 codes, sources named from their files, and 205 codings each on its own code and the same text") {
    const auto want = expected("qc-1.3.2-demo.qdpx");
    const auto exchange = importers::read_qdpx(real("qc-1.3.2-demo.qdpx"));
    check_against_xml(exchange, want);
    CHECK(exchange.warnings.empty());
    CHECK(exchange.left_out.empty());

    testing::ScratchDir dir;
    const Codebook none;
    auto project = Project::create(dir / "qc.fokus", &none);
    const auto report = merge_exchange(project, exchange, MergeOptions{"qc-1.3.2-demo.qdpx"});
    CHECK(report.codes.added == 262);
    CHECK(report.codings.added == 205);
    CHECK(report.notes.empty());  // nothing is "near" anything in a new project
    CHECK(code_paths(project) == code_paths(want));
    // Each coding on the code of its path: the repeated names did not pull codings together.
    const auto path_of_guid = paths_by_guid(want);
    std::multiset<std::string> wanted, stored;
    for (const auto& coding : want.at("codings")) wanted.insert(path_of_guid.at(coding.at("code")) + " @ " + coding.at("text").get<std::string>());
    auto query = project.db().prepare(
        "WITH RECURSIVE path(id, name) AS (SELECT id, name FROM codes WHERE parent_id IS NULL UNION ALL "
        "SELECT c.id, p.name || ' / ' || c.name FROM codes c JOIN path p ON c.parent_id = p.id) "
        "SELECT p.name, d.text, k.start, k.end FROM codings k JOIN path p ON p.id = k.code_id JOIN documents d ON d.id = k.document_id");
    while (query.step()) stored.insert(query.text(0) + " @ " + testing::code_point_range(query.text(1), query.int64(2), query.int64(3)));
    CHECK(stored.size() == 205);
    CHECK(stored == wanted);
}

TEST_CASE("ATLAS.ti 23: a codebook of codes under a code, upper-case GUIDs, and no sources") {
    const auto want = expected("atlas-ti-23.2.3-codebook.qdpx");
    const auto exchange = importers::read_qdpx(real("atlas-ti-23.2.3-codebook.qdpx"));
    check_against_xml(exchange, want);
    CHECK(exchange.codes.size() == 3);
    CHECK(exchange.documents.empty());
    CHECK(exchange.left_out.empty());
}

TEST_CASE("QualCoder's own exports, with plain and with MAXQDA line endings, come in whole") {
    for (const std::string name : {"qualcoder-4.0-beta.qdpx", "qualcoder-4.0-beta-maxqda-line-endings.qdpx"}) {
        CAPTURE(name);
        const auto exchange = importers::read_qdpx(real(name));
        CHECK(exchange.origin == "QualCoder 4.0 Beta");

        // A category is a code that cannot be applied; the sub-code sits under its code.
        REQUIRE(exchange.codes.size() == 4);
        const auto& category = code_named(exchange, "Skolens kultur");
        CHECK_FALSE(category.codable);
        CHECK(category.parent_guid.empty());
        CHECK(code_named(exchange, "Tillid").parent_guid == category.guid);
        CHECK(code_named(exchange, "Ledelsens rygdækning").parent_guid == code_named(exchange, "Tillid").guid);
        CHECK(code_named(exchange, "Inklusion").parent_guid.empty());
        CHECK(code_named(exchange, "Tillid").definition == "Tillid mellem kolleger");

        REQUIRE(exchange.documents.size() == 2);
        CHECK(exchange.documents[0].content.name == "Interview Mette.txt");
        CHECK(exchange.documents[1].content.name == "Interview Søren.txt");
        CHECK(text::count_code_points(exchange.documents[0].content.text) == 208);  // as QualCoder counts its text: Python's len()
        CHECK(text::count_code_points(exchange.documents[1].content.text) == 158);
        CHECK(exchange.documents[0].content.text.find('\r') == std::string::npos);
        CHECK(exchange.documents[0].content.text.rfind("Interviewer: Hvordan oplever", 0) == 0);

        std::vector<std::string> coders;
        for (const auto& coder : exchange.coders) coders.push_back(coder.name);
        std::sort(coders.begin(), coders.end());
        CHECK(coders == std::vector<std::string>{"Bjørn", "Åse"});

        const auto stored = stored_texts(real(name));
        REQUIRE(exchange.codings.size() == 5);
        REQUIRE(stored.size() == 5);
        for (const auto& coding : exchange.codings) {
            const auto document = std::find_if(exchange.documents.begin(), exchange.documents.end(),
                                               [&](const ExchangeDocument& d) { return d.guid == coding.document_guid; });
            REQUIRE(document != exchange.documents.end());
            CHECK(testing::code_point_range(document->content.text, coding.span.start, coding.span.end) == stored.at(coding.guid));
        }

        const auto journal = std::find_if(exchange.memos.begin(), exchange.memos.end(),
                                          [](const ExchangeMemo& m) { return m.title == "Refleksion efter Ærø"; });
        REQUIRE(journal != exchange.memos.end());
        CHECK(journal->text == "Mette talte frit; husk at spørge til forældrene næste gang.");
        CHECK(std::any_of(exchange.memos.begin(), exchange.memos.end(), [](const ExchangeMemo& m) { return m.text == "Pararbejde – spørg ind"; }));
        // QualCoder's memo on a source and on the project are descriptions.
        CHECK(exchange.memos.size() == 4);
        const auto on_source = std::find_if(exchange.memos.begin(), exchange.memos.end(),
                                            [](const ExchangeMemo& m) { return m.text == "Optaget på Ærø"; });
        REQUIRE(on_source != exchange.memos.end());
        CHECK(on_source->target == MemoTarget::Kind::Document);
        CHECK(on_source->target_guid == exchange.documents[0].guid);
        const auto on_project = std::find_if(exchange.memos.begin(), exchange.memos.end(),
                                             [](const ExchangeMemo& m) { return m.text == "Tryghed og inklusion i skolen"; });
        REQUIRE(on_project != exchange.memos.end());
        CHECK(on_project->target == MemoTarget::Kind::Project);
        CHECK(std::any_of(exchange.left_out.begin(), exchange.left_out.end(),
                          [](const ExchangeOmission& o) {
                              return o.kind == "places of annotations (their text is kept as a memo)" &&
                                     o.item == "note \"Pararbejde – spørg ind\" on PlainTextSelection 139-156";
                          }));
    }
}
