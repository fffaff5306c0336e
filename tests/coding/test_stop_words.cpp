// Stop words: the shipped Danish list, a list read from a file, and a
// project's own list, changed as one undo step.
#include <doctest/doctest.h>

#include <algorithm>

#include "coding/error.h"
#include "coding/history.h"
#include "coding/project.h"
#include "coding/stop_words.h"
#include "scratch.h"

using namespace fokus;

namespace {

bool holds(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

TEST_CASE("the shipped list holds Danish function words and the fillers of speech, each once") {
    const auto words = default_stop_words();
    for (const char* word : {"og", "ikke", "altså", "øh", "øhm", "jo", "ligesom", "ik", "være", "også"}) CHECK_MESSAGE(holds(words, word), word);
    CHECK_FALSE(holds(words, "rådgiver"));
    CHECK_FALSE(holds(words, "# Pronouns."));
    auto sorted = words;
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    CHECK(sorted.size() == words.size());
}

TEST_CASE("a list is read one word a line, case-folded, without comments or blank lines, in Danish order") {
    CHECK(parse_stop_words("# mine\nØH\n\n  Altså \nåh\nzebra\nØh\n") == std::vector<std::string>{"altså", "zebra", "øh", "åh"});
    testing::ScratchDir dir;
    CHECK_THROWS_AS(read_stop_words(dir / "findes-ikke.txt"), FileError);
}

TEST_CASE("a project uses the shipped list until it is given its own, and undo gives the shipped list back") {
    testing::ScratchDir dir;
    auto project = Project::create(dir / "stopord.fokus");
    project.set_coder("Testkoder");
    CHECK_FALSE(has_own_stop_words(project));
    CHECK(stop_words(project) == default_stop_words());
    set_stop_words(project, {"Øh", "altså", "griner"});
    CHECK(has_own_stop_words(project));
    CHECK(stop_words(project) == std::vector<std::string>{"altså", "griner", "øh"});
    CHECK_THROWS_AS(set_stop_words(project, {"to ord"}), InputError);
    CHECK(stop_words(project) == std::vector<std::string>{"altså", "griner", "øh"});
    History(project).undo();
    CHECK_FALSE(has_own_stop_words(project));
    CHECK(stop_words(project) == default_stop_words());
    set_stop_words(project, {"øh"});
    reset_stop_words(project);
    CHECK(stop_words(project) == default_stop_words());
    History(project).undo();
    CHECK(stop_words(project) == std::vector<std::string>{"øh"});
}
