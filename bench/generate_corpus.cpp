// Writes a synthetic Danish project of a given size, for benchmarks:
//   fokus-generate-corpus PROJECT WORDS [WORDS_PER_DOCUMENT]
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "bench/synthetic_corpus.h"
#include "coding/error.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: fokus-generate-corpus PROJECT WORDS [WORDS_PER_DOCUMENT]\n";
        return 2;
    }
    try {
        fokus::bench::CorpusSize size;
        size.words = std::atoll(argv[2]);
        if (argc > 3) size.words_per_document = std::atoll(argv[3]);
        auto project = fokus::Project::create(argv[1]);
        project.set_coder("Syntetisk koder");
        const auto start = std::chrono::steady_clock::now();
        const auto stats = fokus::bench::fill_project(project, size, [&](std::int64_t words) {
            std::cerr << "\r" << words << " words" << std::flush;
        });
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::cerr << "\n";
        std::cout << stats.documents << " documents, " << stats.words << " words, " << stats.bytes << " bytes, "
                  << stats.codings << " codings in " << took.count() << " s\n";
        return 0;
    } catch (const fokus::Error& error) {
        std::cerr << "fokus-generate-corpus: " << error.what() << '\n';
        return 1;
    }
}
