// export-qdpx, import-qdpx and merge: projects to and from other tools and coders.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "cli/context.h"
#include "coding/codebook.h"
#include "coding/error.h"
#include "coding/documents.h"
#include "coding/merge.h"
#include "coding/sharing.h"
#include "coding/text.h"
#include "exporters/refi_project.h"
#include "importers/refi_project.h"
#include "search/index.h"

namespace fokus::cli {
namespace {

bool is_qdpx(const std::filesystem::path& path) {
    auto extension = path.extension().string();
    for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension == ".qdpx";
}

ProjectExchange read_other(const std::filesystem::path& path, importers::CrLfCounting crlf) {
    auto exchange = importers::read_qdpx(path, {}, crlf);
    for (const auto& warning : exchange.warnings) std::cerr << path.string() << ": " << warning << '\n';
    return exchange;
}

void print_left_out(const std::vector<ExchangeOmission>& left_out) {
    if (left_out.empty()) return;
    std::cout << "Left out, " << left_out.size() << " in all:\n";
    for (const auto& [kind, items] : left_out_by_kind(left_out)) {
        std::cout << "  " << kind << ": " << items.size() << '\n';
        for (const auto& item : items) std::cout << "    " << item << '\n';
    }
}

nlohmann::json left_out_json(const std::vector<ExchangeOmission>& left_out) {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& [kind, items] : left_out_by_kind(left_out)) groups.push_back({{"kind", kind}, {"count", items.size()}, {"items", items}});
    return groups;
}

nlohmann::json counts_json(const MergeCounts& counts) {
    return {{"added", counts.added}, {"present", counts.present}, {"deleted_here", counts.deleted_here}, {"withheld", counts.withheld}};
}

void print_report(const MergeReport& report, bool json, const ProjectExchange* other = nullptr) {
    const std::vector<std::pair<const char*, const MergeCounts*>> rows = {
        {"coders", &report.coders},       {"documents", &report.documents}, {"codes", &report.codes},
        {"themes", &report.code_sets},    {"participants", &report.participants},
        {"attributes", &report.attributes}, {"codings", &report.codings}, {"memos", &report.memos},
        {"links", &report.links},         {"quote sets", &report.quote_sets}, {"quotes", &report.quotes},
        {"condensations", &report.condensations}};
    if (json) {
        nlohmann::json out{{"dry_run", report.dry_run}, {"changes", report.changes_anything()}};
        for (const auto& [name, counts] : rows) out[name] = counts_json(*counts);
        out["conflicts"] = nlohmann::json::array();
        for (const auto& conflict : report.conflicts) {
            out["conflicts"].push_back({{"item", conflict.item},
                                        {"ours", conflict.ours},
                                        {"theirs", conflict.theirs},
                                        {"kept", conflict.took_theirs ? "theirs" : "ours"}});
        }
        out["notes"] = report.notes;
        if (other) {
            out["left_out"] = left_out_json(other->left_out);
            out["warnings"] = other->warnings;
        }
        print_json(out);
        return;
    }
    std::cout << (report.dry_run ? "Would add (nothing is changed):\n" : "Added:\n");
    for (const auto& [name, counts] : rows) {
        std::cout << "  " << name << ": " << counts->added << " new, " << counts->present << " already here";
        if (counts->deleted_here > 0) std::cout << ", " << counts->deleted_here << " deleted here and not brought back";
        if (counts->withheld > 0) std::cout << ", " << counts->withheld << " left out with their document (see the notes)";
        std::cout << '\n';
    }
    for (const auto& conflict : report.conflicts) {
        std::cout << "Conflict: " << conflict.item << ": here " << text::quote(conflict.ours) << ", there "
                  << text::quote(conflict.theirs) << "; " << (conflict.took_theirs ? "took theirs" : "kept this project's")
                  << '\n';
    }
    for (const auto& note : report.notes) std::cout << "Note: " << note << '\n';
    if (other) print_left_out(other->left_out);
    if (!report.changes_anything()) std::cout << "Nothing to change: everything is already here.\n";
}

struct MergeCommand {
    std::string path, other;
    bool dry_run = false, take_theirs = false, json = false;
    importers::CrLfCounting crlf = importers::CrLfCounting::Auto;
};

void add_crlf_option(CLI::App* command, MergeCommand& options) {
    const std::map<std::string, importers::CrLfCounting> counts{
        {"auto", importers::CrLfCounting::Auto}, {"one", importers::CrLfCounting::One}, {"two", importers::CrLfCounting::Two}};
    command->add_option("--crlf-counts-as", options.crlf,
                        "In a .qdpx whose texts have CRLF line ends, count each as one character (ATLAS.ti, QualCoder's "
                        "MAXQDA line endings) or two; by default auto: by the program that wrote it and its selections")
        ->transform(CLI::CheckedTransformer(counts, CLI::ignore_case));
}

void add_merge_flags(CLI::App* command, MergeCommand& options) {
    command->add_flag("--dry-run", options.dry_run, "Print what would change, and change nothing");
    command->add_flag("--take-theirs", options.take_theirs,
                      "Where both projects changed the same thing (a code's colour or definition, an attribute), take "
                      "the other's value; by default this project's is kept. Conflicts are listed either way");
    add_json_flag(*command, options.json);
}

// What a copy to share, or an export, leaves out.
struct SharingFlags {
    bool without_memos = false, anonymous_coders = false;
    std::vector<std::string> without_documents;

    SharingOptions options(Project& project) const {
        SharingOptions result{without_memos, anonymous_coders, {}};
        for (const auto& name : without_documents) result.without_documents.push_back(DocumentStore(project).resolve(name).id);
        return result;
    }
    bool any() const { return without_memos || anonymous_coders || !without_documents.empty(); }
};

void add_sharing_flags(CLI::App* command, SharingFlags& flags) {
    command->add_flag("--without-memos", flags.without_memos, "Leave out every memo");
    command->add_flag("--anonymous-coders", flags.anonymous_coders,
                      "Name the coders Coder 1, Coder 2 ... in the order they first coded, instead of by their names");
    command->add_option("--without-document", flags.without_documents, "Leave out this document, with its codings (repeat for several)");
}

}  // namespace

void add_exchange_commands(CLI::App& app, Context& context) {
    {
        struct ShareCommand {
            std::string path, copy;
            SharingFlags flags;
        };
        auto options = std::make_shared<ShareCommand>();
        auto* command = app.add_subcommand(
            "share", "Write a copy of the project to share or archive: no undo history, backups or change journal, "
                     "a fresh search index; optionally without memos, coders' names or some documents");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("COPY", options->copy, "The new project file to write; must not exist")->required();
        add_sharing_flags(command, options->flags);
        command->callback([&context, options] {
            auto project = context.open(options->path, false);
            const auto report = write_copy_to_share(project, options->copy, options->flags.options(project));
            {
                auto copy = Project::open(options->copy, Project::Access::ReadOnly);
                search::Index::open_for(copy);
            }
            std::cout << "Wrote " << options->copy << ": no undo history, backups or change journal";
            if (report.documents_left_out) std::cout << "; left out " << report.documents_left_out << " documents";
            if (options->flags.without_memos) std::cout << "; left out " << report.memos_left_out << " memos";
            if (options->flags.anonymous_coders) std::cout << "; named " << report.coders_renamed << " coders Coder 1, Coder 2 ...";
            std::cout << "\n";
        });
    }
    {
        auto options = std::make_shared<MergeCommand>();
        auto* command = app.add_subcommand("export-qdpx", "Write the whole project as a REFI-QDA project (.qdpx) for "
                                                          "NVivo, ATLAS.ti, MAXQDA, QualCoder and others");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("FILE", options->other, "The .qdpx file to write")->required();
        auto flags = std::make_shared<SharingFlags>();
        add_sharing_flags(command, *flags);
        command->callback([&context, options, flags] {
            auto project = context.open(options->path, false);
            auto exchange = read_exchange(project);
            if (flags->any()) prepare_for_sharing(project, exchange, flags->options(project));
            exporters::write_qdpx(exchange, options->other);
            std::cout << "Wrote " << options->other << ": " << exchange.documents.size() << " documents, "
                      << exchange.codes.size() << " codes, " << exchange.codings.size() << " codings, "
                      << exchange.memos.size() << " memos, " << exchange.links.size() << " links\n";
            if (const auto beyond = beyond_exchange(project); !beyond.empty()) {
                std::cout << "Not written, since REFI-QDA has no place for them (they stay in " << options->path
                          << "): " << beyond.describe() << "\n";
            }
        });
    }
    {
        auto options = std::make_shared<MergeCommand>();
        auto* command = app.add_subcommand(
            "import-qdpx", "Bring a REFI-QDA project (.qdpx) into a new project, or into an existing one as a merge");
        command->add_option("PROJECT", options->path, "The project file; made when it does not exist")->required();
        command->add_option("FILE", options->other, "The .qdpx file to read")->required()->check(CLI::ExistingFile);
        add_merge_flags(command, *options);
        add_crlf_option(command, *options);
        command->callback([&context, options] {
            const std::filesystem::path target = options->path;
            const auto exchange = read_other(options->other, options->crlf);
            MergeOptions merge{std::filesystem::path(options->other).filename().string(), options->dry_run, options->take_theirs};
            if (std::filesystem::exists(target)) {
                auto project = context.open(options->path);
                print_report(merge_exchange(project, exchange, merge), options->json, &exchange);
                return;
            }
            // A new project is made aside, under its own name, and put in place only when whole.
            const auto aside = std::filesystem::path(target.string() + ".importing");
            const auto partial = aside / target.filename();
            std::filesystem::remove_all(aside);
            std::filesystem::create_directories(aside);
            MergeReport report;
            try {
                {
                    const Codebook empty;
                    auto project = Project::create(partial, &empty);
                    project.set_coder(context.coder);
                    report = merge_exchange(project, exchange, merge);
                }
                if (!options->dry_run) std::filesystem::rename(partial, target);
            } catch (...) {
                std::error_code ignored;
                std::filesystem::remove_all(aside, ignored);
                throw;
            }
            std::filesystem::remove_all(aside);
            print_report(report, options->json, &exchange);
        });
    }
    {
        auto options = std::make_shared<MergeCommand>();
        auto* command = app.add_subcommand(
            "merge", "Merge another coder's project (.fokus) or a REFI-QDA project (.qdpx) into this one: documents "
                     "matched by their text, codes by GUID then name, coders by name; nothing already here is added twice");
        command->add_option("PROJECT", options->path, "The project to merge into")->required();
        command->add_option("OTHER", options->other, "The other project (.fokus or .qdpx); only read")->required()->check(CLI::ExistingFile);
        add_merge_flags(command, *options);
        add_crlf_option(command, *options);
        command->callback([&context, options] {
            auto project = context.open(options->path);
            MergeOptions merge{std::filesystem::path(options->other).filename().string(), options->dry_run, options->take_theirs};
            if (!is_qdpx(options->other)) {
                print_report(merge_project_file(project, options->other, merge), options->json);
                return;
            }
            const auto exchange = read_other(options->other, options->crlf);
            print_report(merge_exchange(project, exchange, merge), options->json, &exchange);
        });
    }
}

}  // namespace fokus::cli
