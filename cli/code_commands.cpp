// codes (list, add, rename, move, recolour, define, merge, delete),
// import-codebook and export-codebook.
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "cli/context.h"
#include "cli/number_checks.h"
#include "coding/codebook.h"
#include "coding/code_description.h"
#include "coding/code_keys.h"
#include "coding/codes.h"
#include "coding/error.h"
#include "exporters/codebook_document.h"

namespace fokus::cli {
namespace {

struct CodesOptions {
    std::string path;
    bool json = false;
    bool sets = false;
    std::string code, other, name, parent, colour, definition;
    bool top = false;
    bool force = false;
    int position = -1;
};

void print_codes(Project& project, bool json) {
    CodeStore store(project);
    const auto codes = store.all();
    const CodeKeys keys(project);
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& code : codes) {
            list.push_back({{"id", code.id},
                            {"guid", code.guid},
                            {"name", code.name},
                            {"color", code.color},
                            {"parent", code.parent ? nlohmann::json(*code.parent) : nlohmann::json()},
                            {"depth", code.depth},
                            {"codable", code.codable},
                            {"codings", store.coding_count(code.id)},
                            {"key", keys.key_of(code.id) ? nlohmann::json(*keys.key_of(code.id)) : nlohmann::json()},
                            {"definition", code.definition}});
        }
        print_json(list);
        return;
    }
    for (const auto& code : codes) {
        std::cout << std::string(static_cast<std::size_t>(code.depth) * 2, ' ') << code.id << "  " << code.color << "  "
                  << code.name;
        if (code.codable) std::cout << "  (" << store.coding_count(code.id) << ")";
        std::cout << '\n';
    }
}

void print_sets(Project& project, bool json) {
    CodeStore store(project);
    std::map<Id, std::string> names;
    for (const auto& code : store.all()) names[code.id] = code.name;
    const auto sets = store.sets();
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& set : sets) {
            nlohmann::json members = nlohmann::json::array();
            for (const Id member : set.members) members.push_back({{"id", member}, {"name", names[member]}});
            list.push_back({{"id", set.id}, {"guid", set.guid}, {"name", set.name}, {"members", members}});
        }
        print_json(list);
        return;
    }
    for (const auto& set : sets) {
        std::cout << set.name << '\n';
        for (const Id member : set.members) std::cout << "  " << member << "  " << names[member] << '\n';
    }
}

std::optional<Id> parent_of(CodeStore& store, const std::string& parent) {
    if (parent.empty()) return std::nullopt;
    return store.resolve(parent).id;
}

CLI::App* action(CLI::App& codes, const char* name, const char* description) {
    auto* command = codes.add_subcommand(name, description);
    return command;
}

}  // namespace

void add_code_commands(CLI::App& app, Context& context) {
    auto options = std::make_shared<CodesOptions>();
    auto* codes = app.add_subcommand("codes", "List the codes, or change them with one of the actions below");
    codes->add_option("PROJECT", options->path, "The project file")->required();
    codes->add_flag("--sets", options->sets, "List the themes (code sets) and their members instead");
    add_json_flag(*codes, options->json);
    codes->require_subcommand(0, 1);
    codes->callback([&context, options, codes] {
        if (!codes->get_subcommands().empty()) return;
        auto project = context.open(options->path, false);
        if (options->sets) {
            print_sets(project, options->json);
        } else {
            print_codes(project, options->json);
        }
    });

    auto* add = action(*codes, "add", "Add a code");
    add->add_option("NAME", options->name, "The new code's name")->required();
    add->add_option("--parent", options->parent, "Put it under this code");
    add->add_option("--colour,--color", options->colour, "Its colour as #RRGGBB (a free one when left out)");
    add->add_option("--definition", options->definition, "Its definition");
    add->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const Id id = store.add(options->name, parent_of(store, options->parent), options->colour, options->definition);
        std::cout << "Added code " << id << "  " << store.get(id).name << '\n';
    });

    auto* rename = action(*codes, "rename", "Rename a code");
    rename->add_option("CODE", options->code, "The code (name, id or GUID)")->required();
    rename->add_option("NAME", options->name, "Its new name")->required();
    rename->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const auto code = store.resolve(options->code);
        store.rename(code.id, options->name);
        std::cout << "Renamed \"" << code.name << "\" to \"" << store.get(code.id).name << "\"\n";
    });

    auto* move = action(*codes, "move", "Move a code under another, to the top level, or to another position");
    move->add_option("CODE", options->code, "The code to move")->required();
    auto* parent = move->add_option("--parent", options->parent, "Put it under this code");
    move->add_flag("--top", options->top, "Put it at the top level")->excludes(parent);
    move->add_option("--position", options->position, "Its place among its new siblings, from 0 (last when left out)")
        ->check(whole_number_from(0));
    move->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const auto code = store.resolve(options->code);
        const auto new_parent = options->top ? std::nullopt
                                : options->parent.empty() ? code.parent
                                                          : parent_of(store, options->parent);
        store.move(code.id, new_parent,
                   options->position >= 0 ? std::optional<int>(options->position) : std::nullopt);
        std::cout << "Moved \"" << code.name << "\"\n";
    });

    auto* recolour = action(*codes, "recolour", "Give a code another colour");
    recolour->alias("recolor");
    recolour->add_option("CODE", options->code, "The code")->required();
    recolour->add_option("COLOUR", options->colour, "The colour as #RRGGBB")->required();
    recolour->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const auto code = store.resolve(options->code);
        store.recolour(code.id, options->colour);
        std::cout << "\"" << code.name << "\" is now " << store.get(code.id).color << '\n';
    });

    auto* key = action(*codes, "key", "Give a code the key that codes with it (1-9, 0, Shift+1 ... Shift+0); "
                                      "the code that had the key takes the code's former one");
    key->add_option("CODE", options->code, "The code")->required();
    auto* key_name = key->add_option("KEY", options->name, "The key, e.g. 4 or Shift+5");
    key->add_flag("--none", options->top, "Take the code's key away")->excludes(key_name);
    key->callback([&context, options] {
        if (options->name.empty() && !options->top) throw CLI::ValidationError("KEY", "give a key, or --none");
        auto project = context.open(options->path);
        const auto code = CodeStore(project).resolve(options->code);
        CodeKeys keys(project);
        keys.assign(code.id, options->name);
        std::cout << "\"" << code.name << "\" " << (options->name.empty() ? "has no key" : "is coded with " + options->name) << '\n';
    });

    auto* list_keys = action(*codes, "keys", "List the keys that code with each code");
    list_keys->callback([&context, options] {
        auto project = context.open(options->path, false);
        const CodeKeys keys(project);
        for (const auto& name : code_key_names) {
            if (const auto code = keys.code_for(name)) std::cout << name << "  " << CodeStore(project).get(*code).name << '\n';
        }
    });

    auto* define = action(*codes, "define", "Set a code's definition");
    define->add_option("CODE", options->code, "The code")->required();
    define->add_option("DEFINITION", options->definition, "The definition")->required();
    define->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const auto code = store.resolve(options->code);
        store.define(code.id, options->definition);
        std::cout << "Defined \"" << code.name << "\"\n";
    });

    {
        struct Described {
            std::optional<std::string> name, colour, definition, memo;
        };
        auto described = std::make_shared<Described>();
        auto* describe = action(*codes, "describe", "Change a code's name, colour, definition and memo together, as one step");
        describe->add_option("CODE", options->code, "The code")->required();
        describe->add_option("--name", described->name, "Its new name");
        describe->add_option("--colour,--color", described->colour, "Its colour as #RRGGBB");
        describe->add_option("--definition", described->definition, "Its definition");
        describe->add_option("--memo", described->memo, "The text of its memo (empty: delete the memo)");
        describe->callback([&context, options, described] {
            auto project = context.open(options->path);
            const auto code = CodeStore(project).resolve(options->code);
            auto wanted = description_of(project, code.id);
            if (described->name) wanted.name = *described->name;
            if (described->colour) wanted.colour = *described->colour;
            if (described->definition) wanted.definition = *described->definition;
            if (described->memo) wanted.memo = *described->memo;
            std::cout << (describe_code(project, code.id, wanted) ? "Described \"" : "Nothing changed for \"") << code.name << "\"\n";
        });
    }

    auto* merge = action(*codes, "merge", "Merge one code into another: its codings move, then it is removed");
    merge->add_option("SOURCE", options->code, "The code that disappears")->required();
    merge->add_option("TARGET", options->other, "The code that receives its codings")->required();
    merge->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const auto source = store.resolve(options->code);
        const auto target = store.resolve(options->other);
        const auto before = store.coding_count(source.id);
        const int moved = store.merge(source.id, target.id);
        std::cout << "Merged \"" << source.name << "\" into \"" << target.name << "\": " << moved << " codings moved";
        if (before > moved) std::cout << ", " << before - moved << " already there";
        std::cout << '\n';
    });

    auto* remove = action(*codes, "delete", "Delete a code with its sub-codes and codings");
    remove->add_option("CODE", options->code, "The code")->required();
    remove->add_flag("--force", options->force, "Delete without asking even when it has codings");
    remove->callback([&context, options] {
        auto project = context.open(options->path);
        CodeStore store(project);
        const auto code = store.resolve(options->code);
        std::int64_t codings = 0;
        int subcodes = 0;
        bool inside = false;
        for (const auto& each : store.all()) {
            if (each.id == code.id) {
                inside = true;
            } else if (inside && each.depth <= code.depth) {
                break;
            } else if (inside) {
                ++subcodes;
            }
            if (inside) codings += store.coding_count(each.id);
        }
        if ((codings > 0 || subcodes > 0) && !options->force) {
            const std::string what = "\"" + code.name + "\" has " + std::to_string(codings) + " codings and " +
                                     std::to_string(subcodes) + " sub-codes";
            if (!confirm("Delete code " + what + "?")) {
                throw InputError(what + "; nothing was deleted (use --force to delete them too)");
            }
        }
        store.remove(code.id);
        std::cout << "Deleted \"" << code.name << "\" and " << codings << " codings\n";
    });

    {
        struct Options {
            std::string path, file;
        };
        auto import_options = std::make_shared<Options>();
        auto* command = app.add_subcommand("import-codebook", "Add the codes and themes of a REFI-QDA codebook (.qdc)");
        command->add_option("PROJECT", import_options->path, "The project file")->required();
        command->add_option("CODEBOOK", import_options->file, "The codebook file (.qdc)")->required();
        command->callback([&context, import_options] {
            const auto codebook = read_codebook(import_options->file);
            auto project = context.open(import_options->path);
            const auto summary = CodeStore(project).load_codebook(codebook);
            std::cout << "Codebook " << import_options->file << ": " << summary.added << " codes added, "
                      << summary.updated << " updated, " << summary.sets_added << " themes added\n";
        });
    }
    {
        struct Options {
            std::string path, file, format;
            int examples = 3;
            std::string attribution = "({speaker})";
        };
        auto export_options = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "export-codebook",
            "Write the project's codes and themes as a REFI-QDA codebook (.qdc), or as a readable document (.docx, .md) "
            "with each code's definition, memos, counts and example quotations");
        command->add_option("PROJECT", export_options->path, "The project file")->required();
        command->add_option("FILE", export_options->file, "The file to write")->required();
        command->add_option("--format", export_options->format,
                            "qdc, docx or md (default: from FILE's extension, else qdc)")
            ->check(CLI::IsMember({"qdc", "docx", "md"}));
        command->add_option("--examples", export_options->examples,
                            "Documents: up to N example quotations per code, taken from the documents in turn")
            ->check(whole_number_from(0))
            ->capture_default_str();
        command->add_option("--attribution", export_options->attribution,
                            "Documents: attribution template of the examples, e.g. \"({role}, {municipality})\"")
            ->capture_default_str();
        command->callback([&context, export_options] {
            std::string format = export_options->format;
            if (format.empty()) {
                const auto extension = std::filesystem::path(export_options->file).extension().string();
                format = extension == ".docx" ? "docx" : extension == ".md" ? "md" : "qdc";
            }
            auto project = context.open(export_options->path, false);
            if (format == "qdc") {
                const auto codebook = CodeStore(project).to_codebook();
                save_codebook(codebook, export_options->file);
            } else {
                exporters::CodebookDocumentOptions document_options;
                document_options.examples = export_options->examples;
                document_options.attribution = export_options->attribution;
                exporters::export_codebook_document(project, export_options->file,
                                                    exporters::parse_document_format(format), document_options);
            }
            std::cout << "Wrote " << export_options->file << '\n';
        });
    }
}

}  // namespace fokus::cli
