// Co-occurrence and crosstab on a synthetic corpus, beside the SQL self-join
// that other tools run, on the same database in the same run.
//   fokus-bench-analysis [WORDS] [PROJECT]
// WORDS defaults to 10 million; an existing PROJECT is reused.
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "bench/synthetic_corpus.h"
#include "bench/timing.h"
#include "coding/error.h"
#include "coding/sqlite.h"

using namespace fokus;

int main(int argc, char** argv) {
    const std::int64_t words = argc > 1 ? std::atoll(argv[1]) : 10'000'000;
    try {
        const auto path = bench::corpus_project(words, argc > 2 ? std::optional<std::filesystem::path>(argv[2]) : std::nullopt);
        auto project = Project::open(path, Project::Access::ReadOnly);
        auto& db = project.db();
        const auto codings = db.scalar_int("SELECT count(*) FROM codings");
        const auto items = all_code_items(project);
        std::vector<CodeItem> seventeen(items.begin(), items.begin() + std::min<std::size_t>(17, items.size()));
        std::vector<Segment> segments;
        const double load = bench::milliseconds_of([&] { segments = load_segments(project, {}); });
        CooccurrenceMatrix overlap;
        const double overlap_ms = bench::median_milliseconds(7, [&] { overlap = cooccurrence(segments, seventeen, {}); });
        CooccurrenceMatrix same_turn;
        const double turn_ms = bench::median_milliseconds(
            7, [&] { same_turn = cooccurrence(segments, seventeen, {Relation::SameTurn, 0}); });
        const double crosstab_ms = bench::median_milliseconds(3, [&] {
            crosstab(project, seventeen, {}, AttributeCondition{AttributeCondition::Of::Document, "municipality", {}},
                     CrosstabCount::Codings);
        });
        // The baseline: every pair of codings in a document compared by SQL.
        std::int64_t join_pairs = 0;
        const double join_ms = bench::milliseconds_of([&] {
            auto query = db.prepare(
                "SELECT a.code_id, b.code_id, count(*) FROM codings a JOIN codings b "
                "ON a.document_id = b.document_id AND a.code_id < b.code_id AND a.start < b.end AND b.start < a.end "
                "GROUP BY a.code_id, b.code_id");
            while (query.step()) join_pairs += query.int64(2);
        });
        std::int64_t sweep_pairs = 0;
        for (std::size_t i = 0; i < seventeen.size(); ++i) {
            for (std::size_t j = i + 1; j < seventeen.size(); ++j) sweep_pairs += overlap.at(i, j).pairs;
        }
        std::cout << std::fixed << std::setprecision(1);
        std::cout << "corpus: " << words << " words, " << codings << " codings, " << items.size() << " codes\n"
                  << "load segments:              " << load << " ms (once per project; the views keep them)\n"
                  << "17-code matrix, overlap:    " << overlap_ms << " ms (median of 7)\n"
                  << "17-code matrix, same turn:  " << turn_ms << " ms (median of 7)\n"
                  << "codes x municipality:       " << crosstab_ms << " ms (median of 3, loading included)\n"
                  << "baseline SQL self-join:     " << join_ms << " ms\n"
                  << "speed-up, overlap matrix:   " << join_ms / overlap_ms << " x\n"
                  << "pairs found: sweep " << sweep_pairs << ", self-join " << join_pairs
                  << (sweep_pairs == join_pairs ? " (same)\n" : " (DIFFERENT)\n");
        return sweep_pairs == join_pairs ? 0 : 1;
    } catch (const Error& error) {
        std::cerr << "fokus-bench-analysis: " << error.what() << '\n';
        return 1;
    }
}
