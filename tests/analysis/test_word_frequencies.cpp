// Word frequencies and keyness on the sample corpus, against the same figures
// computed apart from Fokus by tests/analysis/independent_words.py (the
// project file read with sqlite3, PyICU's Danish word breaking, Python's case
// folding, NLTK's Snowball Danish stemmer, G² in Python). Each comparison is
// printed.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>

#include "analysis/keyness.h"
#include "analysis/word_frequencies.h"
#include "coding/project.h"
#include "coding/stop_words.h"
#include "coding/text.h"
#include "importers/batch.h"
#include "sample_project.h"
#include "scratch.h"
#include "search/danish.h"
#include "search/index.h"

using namespace fokus;

namespace {

const std::filesystem::path source = FOKUS_SOURCE_DIR;

using Sample = testing::SampleProject;

// One import for all the cases: they only read it.
Sample& sample() {
    static Sample imported;
    return imported;
}

// What the independent script prints for these arguments.
nlohmann::json independent(const std::string& arguments) {
    const std::string command = "/usr/bin/python3 " + (source / "tests/analysis/independent_words.py").string() + " " + arguments;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string output;
    char buffer[65536];
    for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) output.append(buffer, read);
    REQUIRE_MESSAGE(!output.empty(), command);
    return nlohmann::json::parse(output);
}

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// Compares every word, and prints 50 chosen across the ranks of the independent count.
void compare_words(Sample& sample, bool stems, const std::string& role = {}) {
    auto index = search::Index::open_for(sample.project);
    WordFrequencyOptions options;
    options.stems = stems;
    options.stop_words = default_stop_words();
    if (!role.empty()) options.selection.attributes.push_back({AttributeCondition::Of::Participant, "role", {role}});
    const auto table = word_frequencies(index, options);
    // Speakers counted for the 50 most frequent rows alone, from those words' positions, are the same.
    options.speaker_rows = 50;
    const auto top = word_frequencies(index, options);
    REQUIRE(top.rows.size() == table.rows.size());
    for (std::size_t row = 0; row < 50; ++row) CHECK(top.rows[row].speakers == table.rows[row].speakers);
    CHECK(top.rows[50].speakers == 0);
    const auto expected = independent("words " + quoted(sample.project.path()) + " " + quoted(source / "data/stopwords-da.txt") +
                                      (stems ? " --stems" : "") + (role.empty() ? "" : " --role '" + role + "'"));

    std::map<std::string, std::array<std::int64_t, 3>> fokus;
    for (const auto& row : table.rows) fokus[row.word] = {row.count, row.documents, row.speakers};
    CHECK(table.total_words == expected["total"].get<std::int64_t>());
    CHECK(fokus.size() == expected["words"].size());
    // Every word, for certain; then 50 of them shown.
    std::vector<std::pair<std::string, std::array<std::int64_t, 3>>> ranked;
    for (const auto& [word, figures] : expected["words"].items()) {
        const std::array<std::int64_t, 3> python{figures[0].get<std::int64_t>(), figures[1].get<std::int64_t>(), figures[2].get<std::int64_t>()};
        ranked.emplace_back(word, python);
        const auto found = fokus.find(word);
        CHECK_MESSAGE(found != fokus.end(), word);
        if (found != fokus.end()) CHECK_MESSAGE(found->second == python, word);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second[0] != b.second[0] ? a.second[0] > b.second[0] : a.first < b.first; });
    REQUIRE(ranked.size() >= 50);
    std::cout << "\n" << (stems ? "Stems" : "Words") << (role.empty() ? "" : " of participant.role=" + role) << ": Fokus beside Python (PyICU"
              << (stems ? ", NLTK Snowball" : "") << "), " << table.total_words << " words, " << ranked.size() << " kept\n"
              << "  rank  word                   count fokus/python  documents  speakers\n";
    for (std::size_t i = 0; i < 50; ++i) {
        const std::size_t rank = i * (ranked.size() - 1) / 49;
        const auto& [word, python] = ranked[rank];
        const auto mine = fokus.count(word) ? fokus[word] : std::array<std::int64_t, 3>{-1, -1, -1};
        std::cout << "  " << std::setw(4) << rank + 1 << "  " << word << std::string(std::max<std::size_t>(1, 22 - fokus::text::count_code_points(word)), ' ')
                  << std::setw(5) << mine[0] << "/" << std::left << std::setw(13) << python[0] << std::right << std::setw(3) << mine[1] << "/"
                  << std::left << std::setw(6) << python[1] << std::right << std::setw(3) << mine[2] << "/" << python[2]
                  << (mine == python ? "" : "  DIFFERENT") << '\n';
        CHECK(mine == python);
    }
}

}  // namespace

TEST_CASE("word counts on the sample corpus agree with PyICU's, word by word, for every word kept") {
    compare_words(sample(), false);
}

TEST_CASE("Danish stems: Xapian's Snowball stemmer agrees with NLTK's on every word of the sample, and so do the stem counts") {
    auto index = search::Index::open_for(sample().project);
    const auto counts = index.word_counts({});
    std::string words;
    for (const auto& word : counts.words) words += " '" + word.word + "'";
    const auto nltk = independent("stems" + words);
    std::size_t differing = 0;
    for (const auto& word : counts.words) {
        if (search::danish_stem(word.word) == nltk[word.word].get<std::string>()) continue;
        ++differing;
        std::cout << "stemmed differently: " << word.word << " Xapian " << search::danish_stem(word.word) << ", NLTK " << nltk[word.word] << '\n';
    }
    std::cout << "\nStems of the sample's " << counts.words.size() << " different words: " << differing << " differ between Xapian and NLTK\n";
    CHECK(differing == 0);
    compare_words(sample(), true);
}

TEST_CASE("word counts of the participants with one role (read from the index's positions) agree with PyICU's") {
    compare_words(sample(), false, "Rådgiver");
}

TEST_CASE("keyness of leaders against caseworkers agrees with G² computed in Python for the top 20 words each way") {
    auto& sample = ::sample();
    auto index = search::Index::open_for(sample.project);
    KeynessOptions options;
    options.words.stop_words = default_stop_words();
    options.left.attributes.push_back({AttributeCondition::Of::Participant, "role", {"Afdelingsleder", "Teamleder"}});
    options.right.attributes.push_back({AttributeCondition::Of::Participant, "role", {"Rådgiver"}});
    const auto table = keyness(index, options);
    // The script takes one role a side; the leaders are counted as the two roles' sum.
    const auto project = quoted(sample.project.path());
    const auto stops = quoted(source / "data/stopwords-da.txt");
    const auto department = independent("keyness " + project + " " + stops + " --left Afdelingsleder --right Rådgiver");
    const auto team = independent("keyness " + project + " " + stops + " --left Teamleder --right Rådgiver");
    const double c = department["left_words"].get<double>() + team["left_words"].get<double>();
    const double d = department["right_words"].get<double>();
    CHECK(table.left_words == static_cast<std::int64_t>(c));
    CHECK(table.right_words == static_cast<std::int64_t>(d));
    std::map<std::string, std::pair<double, double>> counts;  // word -> (leaders, caseworkers)
    for (const auto* part : {&department, &team}) {
        for (const auto& row : (*part)["rows"]) counts[row["word"].get<std::string>()].first += row["left"].get<double>();
    }
    for (const auto& row : department["rows"]) counts[row["word"].get<std::string>()].second = row["right"].get<double>();
    struct Expected {
        std::string word;
        double a, b, g2, p, log_ratio;
    };
    std::vector<Expected> lefts, rights;
    for (const auto& [word, ab] : counts) {
        const auto [a, b] = ab;
        const double e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
        const double g2 = 2 * ((a > 0 ? a * std::log(a / e1) : 0) + (b > 0 ? b * std::log(b / e2) : 0));
        const Expected row{word, a, b, g2, std::erfc(std::sqrt(g2 / 2)), std::log2(((a > 0 ? a : 0.5) / c) / ((b > 0 ? b : 0.5) / d))};
        if (a * d > b * c && a >= 5) lefts.push_back(row);
        if (b * c > a * d && b >= 5) rights.push_back(row);
    }
    auto by_g2 = [](const Expected& x, const Expected& y) { return x.g2 > y.g2; };
    std::sort(lefts.begin(), lefts.end(), by_g2);
    std::sort(rights.begin(), rights.end(), by_g2);
    auto compare = [&](const char* side, const std::vector<KeyWord>& mine, const std::vector<Expected>& python) {
        REQUIRE(mine.size() == python.size());
        REQUIRE(mine.size() >= 20);
        std::cout << "\nKey words of " << side << ": Fokus beside Python\n  word              a    b    G² fokus   G² python    p fokus     log ratio fokus/python\n";
        std::map<std::string, const Expected*> by_word;
        for (const auto& row : python) by_word[row.word] = &row;
        for (std::size_t i = 0; i < 20; ++i) {
            const auto& key = mine[i];
            CHECK(key.g2 == doctest::Approx(python[i].g2).epsilon(1e-12));  // the same ranking of values
            REQUIRE(by_word.count(key.word));
            const auto& expected = *by_word[key.word];
            CHECK(static_cast<double>(key.left) == expected.a);
            CHECK(static_cast<double>(key.right) == expected.b);
            CHECK(key.g2 == doctest::Approx(expected.g2).epsilon(1e-12));
            CHECK(key.p == doctest::Approx(expected.p).epsilon(1e-12));
            CHECK(key.log_ratio == doctest::Approx(expected.log_ratio).epsilon(1e-12));
            std::cout << "  " << key.word << std::string(std::max<std::size_t>(1, 16 - fokus::text::count_code_points(key.word)), ' ') << std::setw(3)
                      << key.left << "  " << std::setw(3) << key.right << "  " << std::fixed << std::setprecision(6) << std::setw(10) << key.g2
                      << "  " << std::setw(10) << expected.g2 << "  " << std::setw(9) << key.p << "  " << std::setw(8) << key.log_ratio
                      << "/" << expected.log_ratio << '\n';
        }
    };
    compare("the leaders (Afdelingsleder, Teamleder)", table.left, lefts);
    compare("the caseworkers (Rådgiver)", table.right, rights);
}
