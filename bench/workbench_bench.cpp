// What a researcher waits for in the workbench: opening a long transcript
// with all its codings, coding a passage, and undoing it, each with the
// repaint it causes. The workbench runs the actions from a script under Xvfb;
// beside each figure, the core's own share of the same work, measured in the
// same run (scrolling is the view's alone). Target: every action under 100 ms.
//   fokus-bench-workbench [WORDS] [CODINGS]     (default 20000 words, 1000 codings)
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "bench/synthetic_corpus.h"
#include "bench/timing.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/history.h"
#include "coding/sqlite.h"

using namespace fokus;
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double worst(const std::vector<double>& values) {
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t words = argc > 1 ? std::atoll(argv[1]) : 20'000;
    const std::int64_t codings = argc > 2 ? std::atoll(argv[2]) : 1'000;
    const fs::path dir = fs::temp_directory_path() / "fokus-bench-workbench";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path path = dir / "lang-transskription.fokus";
    constexpr int rounds = 9;
    try {
        Id document = 0;
        std::string name;
        std::map<std::string, std::vector<double>> core;
        {
            auto project = Project::create(path);
            project.set_coder("Syntetisk koder");
            bench::fill_project(project, bench::CorpusSize{words, words, std::max<std::int64_t>(1, words / codings), 2026});
            const auto documents = DocumentStore(project).all();
            document = documents.front().id;
            name = documents.front().name;
            // The core's part of each action: what the view asks for, or the change itself.
            for (int i = 0; i < rounds; ++i) {
                core["open"].push_back(bench::milliseconds_of([&] {
                    DocumentStore store(project);
                    CodingFilter filter;
                    filter.document = document;
                    store.get(document);
                    store.text(document);
                    store.turns(document);
                    CodingStore(project).list(filter);
                    CodeStore(project).all();
                }));
                const Id code = CodeStore(project).resolve("Motivation").id;
                core["code"].push_back(bench::milliseconds_of([&] { CodingStore(project).add(document, code, Span{1000, 1040}); }));
                core["undo"].push_back(bench::milliseconds_of([&] { History(project).undo(); }));
            }
            std::cout << "transcript: " << words << " words, "
                      << project.db().scalar_int("SELECT count(*) FROM codings") << " codings\n";
        }

        std::ostringstream script;
        for (int i = 0; i < rounds; ++i) {
            script << "timed open " << name << "\n";
            script << "select-span " << 2000 + i * 500 << " " << 2040 + i * 500 << "\n";
            script << "timed key 2\n";
            script << "timed undo\n";
            script << "timed scroll 40\n";
        }
        script << "quit\n";
        std::ofstream(dir / "steps.script") << script.str();
        const std::string command = "FOKUS_NO_DIALOGS=1 FOKUS_CODER=Benchmark xvfb-run -a -s '-screen 0 1600x1000x24' " +
                                    quoted(FOKUS_WORKBENCH) + " --script " + quoted((dir / "steps.script").string()) + " " +
                                    quoted(path.string()) + " 2>" + quoted((dir / "workbench.log").string());
        FILE* output = popen(command.c_str(), "r");
        if (!output) throw Error("could not start the workbench");
        std::map<std::string, std::vector<double>> shown;
        char line[512];
        while (std::fgets(line, sizeof line, output)) {
            std::istringstream fields(line);
            std::string tag, action, ms;
            std::getline(fields, tag, '\t');
            std::getline(fields, action, '\t');
            std::getline(fields, ms);
            if (tag != "timing") continue;
            shown[action.substr(0, action.find(' '))].push_back(std::stod(ms));
        }
        const int status = pclose(output);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::cerr << "the workbench failed; its log is " << (dir / "workbench.log").string() << "\n";
            return 1;
        }
        std::cout << std::fixed << std::setprecision(1) << "\n"
                  << std::left << std::setw(34) << "action (" + std::to_string(rounds) + " rounds)" << std::right
                  << std::setw(14) << "workbench" << std::setw(12) << "worst" << std::setw(14) << "core alone" << "\n";
        const std::pair<const char*, const char*> rows[] = {
            {"open", "open the transcript"}, {"key", "code a passage (key 2)"}, {"undo", "undo the coding"},
            {"scroll", "scroll 40 lines"}};
        bool within = true;
        for (const auto& [key, label] : rows) {
            const auto& times = shown[key];
            within = within && !times.empty() && worst(times) < 100;
            std::cout << std::left << std::setw(34) << label << std::right << std::setw(11) << median(times) << " ms"
                      << std::setw(9) << worst(times) << " ms" << std::setw(11) << median(core[key == std::string("key") ? "code" : key])
                      << " ms\n";
        }
        std::cout << "(median and worst of the workbench's action with its repaint; target under 100 ms: "
                  << (within ? "met" : "NOT met") << ")\n";
        fs::remove_all(dir);
        return within ? 0 : 1;
    } catch (const std::exception& error) {
        std::cerr << "fokus-bench-workbench: " << error.what() << '\n';
        return 1;
    }
}
