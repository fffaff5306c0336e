// Import and indexing throughput, peak memory while indexing, index size and
// query latency with 20 hits in context, beside bare Xapian (a TermGenerator
// with the Danish stemmer and positions) and SQLite FTS5 (unicode61,
// remove_diacritics 2), on the same synthetic text in the same run. Fokus's
// throughput is that of importing the transcripts with the index following
// them, until the index is current; building the index anew from the coded
// project is timed too.
//   fokus-bench-search [WORDS]      (default 1 million)
#include <sqlite3.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>

#include "bench/synthetic_corpus.h"
#include "bench/timing.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "search/danish.h"
#include "search/follower.h"
#include "search/index.h"

using namespace fokus;
namespace fs = std::filesystem;

namespace {

std::uintmax_t size_of(const fs::path& path) {
    std::uintmax_t total = 0;
    if (fs::is_regular_file(path)) return fs::file_size(path);
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) total += entry.file_size();
    }
    return total;
}

struct Latency {
    std::vector<double> times;
    void add(double ms) { times.push_back(ms); }
    double percentile(double p) {
        std::sort(times.begin(), times.end());
        return times[std::min(times.size() - 1, static_cast<std::size_t>(p * static_cast<double>(times.size())))];
    }
};

void print_row(const char* name, double seconds, double megabytes, std::uintmax_t bytes, Latency& latency) {
    std::cout << std::left << std::setw(14) << name << std::right << std::fixed << std::setprecision(1) << std::setw(10)
              << megabytes / seconds << " MB/s" << std::setw(10) << static_cast<double>(bytes) / 1e6 << " MB" << std::setprecision(2)
              << std::setw(10) << latency.percentile(0.5) << " ms" << std::setw(10) << latency.percentile(0.99) << " ms\n";
}

// The first `count` letters, never cutting an æ, ø or å in half.
std::string first_letters(const std::string& word, std::size_t count) {
    std::size_t end = 0;
    for (std::size_t letters = 0; end < word.size() && letters < count; ++letters) {
        ++end;
        while (end < word.size() && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) ++end;
    }
    return word.substr(0, end);
}


}  // namespace

int main(int argc, char** argv) {
    const std::int64_t words = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const fs::path dir = fs::temp_directory_path() / ("fokus-bench-search-" + std::to_string(words));
    fs::remove_all(dir);
    fs::create_directories(dir);
    try {
        // The corpus is made first, so that only storing it is timed.
        auto project = Project::create(dir / "korpus.fokus");
        project.set_coder("Syntetisk koder");
        std::vector<bench::SyntheticDocument> corpus;
        {
            bench::SyntheticCorpus maker(project, {words, 8'000, 60, 2026});
            while (auto document = maker.next()) corpus.push_back(std::move(*document));
        }
        std::vector<std::string> texts;
        for (const auto& document : corpus) texts.push_back(document.document.text);

        // Fokus: the transcripts imported with the index following them, as
        // fokus-cli import does; then coded, as coders do later; then the
        // index built anew from the project.
        bench::CorpusStats stats;
        std::vector<Id> imported;
        double import_ms = 0;
        const double import_and_index_ms = bench::milliseconds_of([&] {
            search::IndexFollower follower(project.path());
            import_ms = bench::milliseconds_of([&] {
                for (auto& document : corpus) {
                    imported.push_back(bench::import_document(project, document, stats));
                    follower.committed();
                }
            });
            follower.finish();
        });
        const double coding_ms = bench::milliseconds_of([&] {
            for (std::size_t i = 0; i < corpus.size(); ++i) bench::code_document(project, imported[i], corpus[i], stats);
        });
        const auto followed_size = size_of(search::Index::path_for(project));
        corpus.clear();
        corpus.shrink_to_fit();
        fs::remove_all(search::Index::path_for(project));
        std::optional<search::Index> index;
        bench::reset_peak_memory();
        const double index_ms = bench::milliseconds_of([&] { index.emplace(search::Index::open_for(project)); });
        const double index_peak = bench::peak_memory_megabytes();
        const double megabytes = static_cast<double>(stats.bytes) / 1e6;

        // Bare Xapian.
        const fs::path bare_path = dir / "bare.xapian";
        Xapian::WritableDatabase bare(bare_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        bench::reset_peak_memory();
        const double bare_ms = bench::milliseconds_of([&] {
            Xapian::TermGenerator generator;
            generator.set_stemmer(Xapian::Stem("danish"));
            for (const auto& text : texts) {
                Xapian::Document document;
                generator.set_document(document);
                generator.index_text(text);
                bare.add_document(document);
            }
            bare.commit();
        });
        const double bare_peak = bench::peak_memory_megabytes();

        // SQLite FTS5.
        const fs::path fts_path = dir / "fts5.sqlite";
        sqlite3* fts = nullptr;
        sqlite3_open(fts_path.string().c_str(), &fts);
        sqlite3_exec(fts, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')", nullptr, nullptr, nullptr);
        const double fts_ms = bench::milliseconds_of([&] {
            sqlite3_exec(fts, "BEGIN", nullptr, nullptr, nullptr);
            sqlite3_stmt* insert = nullptr;
            sqlite3_prepare_v2(fts, "INSERT INTO t(body) VALUES (?)", -1, &insert, nullptr);
            for (const auto& text : texts) {
                sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
                sqlite3_step(insert);
                sqlite3_reset(insert);
            }
            sqlite3_finalize(insert);
            sqlite3_exec(fts, "COMMIT", nullptr, nullptr, nullptr);
        });

        // 200 queries: words, phrases, prefixes, and words filtered by municipality.
        std::mt19937 random(7);
        const auto tokens = search::tokenize(texts.front().substr(0, std::min<std::size_t>(texts.front().size(), 60000)));
        std::vector<std::pair<std::string, std::string>> queries;  // Fokus/Xapian form, FTS5 form
        std::vector<std::string> filters;
        for (int i = 0; i < 200; ++i) {
            const auto& token = tokens[random() % (tokens.size() - 1)];
            const auto& next = tokens[&token - tokens.data() + 1];
            switch (i % 4) {
                case 0: queries.push_back({token.lower, "\"" + token.lower + "\""}); filters.push_back(""); break;
                case 1: queries.push_back({"\"" + token.lower + " " + next.lower + "\"", "\"" + token.lower + " " + next.lower + "\""}); filters.push_back(""); break;
                case 2: {
                    const auto stem = first_letters(token.lower, 4);
                    queries.push_back({stem + "*", "\"" + stem + "\"*"});
                    filters.push_back("");
                    break;
                }
                default: queries.push_back({token.lower, "\"" + token.lower + "\""}); filters.push_back("Kommune " + std::string(1, static_cast<char>('A' + i % 5)));
            }
        }
        Latency fokus_latency, no_ocr_latency, bare_latency, fts_latency;
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("danish"));
        parser.set_database(bare);
        Xapian::Enquire bare_enquire(bare);
        sqlite3_stmt* select = nullptr;
        sqlite3_prepare_v2(fts, "SELECT snippet(t, 0, '[', ']', '…', 12) FROM t WHERE t MATCH ? LIMIT 20", -1, &select, nullptr);
        for (std::size_t i = 0; i < queries.size(); ++i) {
            search::SearchOptions options;
            options.limit = 20;
            options.count_all = false;
            if (!filters[i].empty()) options.filter.attributes = {parse_condition("municipality=" + filters[i])};
            fokus_latency.add(bench::milliseconds_of([&] { index->search(queries[i].first, options); }));
            options.ocr_spellings = false;
            no_ocr_latency.add(bench::milliseconds_of([&] { index->search(queries[i].first, options); }));
            bare_latency.add(bench::milliseconds_of([&] {
                bare_enquire.set_query(parser.parse_query(queries[i].first, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD));
                const auto matches = bare_enquire.get_mset(0, 20);
                for (auto match = matches.begin(); match != matches.end(); ++match) matches.snippet(match.get_document().get_data(), 120);
            }));
            fts_latency.add(bench::milliseconds_of([&] {
                sqlite3_bind_text(select, 1, queries[i].second.c_str(), -1, SQLITE_TRANSIENT);
                while (sqlite3_step(select) == SQLITE_ROW) {
                }
                sqlite3_reset(select);
            }));
        }
        sqlite3_finalize(select);
        sqlite3_close(fts);
        std::cout << "corpus: " << stats.words << " words, " << std::fixed << std::setprecision(1) << megabytes << " MB of text, "
                  << stats.documents << " documents, " << stats.codings << " codings\n"
                  << "Fokus: import (documents, turns, attributes) " << import_ms / 1000.0 << " s, index current "
                  << (import_and_index_ms - import_ms) / 1000.0 << " s after it (" << static_cast<double>(followed_size) / 1e6
                  << " MB); coding afterwards " << coding_ms / 1000.0
                  << " s; index (with codings) built anew from the project " << index_ms / 1000.0 << " s ("
                  << megabytes / (index_ms / 1000.0) << " MB/s), peak memory while building " << std::setprecision(0)
                  << index_peak << " MB (bare Xapian " << bare_peak << " MB)\n\n"
                  << std::left << std::setw(14) << "" << std::right << std::setw(15) << "index MB/s" << std::setw(13) << "size"
                  << std::setw(13) << "median" << std::setw(13) << "p99" << "\n";
        print_row("Fokus", import_and_index_ms / 1000.0, megabytes, size_of(dir / "korpus.fokus.index"), fokus_latency);
        print_row("Fokus --no-ocr", import_and_index_ms / 1000.0, megabytes, size_of(dir / "korpus.fokus.index"), no_ocr_latency);
        print_row("bare Xapian", bare_ms / 1000.0, megabytes, size_of(bare_path), bare_latency);
        print_row("SQLite FTS5", fts_ms / 1000.0, megabytes, size_of(fts_path), fts_latency);
        std::cout << std::setprecision(0) << "Fokus import and indexing: " << 100.0 * bare_ms / import_and_index_ms
                  << "% of bare Xapian's throughput; building the index alone: " << 100.0 * bare_ms / index_ms << "%\n"
                  << "(Fokus MB/s counts import and indexing together; queries: 200 mixed, 20 hits in context each)\n";
        fs::remove_all(dir);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "fokus-bench-search: " << error.what() << '\n';
        return 1;
    }
}
