// bikva (chains, links, good advice) and condense.
#include <iostream>
#include <memory>

#include "analysis/bikva_chains.h"
#include "analysis/condensation_table.h"
#include "cli/context.h"
#include "cli/spans.h"
#include "cli/tables.h"
#include "coding/codes.h"
#include "coding/condensation.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/good_advice.h"
#include "coding/segments.h"
#include "exporters/analysis_tables.h"

namespace fokus::cli {
namespace {

nlohmann::json chain_segment_json(const ChainSegment& segment) {
    return {{"document", segment.document},
            {"stage", segment.stage ? nlohmann::json(*segment.stage) : nlohmann::json()},
            {"start", segment.where.span.start},
            {"end", segment.where.span.end},
            {"speaker", segment.speaker},
            {"text", segment.text},
            {"codes", segment.codes}};
}

void print_chain_segment(const ChainSegment& segment, const std::string& indent) {
    std::cout << indent << (segment.speaker.empty() ? std::string("?") : segment.speaker) << " (" << segment.document << ", "
              << segment.where.span.start << "-" << segment.where.span.end << ")";
    if (!segment.codes.empty()) {
        std::cout << "  [";
        for (std::size_t i = 0; i < segment.codes.size(); ++i) std::cout << (i ? ", " : "") << segment.codes[i];
        std::cout << "]";
    }
    std::cout << "\n" << indent << "  " << segment.text << '\n';
}

std::string stage_name(int stage) {
    switch (stage) {
        case 1: return "Trin 1, brugere";
        case 2: return "Trin 2, frontlinjemedarbejdere";
        case 3: return "Trin 3, ledelse";
        case 4: return "Trin 4, politikere";
        default: return "Trin ukendt";
    }
}

struct LinkOptions {
    std::string path, from_document, from_span, to_document, to_span, note;
    Id id = 0;
    bool json = false;
};

void add_link_action(CLI::App& bikva, Context& context, const std::shared_ptr<LinkOptions>& options, bool present) {
    auto* command = bikva.add_subcommand(present ? "present" : "react",
                                         present ? "A statement presented to a later stage's group"
                                                 : "A later stage's reaction to a statement");
    command->add_option(present ? "STATEMENT_DOCUMENT" : "REACTION_DOCUMENT", options->from_document, "Its document")->required();
    command->add_option(present ? "STATEMENT" : "REACTION", options->from_span, "START-END, or its text (occurring once)")
        ->required();
    command->add_option(present ? "LATER_DOCUMENT" : "STATEMENT_DOCUMENT", options->to_document,
                        present ? "The later stage's document" : "The statement's document")
        ->required();
    command->add_option(present ? "READ_OUT" : "STATEMENT", options->to_span,
                        present ? "Where the moderator read it out (the whole document when left out)"
                                : "The statement, START-END or its text");
    command->add_option("--note", options->note, "A note on the link");
    command->callback([&context, options, present] {
        auto project = context.open(options->path);
        DocumentStore documents(project);
        const auto from = documents.resolve(options->from_document);
        const auto to = documents.resolve(options->to_document);
        const SpanRef source{from.id, locate(project, from.id, options->from_span)};
        if (!present && options->to_span.empty()) throw InputError("give the STATEMENT the reaction answers");
        const SpanRef target{to.id, options->to_span.empty() ? Span{0, to.length} : locate(project, to.id, options->to_span)};
        LinkStore links(project);
        const Id id = present ? links.present(source, target, options->note) : links.react(source, target, options->note);
        std::cout << (present ? "Presented" : "Linked reaction") << " (link " << id << ")\n";
    });
}

void add_bikva(CLI::App& app, Context& context) {
    auto options = std::make_shared<LinkOptions>();
    auto* bikva = app.add_subcommand("bikva", "BIKVA chains: each statement carried forward, with the later stages' reactions");
    bikva->add_option("PROJECT", options->path, "The project file")->required();
    add_json_flag(*bikva, options->json);
    bikva->require_subcommand(0, 1);
    bikva->callback([&context, options, bikva] {
        if (!bikva->get_subcommands().empty()) return;
        auto project = context.open(options->path, false);
        const auto chains = bikva_chains(project);
        if (options->json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& chain : chains) {
                nlohmann::json presented = nlohmann::json::array();
                for (const auto& place : chain.presented) presented.push_back(chain_segment_json(place));
                nlohmann::json reactions = nlohmann::json::object();
                for (const auto& [stage, segments] : chain.reactions) {
                    for (const auto& segment : segments) reactions[std::to_string(stage)].push_back(chain_segment_json(segment));
                }
                list.push_back({{"statement", chain_segment_json(chain.statement)}, {"presented", presented}, {"reactions", reactions}});
            }
            print_json(list);
            return;
        }
        for (const auto& chain : chains) {
            std::cout << "== " << stage_name(chain.statement.stage.value_or(0)) << '\n';
            print_chain_segment(chain.statement, "");
            for (const auto& [stage, reactions] : chain.reactions) {
                std::cout << "  -> " << stage_name(stage) << '\n';
                for (const auto& reaction : reactions) print_chain_segment(reaction, "     ");
            }
        }
        std::cout << count_of(chains.size(), "statement", "statements") << " carried forward\n";
    });
    add_link_action(*bikva, context, options, true);
    add_link_action(*bikva, context, options, false);
    auto* unlink = bikva->add_subcommand("unlink", "Remove a link");
    unlink->add_option("LINK", options->id, "The link's id")->required();
    unlink->callback([&context, options] {
        auto project = context.open(options->path);
        LinkStore(project).remove(options->id);
        std::cout << "Removed link " << options->id << '\n';
    });
    auto* advise = bikva->add_subcommand("advise", "Write down a passage as good advice to the next level: codes it \"Gode råd\" "
                                                    "(made when missing), as one step");
    advise->add_option("DOCUMENT", options->from_document, "The document")->required();
    advise->add_option("PASSAGE", options->from_span, "START-END, or its text (occurring once)")->required();
    advise->add_option("--note", options->note, "A comment on the advice");
    advise->callback([&context, options] {
        auto project = context.open(options->path);
        const auto document = DocumentStore(project).resolve(options->from_document);
        write_good_advice(project, document.id, locate(project, document.id, options->from_span), options->note);
        std::cout << "Wrote down good advice in \"" << document.name << "\"\n";
    });
    auto* advice = bikva->add_subcommand("advice", "The good advice each group gives the next level, by stage");
    advice->callback([&context, options] {
        auto project = context.open(options->path, false);
        const auto by_stage = good_advice(project);
        if (options->json) {
            nlohmann::json result = nlohmann::json::object();
            for (const auto& [stage, segments] : by_stage) {
                for (const auto& segment : segments) result[std::to_string(stage)].push_back(chain_segment_json(segment));
            }
            print_json(result);
            return;
        }
        for (const auto& [stage, segments] : by_stage) {
            std::cout << "== " << stage_name(stage) << '\n';
            for (const auto& segment : segments) print_chain_segment(segment, "  ");
        }
    });
}

void add_condense(CLI::App& app, Context& context) {
    struct Options {
        std::string path, by, code, document, value, text, export_file;
        bool json = false, csv = false;
    };
    auto options = std::make_shared<Options>();
    auto* condense = app.add_subcommand("condense", "Condensations: the grid of codes by documents or attribute values");
    condense->add_option("PROJECT", options->path, "The project file")->required();
    condense->add_option("--by", options->by, "Columns by this document attribute (by document when left out)");
    auto* json = add_json_flag(*condense, options->json);
    condense->add_flag("--csv", options->csv, "Print the grid as CSV")->excludes(json);
    condense->add_option("--export", options->export_file, "Write the grid to a table (.xlsx or .csv) instead of printing it");
    condense->require_subcommand(0, 1);
    condense->callback([&context, options, condense] {
        if (!condense->get_subcommands().empty()) return;
        auto project = context.open(options->path, false);
        const auto table = condensation_table(project, options->by);
        if (!options->export_file.empty()) {
            exporters::write_table(options->export_file, exporters::condensation_sheet(table));
            std::cout << "Wrote " << options->export_file << '\n';
            return;
        }
        if (options->json) {
            nlohmann::json rows = nlohmann::json::array();
            for (std::size_t i = 0; i < table.codes.size(); ++i) {
                nlohmann::json cells = nlohmann::json::object();
                for (std::size_t j = 0; j < table.columns.size(); ++j) {
                    const auto& text = table.cells[i * table.columns.size() + j];
                    if (!text.empty()) cells[table.columns[j]] = text;
                }
                rows.push_back({{"code", table.codes[i].name}, {"cells", cells}});
            }
            print_json(rows);
            return;
        }
        std::vector<Row> rows{{"code"}};
        for (const auto& column : table.columns) rows[0].push_back(column);
        for (std::size_t i = 0; i < table.codes.size(); ++i) {
            Row row{table.codes[i].name};
            for (std::size_t j = 0; j < table.columns.size(); ++j) row.push_back(table.cells[i * table.columns.size() + j]);
            rows.push_back(std::move(row));
        }
        if (options->csv) {
            write_csv(std::cout, rows);
        } else {
            write_aligned(std::cout, rows);
        }
    });
    auto scope = [options](Project& project) {
        if (!options->document.empty()) return CondensationScope::of_document(DocumentStore(project).resolve(options->document).id);
        if (options->value.empty()) throw InputError("give --document DOCUMENT or --value ATTRIBUTE=VALUE");
        const auto condition = parse_condition(options->value);
        return CondensationScope::of_value(condition.name, condition.values.front());
    };
    for (const bool setting : {true, false}) {
        auto* command = condense->add_subcommand(setting ? "set" : "show",
                                                 setting ? "Write a cell's condensation (empty text removes it)"
                                                         : "Show a cell's condensation with its segments beside it");
        command->add_option("CODE", options->code, "The code")->required();
        auto* document = command->add_option("--document", options->document, "The cell of this document");
        command->add_option("--value", options->value, "The cell of an attribute value, e.g. municipality=Kommune B")
            ->excludes(document);
        if (setting) command->add_option("TEXT", options->text, "The condensation")->required();
        command->callback([&context, options, scope, setting] {
            auto project = context.open(options->path, setting);
            const auto code = CodeStore(project).resolve(options->code);
            const auto cell = scope(project);
            CondensationStore store(project);
            if (setting) {
                store.set(code.id, cell, options->text);
                std::cout << "Condensed \"" << code.name << "\"\n";
                return;
            }
            const auto found = store.get(code.id, cell);
            std::cout << "Condensation: " << (found ? found->text : std::string("(none yet)")) << "\n\nSegments:\n";
            SegmentFilter filter;
            if (cell.document) filter.documents = {*cell.document};
            if (!cell.document) filter.attributes = {AttributeCondition{AttributeCondition::Of::Document, cell.attribute, {cell.value}}};
            DocumentStore documents(project);
            for (const auto& segment : load_segments(project, filter)) {
                if (segment.code != code.id) continue;
                std::cout << "  " << documents.get(segment.document).name << "  " << segment.speaker << ": "
                          << documents.excerpt(segment.document, segment.span) << '\n';
            }
        });
    }
}

}  // namespace

void add_bikva_commands(CLI::App& app, Context& context) {
    add_bikva(app, context);
    add_condense(app, context);
}

}  // namespace fokus::cli
