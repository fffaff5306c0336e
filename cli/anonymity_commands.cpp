// check-anonymity and pseudonymise.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/context.h"
#include "cli/tables.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "importers/anonymity.h"
#include "importers/anonymity_files.h"
#include "search/index.h"

namespace fokus::cli {
namespace {

struct Options {
    std::string path, names_file, map_file;
    std::vector<std::string> names, documents, kinds;
    bool json = false;
    bool permanent = false;
    bool deep = false;

    importers::AnonymityOptions anonymity() const {
        importers::AnonymityOptions result;
        result.names = names;
        if (!names_file.empty()) {
            const auto more = importers::read_names(names_file);
            result.names.insert(result.names.end(), more.begin(), more.end());
        }
        if (!map_file.empty()) {
            for (const auto& [name, pseudonym] : importers::read_name_mapping(map_file)) result.names.push_back(name);
        }
        if (!kinds.empty()) {
            result.kinds.clear();
            for (const auto& kind : kinds) result.kinds.push_back(importers::parse_kind(kind));
        }
        return result;
    }
};

void add_options(CLI::App& command, Options& options) {
    command.add_option("PROJECT", options.path, "The project file")->required();
    command.add_option("--name", options.names, "A name to look for, with its genitive (repeat for several)");
    command.add_option("--names", options.names_file, "A file of names to look for, one a line");
    command.add_option("--document", options.documents, "Only this document (repeat for several)");
    command.add_option("--kinds", options.kinds, "Only these kinds: cpr, phone, email, address, name")->delimiter(',');
}

std::vector<Id> document_ids(Project& project, const std::vector<std::string>& names) {
    std::vector<Id> ids;
    for (const auto& name : names) ids.push_back(DocumentStore(project).resolve(name).id);
    return ids;
}

void check_files(const Context& context, const Options& options) {
    // Opened once to make sure it is a Fokus project; the files are then read as they are.
    context.open(options.path, false);
    const auto found = importers::check_stored_files(options.path, options.anonymity());
    const auto folder = std::filesystem::path(options.path).parent_path();
    const auto shown = [&](const std::filesystem::path& file) {
        return folder.empty() ? file.string() : std::filesystem::relative(file, folder).string();
    };
    if (options.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& finding : found) {
            list.push_back({{"file", shown(finding.file)},
                            {"kind", importers::kind_name(finding.kind)},
                            {"text", finding.text},
                            {"count", finding.count},
                            {"where", finding.where}});
        }
        print_json(list);
    } else {
        for (const auto& finding : found) {
            std::cout << shown(finding.file) << "  " << importers::kind_name(finding.kind) << "  " << finding.text << "  "
                      << count_of(static_cast<std::size_t>(finding.count), "time", "times")
                      << (finding.where.empty() ? "" : "  " + finding.where) << '\n';
        }
        std::cout << count_of(found.size(), "finding", "findings") << " in "
                  << importers::project_files(options.path).size() << " files of the project\n";
    }
    if (!found.empty()) throw ExitAfterReport{refused};
}

}  // namespace

void add_anonymity_commands(CLI::App& app, Context& context) {
    {
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "check-anonymity", "Find CPR numbers, phone numbers, e-mail and street addresses, and listed names");
        add_options(*command, *options);
        add_json_flag(*command, options->json);
        command->add_flag("--deep", options->deep,
                          "Read every file of the project byte by byte (the project with its free pages and history, its "
                          "write-ahead log, backups, damaged copies and search index); exit 1 when anything is found");
        command->callback([&context, options] {
            if (options->deep) {
                check_files(context, *options);
                return;
            }
            auto project = context.open(options->path, false);
            const auto findings = importers::check_anonymity(project, options->anonymity(), document_ids(project, options->documents));
            DocumentStore documents(project);
            if (options->json) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& finding : findings) {
                    list.push_back({{"document", finding.document ? nlohmann::json(documents.get(finding.document).name) : nlohmann::json()},
                                    {"place", finding.side ? side_text_name(*finding.side) : "text"},
                                    {"kind", importers::kind_name(finding.kind)},
                                    {"start", finding.span.start},
                                    {"end", finding.span.end},
                                    {"text", finding.text},
                                    {"context", finding.context}});
                }
                print_json(list);
                return;
            }
            for (const auto& finding : findings) {
                std::cout << importers::place_of(project, finding) << "  " << finding.span.start << "-" << finding.span.end << "  "
                          << importers::kind_name(finding.kind) << "  " << finding.text << "\n    …" << finding.context << "…\n";
            }
            std::cout << findings.size() << " findings\n";
        });
    }
    {
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "pseudonymise", "Replace what check-anonymity finds with placeholders, or names with given pseudonyms");
        command->alias("pseudonymize");
        add_options(*command, *options);
        command->add_option("--map", options->map_file, "A file of lines \"Mette -> Rådgiver 3\"");
        command->add_flag("--permanent", options->permanent,
                          "Make it permanent: it cannot be undone, and the originals are removed from the history, free pages, "
                          "backups and search index");
        command->callback([&context, options] {
            auto project = context.open(options->path);
            const auto mapping = options->map_file.empty() ? std::map<std::string, std::string>()
                                                           : importers::read_name_mapping(options->map_file);
            const auto findings = importers::check_anonymity(project, options->anonymity(), document_ids(project, options->documents));
            if (findings.empty()) {
                std::cout << "Nothing to replace\n";
                return;
            }
            if (!options->permanent) {
                const int replaced = importers::pseudonymise(project, findings, mapping);
                std::cout << "Replaced " << replaced << " findings (undo reverses it; until then the originals stay in the "
                             "history and the backups: --permanent removes them)\n";
                return;
            }
            const auto result = importers::pseudonymise_permanently(project, findings, mapping);
            // The index holds the old words in its lexicon; it is derived, so it is built anew.
            std::filesystem::remove_all(search::Index::path_for(project));
            search::Index::open_for(project);
            std::cout << "Replaced " << result.replaced << " findings permanently: this cannot be undone.\n"
                      << "Removed " << result.erasure.steps_removed << " earlier steps from the history and "
                      << result.erasure.files_removed.size() << " backups and copies made before; made a new backup, "
                      << result.erasure.new_backup.filename().string() << "; built the search index anew.\n";
            if (!result.erasure.log_emptied) {
                std::cerr << "fokus-cli: another program is reading the project, so its write-ahead log ("
                          << project.path().string() << "-wal) still holds old pages; close it and run this again\n";
                throw ExitAfterReport{partial};
            }
        });
    }
}

}  // namespace fokus::cli
