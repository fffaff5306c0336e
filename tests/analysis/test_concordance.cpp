// The concordance on the sample corpus: as many lines as the word occurs
// (counted apart from Fokus by tests/analysis/independent_words.py), sorted as
// asked, and coded from in one undo step.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

#include "analysis/concordance.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/collation.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "importers/batch.h"
#include "sample_project.h"
#include "scratch.h"
#include "search/danish.h"

using namespace fokus;

namespace {

const std::filesystem::path source = FOKUS_SOURCE_DIR;

using Sample = testing::SampleProject;

// Each word's (or stem's) count, from the independent script with no stop words.
nlohmann::json independent_counts(const Sample& sample, bool stems) {
    const auto no_stop_words = sample.dir / "ingen.txt";
    testing::write_file(no_stop_words, "# none\n");
    const std::string command = "/usr/bin/python3 '" + (source / "tests/analysis/independent_words.py").string() + "' words '" +
                                sample.project.path().string() + "' '" + no_stop_words.string() + "'" + (stems ? " --stems" : "");
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string output;
    char buffer[65536];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) output.append(buffer, read);
    return nlohmann::json::parse(output)["words"];
}

std::string first_word(const std::string& text, bool last) {
    const auto words = search::tokenize(text);
    if (words.empty()) return {};
    return last ? words.back().lower : words.front().lower;
}

}  // namespace

TEST_CASE("a concordance has a line for every occurrence of the word, or of the words under its stem") {
    Sample sample;
    auto index = search::Index::open_for(sample.project);
    const auto words = independent_counts(sample, false);
    const auto stems = independent_counts(sample, true);
    for (const std::string word : {"sparring", "børnene", "rådgiver", "og", "tryghed"}) {
        ConcordanceOptions options;
        const auto lines = concordance(index, word, options);
        CHECK_MESSAGE(static_cast<std::int64_t>(lines.size()) == words[word][0].get<std::int64_t>(), word);
        for (const auto& line : lines) CHECK(search::tokenize(line.match).front().lower == word);
        options.stem = true;
        const auto stemmed = concordance(index, word, options);
        CHECK_MESSAGE(static_cast<std::int64_t>(stemmed.size()) == stems[search::danish_stem(word)][0].get<std::int64_t>(), word);
    }
}

TEST_CASE("sorted by the words to the right or left, the neighbouring words come in Danish order") {
    Sample sample;
    auto index = search::Index::open_for(sample.project);
    const text::Collator danish;
    ConcordanceOptions options;
    options.stem = true;
    options.order = ConcordanceOrder::Right;
    const auto right = concordance(index, "rådgiver", options);
    REQUIRE(right.size() > 20);
    for (std::size_t i = 1; i < right.size(); ++i) CHECK_FALSE(danish.less(first_word(right[i].after, false), first_word(right[i - 1].after, false)));
    options.order = ConcordanceOrder::Left;
    const auto left = concordance(index, "rådgiver", options);
    REQUIRE(left.size() == right.size());
    for (std::size_t i = 1; i < left.size(); ++i) CHECK_FALSE(danish.less(first_word(left[i].before, true), first_word(left[i - 1].before, true)));
}

TEST_CASE("coding a concordance codes each occurrence, in one step that undo takes back") {
    Sample sample;
    auto index = search::Index::open_for(sample.project);
    const auto lines = concordance(index, "sparring", {});
    const auto code = CodeStore(sample.project).resolve("Sparring og faglig ledelse").id;
    const auto before = CodingStore(sample.project).list({{code}, std::nullopt, {}}).size();
    const auto made = search::code_hits(sample.project, lines, code, search::HitLevel::Word);
    CHECK(made.size() == lines.size());
    CHECK(CodingStore(sample.project).list({{code}, std::nullopt, {}}).size() == before + lines.size());
    History(sample.project).undo();
    CHECK(CodingStore(sample.project).list({{code}, std::nullopt, {}}).size() == before);
}

TEST_CASE("a concordance is of one word") {
    Sample sample;
    auto index = search::Index::open_for(sample.project);
    CHECK_THROWS_AS(concordance(index, "faglig tryghed", {}), InputError);
    CHECK_THROWS_AS(concordance(index, "", {}), InputError);
}
