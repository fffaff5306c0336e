// concordance: a word in its contexts, and coding them.
#include <iostream>
#include <memory>

#include "analysis/concordance.h"
#include "cli/context.h"
#include "cli/tables.h"
#include "cli/word_selection.h"
#include "coding/codes.h"
#include "coding/text.h"

namespace fokus::cli {
namespace {

std::string one_line(std::string text) {
    for (auto& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return text;
}

// The last `width` code points of a text, padded on the left to that width.
std::string right_aligned(const std::string& text, std::size_t width) {
    const auto length = text::count_code_points(text);
    if (length >= width) {
        std::size_t byte = 0;
        for (std::size_t skipped = 0; skipped < length - width; ++skipped) {
            ++byte;
            while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
        }
        return text.substr(byte);
    }
    return std::string(width - length, ' ') + text;
}

}  // namespace

void add_concordance_command(CLI::App& app, Context& context) {
    struct Options {
        std::string path, word, order = "text", code, level = "word";
        WordSelectionOptions selection;
        bool stem = false, json = false;
        int context = 50;
        std::vector<std::size_t> chosen;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("concordance", "A word in every context it occurs in (KWIC), sorted, and coded if asked");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_option("WORD", options->word, "One word")->required();
    command->add_flag("--stem", options->stem, "Every word under its Danish stem (rådgiver: rådgiveren, rådgiverne ...)");
    command->add_option("--sort", options->order, "text (documents in order), left or right (by the words on that side)")
        ->check(CLI::IsMember({"text", "left", "right"}))
        ->capture_default_str();
    command->add_option("--context", options->context, "Characters each side")->check(CLI::Range(0, 2000))->capture_default_str();
    add_word_selection_options(*command, options->selection);
    auto* code = command->add_option("--code-all", options->code, "Code the occurrences (all, or --hits) with this code, as one step");
    command->add_option("--level", options->level, "What --code-all codes: word, sentence or turn")->capture_default_str();
    command->add_option("--hits", options->chosen, "Only these occurrences, by their numbers in the list")->delimiter(',')->needs(code);
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        auto project = context.open(options->path, !options->code.empty());
        ConcordanceOptions concordance_options;
        concordance_options.filter = options->selection.filter(project);
        concordance_options.stem = options->stem;
        concordance_options.order = parse_concordance_order(options->order);
        concordance_options.context = options->context;
        auto index = open_word_index(project);
        const auto hits = concordance(index, options->word, concordance_options);
        if (options->json) {
            nlohmann::json lines = nlohmann::json::array();
            for (const auto& hit : hits) {
                lines.push_back({{"document", hit.document_name}, {"speaker", speaker_json(hit.speaker)}, {"start", hit.span.start},
                                 {"end", hit.span.end}, {"left", hit.before}, {"word", hit.match}, {"right", hit.after}});
            }
            print_json(lines);
        } else {
            const auto width = static_cast<std::size_t>(options->context);
            std::size_t number = 0;
            for (const auto& hit : hits) {
                std::cout << right_aligned(std::to_string(++number), 4) << "  " << right_aligned(one_line(hit.before), width) << " «"
                          << one_line(hit.match) << "» " << one_line(hit.after) << "  (" << hit.document_name << ", "
                          << speaker_text(hit.speaker) << ")\n";
            }
            std::cout << count_of(hits.size(), "occurrence", "occurrences") << '\n';
        }
        if (options->code.empty()) return;
        const auto target = CodeStore(project).resolve(options->code);
        const auto made = search::code_hits(project, hits, target.id, search::parse_level(options->level), options->chosen);
        (options->json ? std::cerr : std::cout) << "Coded " << made.size() << " passages with " << text::quote(target.name)
                                                << " (undo removes them all)\n";
    });
}

}  // namespace fokus::cli
