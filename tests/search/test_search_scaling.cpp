// Indexing, search and coding hits grow linearly with the text and hold
// bounded memory, on the inputs that once made them quadratic: one word of
// several megabytes, and one speaker's turn of several megabytes of words.
// Sizes are 1, 2, 4 and 8 MiB (an eighth of that under the sanitizers, where
// times and memory are printed but not judged); FOKUS_SCALING_MIB=1,2 chooses others.
// Growth is judged by processor time, the best of three runs, so that other
// work on the machine does not pass for it.
#include <doctest/doctest.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "bench/timing.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "search/index.h"
#include "search_fixture.h"

using namespace fokus;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

constexpr std::size_t mebibyte = 1024 * 1024;
constexpr double most_megabytes = 200;
// Times below this are mostly the machine's noise, so growth is measured from it.
constexpr double least_seconds = 0.05;

std::vector<double> sizes_in_mebibytes() {
    std::vector<double> sizes;
    if (const char* chosen = std::getenv("FOKUS_SCALING_MIB"); chosen && *chosen) {
        std::stringstream list(chosen);
        for (std::string size; std::getline(list, size, ',');) sizes.push_back(std::stod(size));
        return sizes;
    }
    for (const double size : {1.0, 2.0, 4.0, 8.0}) sizes.push_back(sanitized ? size / 8 : size);
    return sizes;
}


// One word: "å" repeated, which folding turns into "a", "aa" into "a" again.
std::string one_word(std::size_t bytes) {
    std::string word;
    word.reserve(bytes);
    while (word.size() + 2 <= bytes) word += "å";
    return word;
}

// Ordinary Danish sentences on one line; every tenth holds "tryghed".
struct Line {
    std::string text;
    std::size_t tryghed = 0;
};
Line one_line(std::size_t bytes) {
    static const std::vector<std::string> sentences = {
        "Vi får ikke altid sparring, når sagen er svær.",
        "Rådgiverne skifter, og borgeren må fortælle det hele forfra.",
        "Lederen står bag os, også når økonomien er stram.",
        "Det er kollegerne, der gør, at jeg bliver på arbejdspladsen.",
        "Medarbejderomsætningen er høj i år, især blandt de nyuddannede.",
        "Hvad betyder det for jer, når sagsbehandleren går på pension?",
        "Så skal man starte forfra med en ny person, og det tager tid.",
        "Vi har et godt fællesskab, men arbejdspresset er stort.",
        "Børnene og forældrene mærker det, når der er udskiftning.",
        "Faglig tryghed betyder meget for mig i hverdagen.",
    };
    Line line;
    line.text.reserve(bytes + 100);
    for (std::size_t i = 0; line.text.size() < bytes; ++i) {
        const auto& sentence = sentences[i % sentences.size()];
        if (!line.text.empty()) line.text += ' ';
        line.text += sentence;
        if (i % sentences.size() == sentences.size() - 1) ++line.tryghed;
    }
    return line;
}

// Processor time of the whole process, all threads: unlike the time on the
// clock it does not grow when other programs take the processor.
double processor_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

struct Run {
    double seconds = 0;  // processor time
    double wall = 0;     // time on the clock
    double megabytes = 0;
};

// Builds the index of a one-turn project, searches it and codes the hits at
// sentence level, timing the three together.
Run index_search_and_code(const std::string& speech, const std::string& query, std::size_t expected_hits) {
    testing::ScratchDir dir;
    Project project = Project::create(dir / "stor.fokus");
    DocumentStore(project).add(testing::transcript("Kommune Ø, én lang tur", {{"Borger 1", speech}}));
    const Id code = CodeStore(project).resolve("Faglig tryghed").id;
    bench::reset_peak_memory();
    const auto start = std::chrono::steady_clock::now();
    const double processor_start = processor_seconds();
    auto index = search::Index::open_for(project);
    search::SearchOptions options;
    options.context = 40;
    const auto result = index.search(query, options);
    const auto coded = search::code_hits(project, result.hits, code, search::HitLevel::Sentence);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    const Run run{processor_seconds() - processor_start, took.count(), bench::peak_memory_megabytes()};
    CHECK(result.hits.size() == expected_hits);
    CHECK(coded.size() == expected_hits);
    return run;
}

struct Figures {
    double mebibytes = 0;
    Run best;
};

template <class Attempt>
std::vector<Figures> measure(const char* what, Attempt attempt) {
    std::vector<Figures> all;
    for (const double size : sizes_in_mebibytes()) {
        Figures figures{size, {1e9, 1e9, 0}};
        // The best of a few: the machine may be busy with other work.
        for (int round = 0; round < 3; ++round) {
            const auto run = attempt(static_cast<std::size_t>(size * mebibyte));
            figures.best.seconds = std::min(figures.best.seconds, run.seconds);
            figures.best.wall = std::min(figures.best.wall, run.wall);
            figures.best.megabytes = std::max(figures.best.megabytes, run.megabytes);
        }
        std::printf("%-5s %5.2f MiB: %7.3f s processor (%6.3f s per MiB), %7.3f s on the clock, peak %6.1f MB\n", what, size,
                    figures.best.seconds, figures.best.seconds / size, figures.best.wall, figures.best.megabytes);
        std::fflush(stdout);
        all.push_back(figures);
    }
    return all;
}

void check_linear(const std::vector<Figures>& all) {
    // The sanitizers' shadow memory and quarantine are no measure of ours.
    if (sanitized) return;
    for (const auto& figures : all) CHECK(figures.best.megabytes < most_megabytes);
    if (all.size() < 2) return;
    // Doubling the text must not much more than double the time.
    for (std::size_t i = 1; i < all.size(); ++i) {
        const double growth = all[i].mebibytes / all[i - 1].mebibytes;
        CHECK(all[i].best.seconds <= std::max(least_seconds, all[i - 1].best.seconds) * growth * 1.5);
    }
    // And the largest against the smallest, scaled: linear with room for a
    // busy machine, far below the 64 times of quadratic growth.
    const double growth = all.back().mebibytes / all.front().mebibytes;
    CHECK(all.back().best.seconds <= std::max(least_seconds, all.front().best.seconds) * growth * 2);
}

}  // namespace

TEST_CASE("one word of megabytes: indexing, search and coding hits take linear time and bounded memory") {
    const auto all = measure("word", [](std::size_t bytes) {
        // The query is cut as the indexed word is, and finds it.
        return index_search_and_code(one_word(bytes), one_word(600), 1);
    });
    check_linear(all);
}

TEST_CASE("one turn of megabytes: indexing, search and coding hits take linear time and bounded memory") {
    const auto all = measure("line", [](std::size_t bytes) {
        const auto line = one_line(bytes);
        return index_search_and_code(line.text, "tryghed", line.tryghed);
    });
    check_linear(all);
}
