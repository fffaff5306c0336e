// words, keyness and stopwords.
#include <iostream>
#include <limits>
#include <memory>

#include "analysis/keyness.h"
#include "analysis/word_frequencies.h"
#include "cli/context.h"
#include "cli/tables.h"
#include "cli/word_selection.h"
#include "coding/attributes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/segments.h"
#include "coding/stop_words.h"
#include "coding/text.h"

namespace fokus::cli {
namespace {

// What words and keyness share: stems, stop words, minimum length and count.
struct WordListOptions {
    std::string path;
    bool stems = false, no_stop_words = false, json = false, csv = false;
    std::string stop_words_file;
    std::int64_t min_length = 1, min_count = 1;
    std::size_t limit = 50;
};

void add_word_list_options(CLI::App& command, WordListOptions& options) {
    command.add_option("PROJECT", options.path, "The project file")->required();
    command.add_flag("--stems", options.stems, "Count Danish stems (rådgiver, rådgiverne, rådgivere as one)");
    auto* file = command.add_option("--stopwords", options.stop_words_file,
                                    "Leave out the words of this file (one a line) instead of the project's stop words");
    command.add_flag("--no-stopwords", options.no_stop_words, "Leave out no words")->excludes(file);
    command.add_option("--min-length", options.min_length, "Leave out words of fewer letters")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000}))
        ->capture_default_str();
    auto* json = command.add_flag("--json", options.json, "Print JSON for scripts (every row)");
    command.add_flag("--csv", options.csv, "Print CSV for spreadsheets (every row)")->excludes(json);
}

WordFrequencyOptions word_options(Project& project, const WordListOptions& options) {
    WordFrequencyOptions result;
    result.stems = options.stems;
    if (!options.stop_words_file.empty()) {
        result.stop_words = read_stop_words(options.stop_words_file);
    } else if (!options.no_stop_words) {
        result.stop_words = stop_words(project);
    }
    result.min_length = options.min_length;
    result.min_count = options.min_count;
    return result;
}

std::string joined(const std::vector<std::string>& words) {
    std::string result;
    for (const auto& word : words) result += (result.empty() ? "" : " ") + word;
    return result;
}

std::string percent(double share) { return format_number(100 * share, 2) + "%"; }

void add_words(CLI::App& app, Context& context) {
    struct Options : WordListOptions {
        WordSelectionOptions selection;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("words", "Word frequencies: each word's count, share, documents and speakers");
    add_word_list_options(*command, *options);
    command->add_option("--min-count", options->min_count, "Leave out words occurring fewer times")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}))
        ->capture_default_str();
    auto* limit = command->add_option("--limit", options->limit, "Rows to show (0 for all); --json and --csv give all unless told")
                      ->capture_default_str();
    add_word_selection_options(*command, options->selection);
    command->callback([&context, options, limit] {
        auto project = context.open(options->path, false);
        auto word_options_ = word_options(project, *options);
        word_options_.selection = options->selection.filter(project);
        const std::size_t shown = (options->json || options->csv) && limit->count() == 0 ? 0 : options->limit;
        // Speakers are counted for the rows shown only: on a large project that reads far fewer positions.
        word_options_.speaker_rows = shown == 0 ? std::numeric_limits<std::size_t>::max() : shown;
        auto index = open_word_index(project);
        const auto table = word_frequencies(index, word_options_);
        if (options->json) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& row : table.rows) {
                if (shown != 0 && rows.size() == shown) break;
                rows.push_back({{"word", row.word}, {"forms", row.forms}, {"count", row.count}, {"share", row.share},
                                {"documents", row.documents}, {"speakers", row.speakers}});
            }
            print_json({{"words", table.total_words},
                        {"documents", table.documents},
                        {"stop_words_left_out", table.stop_words_left_out},
                        {"stems", options->stems},
                        {"rows", rows}});
            return;
        }
        std::vector<Row> rows;
        rows.push_back({options->stems ? "stem" : "word", "count", "share", "documents", "speakers"});
        if (options->stems) rows.back().push_back("words");
        for (const auto& row : table.rows) {
            if (shown != 0 && rows.size() > shown) break;
            rows.push_back({row.word, std::to_string(row.count), options->csv ? format_number(row.share, 8) : percent(row.share),
                            std::to_string(row.documents), std::to_string(row.speakers)});
            if (options->stems) rows.back().push_back(joined(row.forms));
        }
        if (options->csv) {
            write_csv(std::cout, rows);
            return;
        }
        write_aligned(std::cout, rows);
        std::cout << count_of(static_cast<std::size_t>(table.rows.size()), options->stems ? "stem" : "word",
                              options->stems ? "stems" : "different words")
                  << " in " << count_of(static_cast<std::size_t>(table.total_words), "word", "words") << " of "
                  << count_of(static_cast<std::size_t>(table.documents), "document", "documents") << "; "
                  << table.stop_words_left_out << " stop words left out";
        if (shown != 0 && table.rows.size() > shown) std::cout << "; the first " << shown << " shown (--limit 0 for all)";
        std::cout << '\n';
    });
}

// One side of a keyness comparison, as written on the command line:
// "participant.role=Leder", "code:NAME", "theme:NAME", "document:NAME",
// "speaker:LABEL", or, on the right, "rest" for everything the left leaves.
search::SearchFilter side(Project& project, const std::string& spec, const search::SearchFilter& common) {
    search::SearchFilter filter = common;
    if (spec.rfind("code:", 0) == 0) {
        filter.inside = resolve_item(project, spec.substr(5));
    } else if (spec.rfind("theme:", 0) == 0) {
        filter.inside = resolve_item(project, spec);
    } else if (spec.rfind("document:", 0) == 0) {
        filter.documents = {DocumentStore(project).resolve(spec.substr(9)).id};
    } else if (spec.rfind("speaker:", 0) == 0) {
        check_speaker_label(project, spec.substr(8));
        filter.speakers = {spec.substr(8)};
    } else if (spec.find('=') != std::string::npos) {
        auto condition = parse_condition(spec);
        const std::string name = (condition.of == AttributeCondition::Of::Participant ? std::string(participant_attribute_prefix) : "") + condition.name;
        if (!AttributeCatalogue(project).exists(name)) throw NotFoundError("no document or participant has the attribute " + text::quote(name));
        check_attribute_values(project, condition);
        filter.attributes.push_back(std::move(condition));
    } else {
        throw InputError(text::quote(spec) + " is no group of the transcripts; give ATTRIBUTE=VALUE (participant.role=Leder), "
                         "code:NAME, theme:NAME, document:NAME or speaker:LABEL");
    }
    return filter;
}

// Everything `left` leaves, within `common`.
search::SearchFilter rest_of(Project& project, const std::string& spec, const search::SearchFilter& left, const search::SearchFilter& common) {
    search::SearchFilter filter = common;
    if (left.inside && !common.inside) {
        filter.outside = left.inside;
    } else if (left.attributes.size() > common.attributes.size()) {
        auto condition = left.attributes.back();
        std::vector<std::string> others;
        for (const auto& value : attribute_values(project, condition)) {
            if (std::find(condition.values.begin(), condition.values.end(), value) == condition.values.end()) others.push_back(value);
        }
        if (others.empty()) throw InputError(text::quote(spec) + " takes every value of its attribute; there is no rest to compare with");
        condition.values = others;
        filter.attributes.push_back(std::move(condition));
    } else if (!left.documents.empty() && left.documents.size() == 1 && common.documents.empty()) {
        for (const Id id : DocumentStore(project).ids()) {
            if (id != left.documents.front()) filter.documents.push_back(id);
        }
    } else {
        throw InputError("\"rest\" is known for an attribute, a code or theme, or a document on the left, not for " + text::quote(spec));
    }
    return filter;
}

void add_keyness(CLI::App& app, Context& context) {
    struct Options : WordListOptions {
        WordSelectionOptions selection;
        std::string left, right;
        double max_p = 1.0;
    };
    auto options = std::make_shared<Options>();
    options->min_count = 5;
    options->limit = 20;
    auto* command = app.add_subcommand("keyness", "Key words of one group against another: log-likelihood G², p-value, log ratio");
    add_word_list_options(*command, *options);
    command->add_option("--left", options->left,
                        "The first group: participant.role=Leder, municipality=Kommune B, bikva_stage=1, code:NAME, theme:NAME, "
                        "document:NAME or speaker:LABEL")
        ->required();
    command->add_option("--right", options->right, "The second group, the same way, or rest for everything the first leaves")->required();
    command->add_option("--min-count", options->min_count, "Occurrences a key word needs in its own group")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000}))
        ->capture_default_str();
    command->add_option("--max-p", options->max_p, "Only words whose p-value is at most this")->check(CLI::Range(0.0, 1.0));
    command->add_option("--limit", options->limit, "Key words to show for each group on the terminal (0 for all)")->capture_default_str();
    add_word_selection_options(*command, options->selection);
    command->callback([&context, options] {
        auto project = context.open(options->path, false);
        KeynessOptions keyness_options;
        keyness_options.words = word_options(project, *options);
        const auto common = options->selection.filter(project);
        keyness_options.left = side(project, options->left, common);
        keyness_options.right = options->right == "rest" ? rest_of(project, options->left, keyness_options.left, common)
                                                         : side(project, options->right, common);
        keyness_options.min_count = options->min_count;
        keyness_options.max_p = options->max_p;
        auto index = open_word_index(project);
        const auto table = keyness(index, keyness_options);
        auto json_of = [](const std::vector<KeyWord>& words) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& word : words) {
                rows.push_back({{"word", word.word}, {"forms", word.forms}, {"left", word.left}, {"right", word.right},
                                {"g2", word.g2}, {"p", word.p}, {"log_ratio", word.log_ratio}});
            }
            return rows;
        };
        if (options->json) {
            print_json({{"left", {{"group", options->left}, {"words", table.left_words}, {"key_words", json_of(table.left)}}},
                        {"right", {{"group", options->right}, {"words", table.right_words}, {"key_words", json_of(table.right)}}},
                        {"stems", options->stems}});
            return;
        }
        std::vector<Row> rows;
        rows.push_back({"group", options->stems ? "stem" : "word", "left", "right", "G2", "p", "log ratio"});
        auto add = [&](const std::string& group, const std::vector<KeyWord>& words) {
            std::size_t shown = 0;
            for (const auto& word : words) {
                if (!options->csv && options->limit != 0 && shown++ == options->limit) break;
                rows.push_back({group, word.word, std::to_string(word.left), std::to_string(word.right), format_number(word.g2, options->csv ? 6 : 2),
                                options->csv ? format_number(word.p, 12) : (word.p < 0.0001 ? "<0.0001" : format_number(word.p, 4)),
                                format_number(word.log_ratio, options->csv ? 6 : 2)});
            }
        };
        add(options->left, table.left);
        add(options->right, table.right);
        if (options->csv) {
            write_csv(std::cout, rows);
            return;
        }
        write_aligned(std::cout, rows);
        std::cout << "left: " << options->left << ", " << count_of(static_cast<std::size_t>(table.left_words), "word", "words")
                  << ", " << count_of(table.left.size(), "key word", "key words") << "; right: " << options->right << ", "
                  << count_of(static_cast<std::size_t>(table.right_words), "word", "words") << ", "
                  << count_of(table.right.size(), "key word", "key words") << '\n';
    });
}

void add_stopwords(CLI::App& app, Context& context) {
    struct Options {
        std::string path, set_file;
        std::vector<std::string> add, remove;
        bool reset = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("stopwords", "The project's stop words: print them, or change them (one undo step)");
    command->add_option("PROJECT", options->path, "The project file")->required();
    auto* set = command->add_option("--set", options->set_file, "Make the words of this file (one a line, # for comments) the project's list");
    command->add_option("--add", options->add, "Add these words")->excludes(set);
    command->add_option("--remove", options->remove, "Remove these words")->excludes(set);
    command->add_flag("--reset", options->reset, "Go back to Fokus's Danish list")->excludes(set);
    command->callback([&context, options] {
        const bool changing = !options->set_file.empty() || !options->add.empty() || !options->remove.empty() || options->reset;
        auto project = context.open(options->path, changing);
        if (options->reset) {
            reset_stop_words(project);
        } else if (!options->set_file.empty()) {
            set_stop_words(project, read_stop_words(options->set_file));
        } else if (changing) {
            auto words = stop_words(project);
            for (const auto& word : options->add) words.push_back(word);
            std::vector<std::string> removed;
            for (const auto& word : options->remove) {
                for (auto& one : parse_stop_words(word)) removed.push_back(one);
            }
            std::erase_if(words, [&](const std::string& word) { return std::find(removed.begin(), removed.end(), word) != removed.end(); });
            set_stop_words(project, words);
        }
        const auto words = stop_words(project);
        for (const auto& word : words) std::cout << word << '\n';
        std::cerr << count_of(words.size(), "stop word", "stop words") << (has_own_stop_words(project) ? ", the project's own" : ", Fokus's Danish list")
                  << '\n';
    });
}

}  // namespace

void add_word_commands(CLI::App& app, Context& context) {
    add_words(app, context);
    add_keyness(app, context);
    add_stopwords(app, context);
}

}  // namespace fokus::cli
