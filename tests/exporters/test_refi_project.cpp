// The sample project as a REFI-QDA project: valid against the schema, and
// round-tripped through export and import with nothing lost or moved.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include <set>
#include <tuple>

#include "analysis/bikva_chains.h"
#include "cli_runner.h"
#include "coding/codebook.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/exchange.h"
#include "coding/memos.h"
#include "coding/merge.h"
#include "coding/participants.h"
#include "coding/project.h"
#include "coding/sqlite.h"
#include "exporters/refi_project.h"
#include "importers/batch.h"
#include "importers/refi_project.h"
#include "importers/zip_archive.h"
#include "scratch.h"

using namespace fokus;

namespace {

struct CodedSample {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "eksempel.fokus");
    Id borgere = 0, raadgivere = 0;

    CodedSample() {
        project.set_coder("Åse");
        const std::filesystem::path corpus = std::filesystem::path(FOKUS_SOURCE_DIR) / "sample-transcripts";
        importers::BatchOptions options;
        options.manifest = (corpus / "manifest.csv").string();
        options.participants = (corpus / "participants.csv").string();
        REQUIRE(importers::import_files(project, {corpus}, options).imported.size() == 13);
        DocumentStore documents(project);
        CodeStore codes(project);
        CodingStore codings(project);
        borgere = documents.resolve("bikva-1-borgere").id;
        raadgivere = documents.resolve("bikva-2-raadgivere").id;
        const Id tryghed = codes.resolve("Faglig tryghed").id;
        const Id rygdaekning = codes.add("Ledelsens rygdækning", tryghed, "#12AB34", "Når lederen står bag rådgiveren");
        for (const auto& document : documents.all()) {
            for (const auto& span : codings.find_text(document.id, "rådgiver")) codings.add(document.id, tryghed, span);
        }
        const auto leder = codings.find_text(raadgivere, "leder");
        REQUIRE(!leder.empty());
        const Id commented = codings.add(raadgivere, rygdaekning, leder.front(), "Rygdækning nævnt først her – vigtigt");
        project.set_coder("Bjørn");
        const auto first_turn = documents.turns(borgere).at(1).span;
        codings.add(borgere, codes.resolve("Motivation").id, first_turn);
        MemoStore memos(project);
        memos.add({MemoTarget::Kind::Project, 0}, "Om projektet", "Fokusgrupper i fem kommuner, forår 2025.");
        memos.add({MemoTarget::Kind::Document, borgere}, "Stemning", "Borgerne var åbne og ærlige.");
        memos.add({MemoTarget::Kind::Code, tryghed}, "", "Tryghed opstår i mødet med lederen.");
        memos.add({MemoTarget::Kind::Coding, commented}, "Kodningsnotat", "Se også Kommune B's ledere.");
        memos.add({MemoTarget::Kind::Document, borgere}, "", "Moderatoren kom for sent.\nVi startede kl. 10.15.");
        memos.add({MemoTarget::Kind::Project, 0}, "", "Husk samtykkeerklæringer.\nFra alle fem kommuner.");
        memos.add({MemoTarget::Kind::Project, 0}, "", "Husk samtykkeerklæringer.\nOgså fra moderatorerne.");
        LinkStore links(project);
        const auto statement = documents.turns(borgere).at(2).span;
        const auto read_out = documents.turns(raadgivere).at(1).span;
        const auto reaction = documents.turns(raadgivere).at(2).span;
        links.present({borgere, statement}, {raadgivere, read_out}, "Læst op af moderatoren");
        links.react({raadgivere, reaction}, {borgere, statement});
    }
};

using CodingRow = std::tuple<std::string, std::string, std::string, std::int64_t, std::int64_t, std::string>;

std::multiset<CodingRow> coding_rows(Project& project) {
    DocumentStore documents(project);
    CodeStore codes(project);
    std::multiset<CodingRow> rows;
    auto query = project.db().prepare(
        "SELECT d.name, c.name, u.name, k.start, k.end, k.comment FROM codings k JOIN documents d ON d.id = k.document_id "
        "JOIN codes c ON c.id = k.code_id JOIN coders u ON u.id = k.coder_id");
    while (query.step()) rows.insert({query.text(0), query.text(1), query.text(2), query.int64(3), query.int64(4), query.text(5)});
    return rows;
}

std::vector<std::string> code_tree(Project& project) {
    std::vector<std::string> lines;
    auto query = project.db().prepare(
        "SELECT coalesce(p.name, ''), c.name, c.color, c.definition, c.codable FROM codes c LEFT JOIN codes p ON p.id = c.parent_id "
        "ORDER BY coalesce(p.position, -1), c.position, c.name");
    while (query.step()) {
        lines.push_back(query.text(0) + " / " + query.text(1) + " " + query.text(2) + " " + query.text(3) + " " + query.text(4));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::set<std::string> rows_of(Project& project, const char* sql) {
    std::set<std::string> rows;
    auto query = project.db().prepare(sql);
    while (query.step()) {
        std::string row;
        for (int column = 0; column < query.column_count(); ++column) row += query.text(column) + " | ";
        rows.insert(row);
    }
    return rows;
}

const char* memo_rows =
    "SELECT coalesce(d.name, ''), coalesce(c.name, ''), coalesce(k.start, ''), m.title, m.text, coalesce(u.name, '') FROM memos m "
    "LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN codes c ON c.id = m.code_id "
    "LEFT JOIN codings k ON k.id = m.coding_id LEFT JOIN coders u ON u.id = m.coder_id";
const char* attribute_rows =
    "SELECT d.name, a.name, a.value FROM document_attributes a JOIN documents d ON d.id = a.document_id";
const char* participant_rows =
    "SELECT p.label, coalesce(a.name, ''), coalesce(a.value, '') FROM participants p "
    "LEFT JOIN participant_attributes a ON a.participant_id = p.id";
const char* speaker_rows =
    "SELECT d.name, s.label, coalesce(p.label, '') FROM speakers s JOIN documents d ON d.id = s.document_id "
    "LEFT JOIN participants p ON p.id = s.participant_id";
const char* link_rows =
    "SELECT l.kind, f.name, l.from_start, l.from_end, t.name, l.to_start, l.to_end, l.note FROM links l "
    "JOIN documents f ON f.id = l.from_document JOIN documents t ON t.id = l.to_document";
const char* document_rows = "SELECT name, text, length FROM documents";
const char* theme_rows =
    "SELECT s.name, c.name FROM code_sets s JOIN code_set_members m ON m.set_id = s.id JOIN codes c ON c.id = m.code_id";

}  // namespace

TEST_CASE("the exported project.qde validates against the REFI-QDA project schema") {
    CodedSample sample;
    const auto qdpx = sample.dir / "eksempel.qdpx";
    exporters::write_qdpx(read_exchange(sample.project), qdpx);
    importers::ZipArchive archive(qdpx, {});
    const auto qde = sample.dir / "project.qde";
    testing::write_file(qde, archive.read("project.qde"));
    const std::string schema = std::string(FOKUS_TEST_DATA) + "/refi-qda/Project.xsd";
    const std::string validate = "xmllint --noout --nonet --schema " + testing::shell_quote(schema) + " " +
                                 testing::shell_quote(qde.string()) + " 2>" + testing::shell_quote((sample.dir / "xmllint.log").string());
    CHECK_MESSAGE(std::system(validate.c_str()) == 0, testing::read_file(sample.dir / "xmllint.log"));
}

TEST_CASE("each document's text is a UTF-8 source, and each coding a selection at its code points into that text") {
    CodedSample sample;
    const auto qdpx = sample.dir / "eksempel.qdpx";
    exporters::write_qdpx(read_exchange(sample.project), qdpx);
    importers::ZipArchive archive(qdpx, {});
    pugi::xml_document qde;
    REQUIRE(qde.load_string(archive.read("project.qde").c_str()));
    const auto project = qde.child("Project");
    CHECK(std::string(project.attribute("xmlns").value()) == "urn:QDA-XML:project:1.0");
    DocumentStore documents(sample.project);
    const auto borgere = documents.get(sample.borgere);
    const auto source = project.child("Sources").find_child_by_attribute("TextSource", "guid", borgere.guid.c_str());
    REQUIRE(source);
    CHECK(std::string(source.attribute("name").value()) == "bikva-1-borgere");
    const std::string path = source.attribute("plainTextPath").value();
    REQUIRE(path == "internal://" + borgere.guid + ".txt");
    CHECK(archive.read("sources/" + borgere.guid + ".txt") == documents.text(sample.borgere));

    // Bjørn's Motivation coding of the first citizen's turn.
    const auto motivation = CodeStore(sample.project).resolve("Motivation");
    const auto turn = documents.turns(sample.borgere).at(1).span;
    bool found = false;
    for (auto selection : source.children("PlainTextSelection")) {
        auto coding = selection.child("Coding");
        if (!coding || std::string(coding.child("CodeRef").attribute("targetGUID").value()) != motivation.guid) continue;
        found = true;
        CHECK(selection.attribute("startPosition").as_llong() == turn.start);
        CHECK(selection.attribute("endPosition").as_llong() == turn.end);
        const std::string user = coding.attribute("creatingUser").value();
        CHECK(std::string(project.child("Users").find_child_by_attribute("User", "guid", user.c_str()).attribute("name").value()) ==
              "Bjørn");
    }
    CHECK(found);
    const auto rygdaekning = project.child("CodeBook").child("Codes").find_child_by_attribute("Code", "name", "Faglig tryghed")
                                 .find_child_by_attribute("Code", "name", "Ledelsens rygdækning");
    REQUIRE(rygdaekning);
    CHECK(std::string(rygdaekning.attribute("color").value()) == "#12AB34");
    CHECK(std::string(rygdaekning.child_value("Description")) == "Når lederen står bag rådgiveren");
    REQUIRE(project.child("Links").child("Link"));
}

TEST_CASE("export then import of the sample project round-trips everything at the same positions") {
    CodedSample sample;
    const auto qdpx = sample.dir / "eksempel.qdpx";
    exporters::write_qdpx(read_exchange(sample.project), qdpx);
    const auto exchange = importers::read_qdpx(qdpx);
    CHECK(exchange.warnings.empty());
    const Codebook none;
    auto copy = Project::create(sample.dir / "kopi.fokus", &none);
    copy.set_coder("Carl");
    const auto report = merge_exchange(copy, exchange, MergeOptions{"eksempel.qdpx"});
    CHECK(report.conflicts.empty());
    CHECK(report.documents.added == 13);

    CHECK(rows_of(copy, document_rows) == rows_of(sample.project, document_rows));
    CHECK(code_tree(copy) == code_tree(sample.project));
    CHECK(coding_rows(copy) == coding_rows(sample.project));
    CHECK(coding_rows(copy).size() > 50);
    CHECK(rows_of(copy, memo_rows) == rows_of(sample.project, memo_rows));
    CHECK(rows_of(copy, attribute_rows) == rows_of(sample.project, attribute_rows));
    CHECK(rows_of(copy, participant_rows) == rows_of(sample.project, participant_rows));
    CHECK(rows_of(copy, speaker_rows) == rows_of(sample.project, speaker_rows));
    CHECK(rows_of(copy, link_rows) == rows_of(sample.project, link_rows));
    CHECK(rows_of(copy, link_rows).size() == 2);
    CHECK(rows_of(copy, theme_rows) == rows_of(sample.project, theme_rows));

    // The BIKVA chain reads the same from the copy.
    const auto chains = bikva_chains(copy);
    const auto original = bikva_chains(sample.project);
    REQUIRE(chains.size() == original.size());
    REQUIRE(!chains.empty());
    CHECK(chains[0].statement.text == original[0].statement.text);
    CHECK(chains[0].reactions.size() == original[0].reactions.size());
}

TEST_CASE("each note's text is a file in the archive that its plainTextPath names, the way QualCoder reads notes") {
    CodedSample sample;
    const auto qdpx = sample.dir / "noter.qdpx";
    exporters::write_qdpx(read_exchange(sample.project), qdpx);
    importers::ZipArchive archive(qdpx, {});
    const std::string qde = archive.read("project.qde");
    CHECK(qde.find("PlainTextContent") == std::string::npos);  // the standard allows the path or the content, not both
    pugi::xml_document document;
    REQUIRE(document.load_string(qde.c_str()));
    std::set<std::string> texts;
    for (const auto& note : document.child("Project").child("Notes").children("Note")) {
        const std::string path = note.attribute("plainTextPath").value();
        REQUIRE(path.rfind("internal://", 0) == 0);
        const std::string entry = "sources/" + path.substr(std::string("internal://").size());
        REQUIRE(archive.has(entry));
        CHECK(entry == "sources/" + std::string(note.attribute("guid").value()) + ".txt");
        texts.insert(archive.read(entry));
        // QualCoder passes over a note without a name and stops at one without a date.
        CHECK_FALSE(std::string(note.attribute("name").value()).empty());
        CHECK_FALSE(std::string(note.attribute("creationDateTime").value()).empty());
    }
    CHECK(document.child("Project").child("Notes").find_child_by_attribute("Note", "name", "Tryghed opstår i mødet med lederen."));
    CHECK(texts == std::set<std::string>{"Fokusgrupper i fem kommuner, forår 2025.", "Borgerne var åbne og ærlige.",
                                         "Tryghed opstår i mødet med lederen.", "Se også Kommune B's ledere.", "Læst op af moderatoren",
                                         "Moderatoren kom for sent.\nVi startede kl. 10.15.", "Husk samtykkeerklæringer.\nFra alle fem kommuner.",
                                         "Husk samtykkeerklæringer.\nOgså fra moderatorerne."});
}

TEST_CASE("a document's memos are also its source's description, and no two notes share a name, as QualCoder needs to keep them") {
    CodedSample sample;
    const auto qdpx = sample.dir / "qualcoder.qdpx";
    exporters::write_qdpx(read_exchange(sample.project), qdpx);
    importers::ZipArchive archive(qdpx, {});
    pugi::xml_document document;
    REQUIRE(document.load_string(archive.read("project.qde").c_str()));
    const auto project = document.child("Project");

    // QualCoder's source memo is the <Description>; the titled memo has its title above its text.
    const auto borgere = project.child("Sources").find_child_by_attribute("TextSource", "name", "bikva-1-borgere");
    REQUIRE(borgere);
    CHECK(std::string(borgere.first_child().name()) == "Description");
    CHECK(std::string(borgere.child_value("Description")) ==
          "Stemning\nBorgerne var åbne og ærlige.\n\nModeratoren kom for sent.\nVi startede kl. 10.15.");
    CHECK(std::distance(borgere.children("NoteRef").begin(), borgere.children("NoteRef").end()) == 2);
    const auto raadgivere = project.child("Sources").find_child_by_attribute("TextSource", "name", "bikva-2-raadgivere");
    CHECK_FALSE(raadgivere.child("Description"));

    // QualCoder keeps the other notes as journal entries by name, and its import stops at a name used twice.
    std::multiset<std::string> names;
    for (const auto& note : project.child("Notes").children("Note")) names.insert(note.attribute("name").value());
    CHECK(names.count("Husk samtykkeerklæringer.") == 1);
    CHECK(names.count("Husk samtykkeerklæringer. (2)") == 1);
    CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
}
