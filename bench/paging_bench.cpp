// Search in pages, opening a project and the analyses' first views on a
// large corpus, beside an earlier fokus-cli (the baseline) timed in the same
// run on its own copy of the same corpus:
//   fokus-bench-paging PROJECT FOKUS_CLI BASELINE_CLI BASELINE_PROJECT
// Each command is timed as a process, start included; peak memory is the
// process's maximum resident set. In-process figures use the search API.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "bench/timing.h"
#include "coding/error.h"
#include "coding/project.h"
#include "search/index.h"

using namespace fokus;

namespace {

struct Run {
    double milliseconds = 0;
    double megabytes = 0;
    int status = 0;
};

// Runs a command with its output thrown away; the median of `runs` times.
Run run(const std::vector<std::string>& command, int runs = 3) {
    std::vector<Run> found;
    for (int i = 0; i < runs; ++i) {
        Run one;
        one.milliseconds = bench::milliseconds_of([&] {
            const pid_t child = ::fork();
            if (child == 0) {
                const int null = ::open("/dev/null", O_WRONLY);
                ::dup2(null, STDOUT_FILENO);
                ::dup2(null, STDERR_FILENO);
                std::vector<char*> arguments;
                for (const auto& part : command) arguments.push_back(const_cast<char*>(part.c_str()));
                arguments.push_back(nullptr);
                ::execv(arguments[0], arguments.data());
                ::_exit(127);
            }
            int status = 0;
            rusage usage{};
            ::wait4(child, &status, 0, &usage);
            one.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            one.megabytes = static_cast<double>(usage.ru_maxrss) / 1024.0;
        });
        found.push_back(one);
    }
    std::sort(found.begin(), found.end(), [](const Run& a, const Run& b) { return a.milliseconds < b.milliseconds; });
    return found[found.size() / 2];
}


void row(const std::string& what, const Run& now, const Run& before) {
    std::cout << std::left << std::setw(52) << what << std::right << std::fixed << std::setprecision(0) << std::setw(9)
              << now.milliseconds << " ms" << std::setw(7) << now.megabytes << " MB" << std::setw(11) << before.milliseconds
              << " ms" << std::setw(7) << before.megabytes << " MB"
              << (now.status != 0 || before.status != 0 ? "  (exit " + std::to_string(now.status) + "/" + std::to_string(before.status) + ")" : "")
              << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: fokus-bench-paging PROJECT FOKUS_CLI BASELINE_CLI BASELINE_PROJECT [--full-baseline]\n";
        return 2;
    }
    const std::string project_path = argv[1], cli = argv[2], old_cli = argv[3], old_project = argv[4];
    const bool full_baseline = argc > 5 && std::string(argv[5]) == "--full-baseline";
    try {
        // Both copies opened once first, so that upgrades and index building are not timed.
        run({cli, "search", project_path, "og", "--limit", "1"}, 1);
        run({old_cli, "info", old_project}, 1);

        std::cout << "In-process, this build (search API, index open):\n";
        {
            auto project = Project::open(project_path, Project::Access::ReadOnly);
            auto index = search::Index::open_for(project);
            search::SearchOptions page;
            page.limit = 100;
            page.count_all = false;
            search::SearchResult first;
            const double page_ms = bench::median_milliseconds(5, [&] { first = index.search("og", page); });
            search::SearchOptions counted = page;
            counted.count_all = true;
            search::SearchResult all;
            bench::reset_peak_memory();
            const double counts_ms = bench::median_milliseconds(3, [&] { all = index.search("og", counted); });
            const double counts_peak = bench::peak_memory_megabytes();
            std::cout << std::fixed << std::setprecision(1) << "  first page of 100 hits for og:        " << page_ms << " ms ("
                      << first.hits.size() << " hits)\n"
                      << "  the same with the total and counts:   " << counts_ms << " ms, peak memory " << std::setprecision(0)
                      << counts_peak << " MB (" << all.total << " hits in " << all.matching_turns << " turns)\n\n";
        }

        std::cout << std::left << std::setw(52) << "Processes (start included), median of 3" << std::right << std::setw(23)
                  << "this build" << std::setw(21) << "baseline" << '\n';
        row("info", run({cli, "info", project_path}), run({old_cli, "info", old_project}));
        row("search 'bisidder NEAR/1 ankestyrelse' (rare)", run({cli, "search", project_path, "bisidder NEAR/1 ankestyrelse"}),
            run({old_cli, "search", old_project, "bisidder NEAR/1 ankestyrelse"}));
        row("search og (first page of 100 / baseline: every hit)", run({cli, "search", project_path, "og"}, 1),
            full_baseline ? run({old_cli, "search", old_project, "og"}, 1) : Run{});
        row("search og --counts-only --json", run({cli, "search", project_path, "og", "--counts-only", "--json"}), Run{});
        row("search og --all --json (streamed / baseline: --json)", run({cli, "search", project_path, "og", "--all", "--json"}, 1),
            full_baseline ? run({old_cli, "search", old_project, "og", "--json"}, 1) : Run{});
        row("cooccur (17 codes, loading included)", run({cli, "cooccur", project_path}), run({old_cli, "cooccur", old_project}));
        row("crosstab --by municipality", run({cli, "crosstab", project_path, "--by", "municipality"}),
            run({old_cli, "crosstab", old_project, "--by", "municipality"}));
        if (!full_baseline) std::cout << "(add --full-baseline to time the baseline's full lists too: about a minute)\n";
        return 0;
    } catch (const Error& error) {
        std::cerr << "fokus-bench-paging: " << error.what() << '\n';
        return 1;
    }
}
