// new, info, undo, redo, history.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/context.h"
#include "cli/tables.h"
#include "cli/number_checks.h"
#include "coding/attributes.h"
#include "coding/codebook.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/history.h"
#include "coding/memos.h"
#include "coding/schema.h"

namespace fokus::cli {
namespace {

nlohmann::json document_json(DocumentStore& documents, const Document& document, const DocumentStore::UnitCounts& units,
                             const std::map<std::string, std::string>& attributes) {
    nlohmann::json speakers = nlohmann::json::array();
    for (const auto& speaker : documents.speakers(document.id)) {
        speakers.push_back({{"label", speaker.label}, {"turns", speaker.turns}});
    }
    return {{"id", document.id},
            {"name", document.name},
            {"format", document.format},
            {"length", document.length},
            {"source", document.source_name},
            {"imported_at", document.imported_at},
            {"attributes", attributes},
            {"turns", units.turns},
            {"passages", units.passages},
            {"speakers", speakers}};
}

void print_info(Project& project, bool json) {
    DocumentStore documents(project);
    const auto all = documents.all();
    const auto counts = count_contents(project);
    const auto codes = counts.codes;
    const auto codings = counts.codings;
    const auto coders = counts.coders;
    const auto memos = counts.memos;
    const auto participants = counts.participants;
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        auto units = documents.unit_counts();
        auto attributes = documents.all_attributes();
        for (const auto& document : all) list.push_back(document_json(documents, document, units[document.id], attributes[document.id]));
        print_json({{"name", project.name()},
                    {"path", project.path().string()},
                    {"guid", project.guid()},
                    {"schema_version", counts.schema_version},
                    {"codes", codes},
                    {"codings", codings},
                    {"coders", coders},
                    {"memos", memos},
                    {"participants", participants},
                    {"documents", list}});
        return;
    }
    std::cout << "Project   " << project.name() << "  (" << project.path().string() << ")\n"
              << "Documents " << all.size() << ", codes " << codes << ", codings " << codings << ", coders "
              << coders << ", memos " << memos << ", participants " << participants << '\n';
    auto units = documents.unit_counts();
    auto attributes = documents.all_attributes();
    for (const auto& document : all) {
        const auto& counted = units[document.id];
        std::cout << "  " << document.id << "  " << document.name << "  [" << document.format << ", "
                  << count_of(static_cast<std::size_t>(document.length), "character", "characters") << ", "
                  << count_of(static_cast<std::size_t>(counted.turns), "turn", "turns") << ", "
                  << count_of(static_cast<std::size_t>(counted.passages), "unlabelled passage", "unlabelled passages") << "]";
        for (const auto& [name, value] : attributes[document.id]) std::cout << "  " << name << "=" << value;
        std::cout << '\n';
    }
}

void print_step(const char* verb, const HistoryStep& step, bool json) {
    if (json) {
        print_json({{"action", verb}, {"step", step.id}, {"label", step.label}});
    } else {
        std::cout << verb << ": " << step.label << '\n';
    }
}

}  // namespace

void add_project_commands(CLI::App& app, Context& context) {
    {
        struct Options {
            std::string path, codebook;
            bool empty = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand("new", "Create a project, with the default codebook unless another is given");
        command->add_option("PROJECT", options->path, "The new project file (.fokus)")->required();
        auto* codebook = command->add_option("--codebook", options->codebook,
                                             "Start with this REFI-QDA codebook (.qdc) instead");
        command->add_flag("--empty", options->empty, "Start with no codes at all")->excludes(codebook);
        command->callback([&context, options] {
            std::optional<Codebook> chosen;
            if (options->empty) chosen.emplace();
            if (!options->codebook.empty()) chosen = read_codebook(options->codebook);
            auto project = Project::create(options->path, chosen ? &*chosen : nullptr);
            project.set_coder(context.coder);
            std::cout << "Created " << project.path().string() << " with " << CodeStore(project).all().size()
                      << " codes\n";
        });
    }
    {
        struct Options {
            std::string path;
            bool json = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand("info", "Show a project's documents, their attributes and counts");
        command->add_option("PROJECT", options->path, "The project file")->required();
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            auto project = context.open(options->path, false);
            print_info(project, options->json);
        });
    }
    for (const bool undo : {true, false}) {
        struct Options {
            std::string path;
            bool json = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand(undo ? "undo" : "redo", undo ? "Undo the last action in the project"
                                                                        : "Redo the last undone action in the project");
        command->add_option("PROJECT", options->path, "The project file")->required();
        add_json_flag(*command, options->json);
        command->callback([&context, options, undo] {
            auto project = context.open(options->path);
            History history(project);
            const auto step = undo ? history.undo() : history.redo();
            print_step(undo ? "Undone" : "Redone", step, options->json);
        });
    }
    {
        struct Options {
            std::string path;
            bool json = false;
            int limit = 20;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand("history", "List the actions that can be undone or redone, newest first");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("--limit", options->limit, "How many steps to show")->check(whole_number_from(1));
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            auto project = context.open(options->path, false);
            const auto steps = History(project).steps(options->limit);
            if (options->json) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& step : steps) {
                    list.push_back({{"step", step.id}, {"label", step.label}, {"at", step.created_at}, {"undone", step.undone}});
                }
                print_json(list);
                return;
            }
            for (const auto& step : steps) {
                std::cout << step.id << "  " << step.created_at << "  " << step.label
                          << (step.undone ? "  (undone)" : "") << '\n';
            }
        });
    }
}

}  // namespace fokus::cli
