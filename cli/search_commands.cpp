// search, code-hits and reindex.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "cli/analysis_options.h"
#include "cli/context.h"
#include "cli/tables.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/text.h"
#include "search/index.h"

namespace fokus::cli {
namespace {

struct SearchCommandOptions {
    std::string path, query, inside, outside, order = "relevance", code, level = "word";
    std::vector<std::string> filters, documents, speakers, codes, themes, coders;
    std::vector<std::size_t> chosen;
    bool exact = false, no_ocr = false, json = false, all = false, counts_only = false, without_interviewers = false;
    int context = 60;
    std::size_t limit = 100, offset = 0;
};

void add_search_options(CLI::App& command, SearchCommandOptions& options) {
    command.add_option("PROJECT", options.path, "The project file")->required();
    command.add_option("QUERY", options.query, "Words, \"exact phrases\", prefix*, AND OR NOT, NEAR/n, ( )")->required();
    command.add_option("--filter", options.filters, "Only where an attribute has a value: municipality=Kommune B, bikva_stage=1, participant.role=Leder");
    command.add_option("--document", options.documents, "Only this document (repeat for several)");
    command.add_option("--speaker", options.speakers, "Only turns of this speaker label (repeat for several)");
    command.add_option("--code", options.codes, "Only turns holding a coding of this code, or theme:NAME");
    command.add_option("--theme", options.themes, "Only turns holding a coding of a code in this theme (code set)");
    command.add_option("--coder", options.coders, "Only turns holding codings by this coder");
    command.add_flag("--without-interviewers", options.without_interviewers, std::string(without_interviewers_help));
    auto* inside = command.add_option("--inside", options.inside, "Only hits inside codings of this code");
    command.add_option("--outside", options.outside, "Only hits outside codings of this code")->excludes(inside);
    command.add_flag("--exact", options.exact, "Find only what was typed (no stemming, no folding of æ, ø, å)");
    command.add_flag("--no-ocr", options.no_ocr, "Find none of the spellings OCR makes of æ, ø, å and l (bgrn for børn, rddgiver for rådgiver)");
}

search::SearchOptions resolve(Project& project, const SearchCommandOptions& options) {
    AnalysisOptions shared;
    shared.filters = options.filters;
    shared.documents = options.documents;
    shared.coders = options.coders;
    const auto segments = shared.filter(project);
    search::SearchOptions result;
    result.filter.documents = segments.documents;
    result.filter.coders = segments.coders;
    result.filter.attributes = segments.attributes;
    result.filter.speakers = options.speakers;
    result.filter.without_interviewers = options.without_interviewers;
    if (!options.speakers.empty()) {
        // A misspelt label would find nothing, and look like a finding.
        const auto labels = DocumentStore(project).speaker_labels();
        for (const auto& speaker : options.speakers) {
            if (std::find(labels.begin(), labels.end(), speaker) != labels.end()) continue;
            throw NotFoundError("no document has a speaker labelled " + text::quote(speaker) +
                                " (labels are matched exactly, as they are written)");
        }
    }
    for (const auto& code : options.codes) result.filter.codes.push_back(resolve_item(project, code));
    for (const auto& theme : options.themes) result.filter.codes.push_back(resolve_item(project, "theme:" + theme));
    if (!options.inside.empty()) result.filter.inside = resolve_item(project, options.inside);
    if (!options.outside.empty()) result.filter.outside = resolve_item(project, options.outside);
    result.exact = options.exact;
    result.ocr_spellings = !options.no_ocr;
    result.document_order = options.order == "document";
    result.context = options.context;
    return result;
}

// Says on stderr when the index had to be built, once for each time it was
// found damaged.
class IndexReport {
public:
    void opened(const search::Index& index) {
        if (index.repairs() == 0 && index.rebuilt()) std::cerr << (terminal_ ? "\r" : "") << "The search index was built anew from the project.\n";
        damage(index);
    }
    void damage(const search::Index& index) {
        for (; told_ < index.repairs(); ++told_) {
            std::cerr << (terminal_ ? "\r" : "") << "The search index was damaged and has been rebuilt from the project.\n";
        }
    }
    bool terminal() const { return terminal_; }

private:
    bool terminal_ = isatty(STDERR_FILENO) != 0;
    std::size_t told_ = 0;
};

search::Index open_index(Project& project, IndexReport& report) {
    auto index = search::Index::open_for(project, [terminal = report.terminal()](std::size_t done, std::size_t total) {
        if (terminal) std::cerr << "\rBuilding the search index: " << done << "/" << total << std::flush;
    });
    report.opened(index);
    return index;
}

// Hits print one to a line, so line breaks in the context become spaces.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    std::replace(text.begin(), text.end(), '\t', ' ');
    return text;
}

void print_counts(const char* heading, const std::map<std::string, int>& counts) {
    if (counts.empty()) return;
    std::cout << heading << ":\n";
    for (const auto& [name, count] : counts) std::cout << "  " << count << "  " << name << '\n';
}

nlohmann::json hit_json(const search::Hit& hit) {
    nlohmann::json json = {{"document", hit.document_name}, {"document_id", hit.document}, {"turn", hit.turn}, {"speaker", speaker_json(hit.speaker)},
                           {"start", hit.span.start}, {"end", hit.span.end}, {"before", hit.before},
                           {"match", hit.match}, {"after", hit.after}};
    if (!hit.other_spellings.empty()) json["other_spellings"] = hit.other_spellings;
    return json;
}

void print_hit(std::size_t number, const search::Hit& hit) {
    std::cout << number << "  " << hit.document_name << "  " << hit.span.start << "-" << hit.span.end << "  " << speaker_text(hit.speaker);
    for (std::size_t i = 0; i < hit.other_spellings.size(); ++i) std::cout << (i == 0 ? "  spelt " : ", ") << hit.other_spellings[i];
    std::cout << "\n    …" << one_line(hit.before) << "«" << one_line(hit.match) << "»" << one_line(hit.after) << "…\n";
}

// The whole list, the page asked for, or none (only the counts).
search::SearchOptions paged(search::SearchOptions options, const SearchCommandOptions& command) {
    options.offset = command.offset;
    options.limit = command.all ? 0 : command.limit;
    if (command.counts_only) {
        options.offset = 0;
        options.limit = 1;
    }
    return options;
}

// Hits are written as they are found, never all held: text one to a line
// pair, JSON as one document whose "hits" array is written element by element.
// "1 hit in 1 turn", "12 hits in 5 turns": a turn here is a speaker turn or an unlabelled passage.
std::string units_text(std::size_t turns) { return count_of(turns, "turn", "turns"); }
std::string hits_in_units(const search::SearchResult& result) {
    return count_of(result.total, "hit", "hits") + " in " + units_text(result.matching_turns);
}

void run_search(search::Index& index, Project& project, const SearchCommandOptions& options, IndexReport& report) {
    const auto search_options = paged(resolve(project, options), options);
    std::size_t number = options.counts_only ? 0 : search_options.offset;
    bool first = true;
    if (options.json && !options.counts_only) std::cout << "{\n\"hits\": [";
    const auto result = index.search(options.query, search_options, [&](search::Hit&& hit) {
        ++number;
        if (options.counts_only) return;
        if (options.json) {
            std::cout << (first ? "\n" : ",\n") << hit_json(hit).dump();
            first = false;
        } else {
            print_hit(number, hit);
            // The first page is on the screen while the counts are made.
            if (number == search_options.offset + 1 || number % 100 == 0) std::cout << std::flush;
        }
    });
    report.damage(index);
    const std::size_t shown = options.counts_only ? 0 : number - search_options.offset;
    if (options.json) {
        nlohmann::json rest = {{"total", result.total}, {"turns", result.matching_turns}, {"offset", search_options.offset},
                               {"shown", shown}, {"complete", result.complete},
                               {"per_document", result.per_document}, {"per_municipality", result.per_municipality},
                               {"per_code", result.per_code}};
        if (options.counts_only) {
            rest.erase("offset");
            rest.erase("shown");
            rest.erase("complete");
            print_json(rest);
            return;
        }
        std::cout << (first ? "]" : "\n]");
        for (auto item = rest.begin(); item != rest.end(); ++item) std::cout << ",\n\"" << item.key() << "\": " << item.value().dump();
        std::cout << "\n}\n";
        return;
    }
    if (options.counts_only) {
        std::cout << hits_in_units(result) << '\n';
    } else if (shown == 0) {
        std::cout << (result.total == 0 ? std::string("No hits") : "No hits after the first " + std::to_string(search_options.offset))
                  << "; " << hits_in_units(result) << '\n';
    } else if (shown == result.total) {
        std::cout << hits_in_units(result) << '\n';
    } else {
        std::cout << "Hits " << search_options.offset + 1 << "-" << search_options.offset + shown << " of " << result.total
                  << " in " << units_text(result.matching_turns);
        if (!result.complete) std::cout << " (--offset " << search_options.offset + shown << " for more, --all for every hit)";
        std::cout << '\n';
    }
    print_counts("Per document", result.per_document);
    print_counts("Per municipality", result.per_municipality);
    print_counts("Per code", result.per_code);
}

}  // namespace

void add_search_commands(CLI::App& app, Context& context) {
    {
        auto options = std::make_shared<SearchCommandOptions>();
        auto* command = app.add_subcommand("search", "Search the transcripts; every hit in its context, with counts");
        add_search_options(*command, *options);
        command->add_option("--order", options->order, "relevance or document")->check(CLI::IsMember({"relevance", "document"}));
        command->add_option("--context", options->context, "Characters of context each side")->check(CLI::Range(0, 2000));
        auto* limit = command->add_option("--limit", options->limit, "Hits to show (a page), from 1")
                          ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}).description(""))
                          ->capture_default_str();
        command->add_option("--offset", options->offset, "Hits to pass over before the page")
            ->check(CLI::Range(std::size_t{0}, std::size_t{1'000'000'000}).description(""))
            ->capture_default_str();
        command->add_flag("--all", options->all, "Every hit, written as found")->excludes(limit);
        command->add_flag("--counts-only", options->counts_only, "Only the number of hits and the counts per document, municipality and code");
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            auto project = context.open(options->path, false);
            IndexReport report;
            auto index = open_index(project, report);
            run_search(index, project, *options, report);
        });
    }
    {
        auto options = std::make_shared<SearchCommandOptions>();
        auto* command = app.add_subcommand("code-hits", "Code every hit of a search (or chosen ones) as one action");
        add_search_options(*command, *options);
        command->add_option("CODE", options->code, "The code to apply")->required();
        command->add_option("--level", options->level, "word, sentence or turn")->capture_default_str();
        command->add_option("--hits", options->chosen, "Only these hits, by their numbers in search's list")->delimiter(',');
        command->callback([&context, options] {
            auto project = context.open(options->path);
            IndexReport report;
            auto index = open_index(project, report);
            // Only the spans are needed, not the text around them; and only
            // as far as the last hit chosen.
            auto search_options = resolve(project, *options);
            search_options.context = 0;
            search_options.count_all = false;
            if (!options->chosen.empty()) search_options.limit = *std::max_element(options->chosen.begin(), options->chosen.end());
            const auto result = index.search(options->query, search_options);
            report.damage(index);
            const auto code = CodeStore(project).resolve(options->code);
            const auto made = search::code_hits(project, result.hits, code.id, search::parse_level(options->level), options->chosen);
            std::cout << "Coded " << made.size() << " passages with \"" << code.name << "\" (undo removes them all)\n";
        });
    }
    {
        auto path = std::make_shared<std::string>();
        auto* command = app.add_subcommand("reindex", "Build the search index anew from the project");
        command->add_option("PROJECT", *path, "The project file")->required();
        command->callback([&context, path] {
            auto project = context.open(*path, false);
            IndexReport report;
            auto index = open_index(project, report);
            if (!index.rebuilt()) index.rebuild();
            std::cout << "Built the search index " << search::Index::path_for(project).string() << '\n';
        });
    }
}

}  // namespace fokus::cli
