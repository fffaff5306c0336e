// Reading every document's text with its checksum verified, beside reading it
// bare from SQLite, on the same project in the same run; and the full check.
//   fokus-bench-text [WORDS] [PROJECT]
// WORDS defaults to 10 million; an existing PROJECT is reused (the analysis
// benchmark's, by default).
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "bench/synthetic_corpus.h"
#include "bench/timing.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/integrity.h"
#include "coding/sqlite.h"

using namespace fokus;

int main(int argc, char** argv) {
    const std::int64_t words = argc > 1 ? std::atoll(argv[1]) : 10'000'000;
    try {
        const auto path = bench::corpus_project(words, argc > 2 ? std::optional<std::filesystem::path>(argv[2]) : std::nullopt);
        auto project = Project::open(path, Project::Access::ReadOnly);
        DocumentStore documents(project);
        std::vector<Id> ids;
        for (const auto& document : documents.all()) ids.push_back(document.id);
        std::size_t bytes = 0;
        const double bare_ms = bench::median_milliseconds(5, [&] {
            bytes = 0;
            auto query = project.db().prepare("SELECT text FROM documents WHERE id = ?");
            for (const Id id : ids) {
                query.reset();
                query.bind_all(id);
                query.step();
                bytes += query.text(0).size();
            }
        });
        const double verified_ms = bench::median_milliseconds(5, [&] {
            for (const Id id : ids) documents.text(id);
        });
        const double check_ms = bench::milliseconds_of([&] { check_integrity(path); });
        std::cout << std::fixed << std::setprecision(1) << ids.size() << " documents, " << bytes / 1e6
                  << " MB of text\n"
                  << "read every text, bare:      " << bare_ms << " ms\n"
                  << "read every text, verified:  " << verified_ms << " ms (+" << verified_ms - bare_ms << " ms, "
                  << (verified_ms / bare_ms - 1) * 100 << " %)\n"
                  << "fokus-cli check (all of it): " << check_ms << " ms\n";
        return 0;
    } catch (const Error& error) {
        std::cerr << "fokus-bench-text: " << error.what() << '\n';
        return 1;
    }
}
