// The coded transcript: every word of the speech on numbered lines no wider
// than asked, speakers on the first line of their turns, each coding's
// bracket over exactly the lines its words are on, and all of it in the
// .docx and .odt read back.
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <sstream>

#include "coding/codes.h"
#include "coding/codings.h"
#include "exporters/coded_transcript.h"
#include "fixtures.h"
#include "importers/zip_archive.h"
#include "scratch.h"

using namespace fokus;

namespace {

struct Coded {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "transskription.fokus");
    Id document = 0;
    Id code = 0;
    Coded() {
        project.set_coder("Testkoder");
        document = testing::add_focus_group(project);
        code = CodeStore(project).resolve("Faglig tryghed").id;
        CodingStore(project).add(document, code, testing::span_of(testing::focus_group_text, "lederen står bag os, når der kommer en klage"));
    }
};

std::string words_of(const std::string& text) {
    std::istringstream in(text);
    std::string word, joined;
    while (in >> word) joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

// The text of every <w:t> or text node under `node`, in order.
std::string all_text(const pugi::xml_node& node) {
    std::string text;
    for (const auto& piece : node.select_nodes("//text()")) text += std::string(piece.node().value()) + "\n";
    return text;
}

}  // namespace

TEST_CASE("every word of each turn's speech is on the transcript's lines, in order, none wider than asked") {
    Coded coded;
    exporters::TranscriptOptions options;
    options.line_width = 30;
    const auto transcript = exporters::coded_transcript(coded.project, coded.document, options);
    CHECK(transcript.title == "Fokusgruppe Kommune B");
    // The speech of each turn, from the fixture's lines: the text after "Label: ".
    std::vector<std::string> speakers, speeches;
    std::istringstream lines(testing::focus_group_text);
    for (std::string line; std::getline(lines, line);) {
        speakers.push_back(line.substr(0, line.find(": ")));
        speeches.push_back(line.substr(line.find(": ") + 2));
    }
    std::vector<std::string> found_speakers, found_speeches;
    std::int64_t number = 0;
    for (const auto& line : transcript.lines) {
        CHECK(line.number == ++number);
        std::string text;
        for (const auto& piece : line.pieces) text += piece.text;
        CHECK_MESSAGE((text::count_code_points(text) <= 30 || text.find(' ') == std::string::npos), text);
        if (!line.speaker.empty()) {
            found_speakers.push_back(line.speaker);
            found_speeches.push_back(text);
        } else {
            REQUIRE(!found_speeches.empty());
            found_speeches.back() += " " + text;
        }
    }
    CHECK(found_speakers == speakers);
    REQUIRE(found_speeches.size() == speeches.size());
    for (std::size_t i = 0; i < speeches.size(); ++i) CHECK(words_of(found_speeches[i]) == words_of(speeches[i]));
}

TEST_CASE("a coding's bracket begins on the line of its first word and ends on the line of its last, and its words are shaded") {
    Coded coded;
    exporters::TranscriptOptions options;
    options.line_width = 30;
    const auto transcript = exporters::coded_transcript(coded.project, coded.document, options);
    std::vector<std::size_t> shaded, marked;
    for (std::size_t i = 0; i < transcript.lines.size(); ++i) {
        for (const auto& piece : transcript.lines[i].pieces) {
            if (piece.coded) shaded.push_back(i);
        }
        for (const auto& mark : transcript.lines[i].margin) {
            CHECK(mark.code == "Faglig tryghed");
            marked.push_back(i);
            const auto expected = marked.size() == 1 ? exporters::MarginMark::Kind::Start : exporters::MarginMark::Kind::Middle;
            if (&mark != &transcript.lines[i].margin.back()) continue;
            if (marked.size() == 1) CHECK(mark.kind == expected);
        }
    }
    // "lederen står bag os, når der kommer en klage" is 44 characters: on two or three lines of 30.
    REQUIRE(marked.size() >= 2);
    CHECK(shaded == marked);
    CHECK(transcript.lines[marked.back()].margin.back().kind == exporters::MarginMark::Kind::End);
    std::string coded_text;
    for (const auto& line : transcript.lines) {
        for (const auto& piece : line.pieces) {
            if (piece.coded) coded_text += piece.text + " ";
        }
    }
    CHECK(words_of(coded_text) == "lederen står bag os, når der kommer en klage");
    REQUIRE(transcript.legend.size() == 1);
    CHECK(transcript.legend[0].code == "Faglig tryghed");
    CHECK(transcript.legend[0].codings == 1);
}

TEST_CASE("the .docx and .odt hold the numbers, speakers, words and the code in the margin") {
    Coded coded;
    const auto transcript = exporters::coded_transcript(coded.project, coded.document);
    for (const auto format : {exporters::TranscriptFormat::Docx, exporters::TranscriptFormat::Odt}) {
        const auto path = coded.dir / (format == exporters::TranscriptFormat::Docx ? "t.docx" : "t.odt");
        exporters::write_transcript(path, transcript, format);
        importers::ZipArchive archive(path, importers::Limits{});
        pugi::xml_document xml;
        REQUIRE(xml.load_string(archive.read(format == exporters::TranscriptFormat::Docx ? "word/document.xml" : "content.xml").c_str()));
        const auto text = all_text(xml);
        for (const char* expected : {"Nr.", "Interviewer", "Rådgiver 1", "Rådgiver 2", "┌ Faglig tryghed", "står bag os",
                                     "med stress."}) {
            CHECK_MESSAGE(text.find(expected) != std::string::npos, std::string(expected));
        }
        CHECK(text.find("\n" + std::to_string(transcript.lines.size()) + "\n") != std::string::npos);
    }
}
