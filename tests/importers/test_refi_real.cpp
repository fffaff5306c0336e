// REFI-QDA projects written by other programs themselves (tests/data/refi-qda/real).
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>

#include "coding/text.h"
#include "importers/refi_project.h"
#include "importers/zip_archive.h"
#include "qdpx_files.h"

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

}  // namespace

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
