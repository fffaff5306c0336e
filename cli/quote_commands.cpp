// quotes: quote sets for reports (create, rename, delete, add, remove, move,
// comment, span, list) and their export as documents or tables.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

#include "cli/context.h"
#include "cli/spans.h"
#include "cli/tables.h"
#include "coding/attribution.h"
#include "coding/codes.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/quote_sets.h"
#include "coding/text.h"
#include "exporters/quote_report.h"

namespace fokus::cli {
namespace {

struct QuotesOptions {
    std::string path;
    bool json = false;
    std::string set, name, note, text, code, document, span, comment, file, format;
    std::vector<Id> codings;
    Id quote = 0;
    int position = 0;
    std::string group_by = "arranged";
    std::string attribution;  // the project's when empty
    bool drop_speakers = false;
    bool no_cut_marks = false;
    bool with_codes = false;
    bool with_comments = false;
};

std::string one_line(std::string text, std::size_t limit) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "…";
    }
    return text;
}

void print_sets(Project& project, bool json) {
    const auto sets = QuoteSetStore(project).all();
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& set : sets) {
            list.push_back({{"id", set.id}, {"guid", set.guid}, {"name", set.name}, {"note", set.note}, {"quotes", set.quotes}});
        }
        print_json(list);
        return;
    }
    for (const auto& set : sets) std::cout << set.id << "  " << set.name << "  (" << set.quotes << ")\n";
}

void print_quotes(Project& project, const QuoteSet& set, bool json) {
    const auto quotes = QuoteSetStore(project).quotes(set.id);
    std::map<Id, std::string> code_names;
    for (const auto& code : CodeStore(project).all()) code_names[code.id] = code.name;
    QuoteReader reader(project);
    nlohmann::json list = nlohmann::json::array();
    if (!json) std::cout << set.name << '\n';
    for (const auto& quote : quotes) {
        const auto source = reader.read(quote.document, quote.span);
        const std::string code = quote.code ? code_names[*quote.code] : std::string();
        if (json) {
            list.push_back({{"id", quote.id},
                            {"position", quote.position},
                            {"document", source.document},
                            {"start", quote.span.start},
                            {"end", quote.span.end},
                            {"coding", quote.coding ? nlohmann::json(*quote.coding) : nlohmann::json()},
                            {"code", code.empty() ? nlohmann::json() : nlohmann::json(code)},
                            {"speaker", source.speaker},
                            {"text", source.text},
                            {"comment", quote.comment}});
            continue;
        }
        std::cout << "  " << quote.position << ". [" << quote.id << "] " << source.document << " " << quote.span.start
                  << "-" << quote.span.end;
        if (!code.empty()) std::cout << "  " << code;
        std::cout << "\n     " << one_line(source.text, 100) << '\n';
        if (!quote.comment.empty()) std::cout << "     Comment: " << one_line(quote.comment, 100) << '\n';
    }
    if (json) print_json(list);
}

std::string extension_of(const std::string& file) {
    auto extension = std::filesystem::path(file).extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    return extension;
}

}  // namespace

void add_quote_commands(CLI::App& app, Context& context) {
    auto options = std::make_shared<QuotesOptions>();
    auto* quotes = app.add_subcommand("quotes", "List the quote sets for reports, or change or export them with an action below");
    quotes->add_option("PROJECT", options->path, "The project file")->required();
    add_json_flag(*quotes, options->json);
    quotes->require_subcommand(0, 1);
    quotes->footer(
        "A quote set is a named, ordered list of quotations. Quotes are named by the id that\n"
        "'quotes PROJECT list SET' shows in brackets. Every change is one step of undo.");
    quotes->callback([&context, options, quotes] {
        if (!quotes->get_subcommands().empty()) return;
        auto project = context.open(options->path, false);
        print_sets(project, options->json);
    });

    auto* create = quotes->add_subcommand("create", "Make a new, empty quote set");
    create->add_option("NAME", options->name, "Its name")->required();
    create->add_option("--note", options->note, "A note on what the set is for");
    create->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore store(project);
        const Id id = store.create(options->name, options->note);
        std::cout << "Made quote set " << id << "  " << store.get(id).name << '\n';
    });

    auto* rename = quotes->add_subcommand("rename", "Rename a quote set");
    rename->add_option("SET", options->set, "The quote set (name or id)")->required();
    rename->add_option("NAME", options->name, "Its new name")->required();
    rename->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore store(project);
        const auto set = store.resolve(options->set);
        store.rename(set.id, options->name);
        std::cout << "Renamed " << text::quote(set.name) << " to " << text::quote(store.get(set.id).name) << '\n';
    });

    auto* attribution = quotes->add_subcommand(
        "attribution", "Show the project's attribution template for quotations, or with TEMPLATE keep a new one");
    attribution->add_option("TEMPLATE", options->attribution, "e.g. \"({role}, {municipality})\"");
    attribution->callback([&context, options] {
        auto project = context.open(options->path, !options->attribution.empty());
        QuoteSetStore store(project);
        if (!options->attribution.empty()) store.set_attribution_template(options->attribution);
        std::cout << store.attribution_template() << '\n';
    });

    auto* remove_set = quotes->add_subcommand("delete", "Delete a quote set and its quotes (the codings stay)");
    remove_set->add_option("SET", options->set, "The quote set (name or id)")->required();
    remove_set->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore store(project);
        const auto set = store.resolve(options->set);
        store.remove(set.id);
        std::cout << "Deleted quote set " << text::quote(set.name) << " and its " << set.quotes << " quotes\n";
    });

    auto* add = quotes->add_subcommand(
        "add", "Add quotes at the end of a set: the codings of a code, codings by id, or a span of a document");
    add->add_option("SET", options->set, "The quote set (name or id)")->required();
    add->add_option("--code", options->code,
                    "Add this code's codings (with --document: of that document only); with --span or --text: the "
                    "code the quote is taken under");
    add->add_option("--coding", options->codings, "Add these codings, by id (repeat or give several)");
    add->add_option("--document", options->document, "The document (name or id)");
    auto* span = add->add_option("--span", options->span, "Quote this span, START-END in characters, of --document");
    auto* text_option = add->add_option("--text", options->text, "Quote the one place where this text occurs in --document");
    span->excludes(text_option);
    add->add_option("--comment", options->comment, "With --span or --text: a comment on the quote");
    add->callback([&context, options] {
        const bool by_span = !options->span.empty() || !options->text.empty();
        const int sources = (by_span ? 1 : 0) + (options->codings.empty() ? 0 : 1) + (!by_span && !options->code.empty() ? 1 : 0);
        if (sources != 1) {
            throw CLI::ValidationError("add", "give one of --code CODE, --coding ID..., or --document DOC with --span or --text");
        }
        if (by_span && options->document.empty()) throw CLI::ValidationError("add", "--span and --text need --document");
        auto project = context.open(options->path);
        QuoteSetStore store(project);
        const auto set = store.resolve(options->set);
        std::optional<Id> code;
        if (!options->code.empty()) code = CodeStore(project).resolve(options->code).id;
        std::optional<Id> document;
        if (!options->document.empty()) document = DocumentStore(project).resolve(options->document).id;
        std::vector<Id> added;
        if (by_span) {
            const Span where = locate(project, *document, options->span.empty() ? options->text : options->span);
            added.push_back(store.add_span(set.id, *document, where, code, options->comment));
        } else if (!options->codings.empty()) {
            added = store.add_codings(set.id, options->codings);
        } else {
            added = store.add_code(set.id, *code, document);
        }
        std::cout << "Added " << count_of(added.size(), "quote", "quotes") << " to "
                  << text::quote(set.name) << '\n';
    });

    auto* remove = quotes->add_subcommand("remove", "Remove a quote from its set");
    remove->add_option("QUOTE", options->quote, "The quote's id")->required();
    remove->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore(project).remove_quote(options->quote);
        std::cout << "Removed quote " << options->quote << '\n';
    });

    auto* move = quotes->add_subcommand("move", "Move a quote to another place in its set");
    move->add_option("QUOTE", options->quote, "The quote's id")->required();
    move->add_option("POSITION", options->position, "Its new place, from 1")->required();
    move->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore(project).move_quote(options->quote, options->position);
        std::cout << "Moved quote " << options->quote << " to place " << options->position << '\n';
    });

    auto* comment = quotes->add_subcommand("comment", "Set (or with \"\" clear) the comment on a quote");
    comment->add_option("QUOTE", options->quote, "The quote's id")->required();
    comment->add_option("TEXT", options->comment, "The comment")->required();
    comment->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore(project).set_comment(options->quote, options->comment);
        std::cout << "Commented quote " << options->quote << '\n';
    });

    auto* respan = quotes->add_subcommand("span", "Change the span a quote covers");
    respan->add_option("QUOTE", options->quote, "The quote's id")->required();
    respan->add_option("SPAN", options->span, "START-END in characters, or text that occurs once in its document")->required();
    respan->callback([&context, options] {
        auto project = context.open(options->path);
        QuoteSetStore store(project);
        const auto quote = store.quote(options->quote);
        const Span where = locate(project, quote.document, options->span);
        store.set_span(quote.id, where);
        std::cout << "Quote " << quote.id << " now covers " << where.start << "-" << where.end << '\n';
    });

    auto* list = quotes->add_subcommand("list", "List the quotes of a set in their order");
    list->add_option("SET", options->set, "The quote set (name or id)")->required();
    add_json_flag(*list, options->json);
    list->callback([&context, options] {
        auto project = context.open(options->path, false);
        print_quotes(project, QuoteSetStore(project).resolve(options->set), options->json);
    });

    auto* exported = quotes->add_subcommand("export", "Write a quote set as a report document (.docx, .odt, .html, .md) or a table (.csv, .xlsx)");
    exported->add_option("SET", options->set, "The quote set (name or id)")->required();
    exported->add_option("FILE", options->file, "Where to write")->required();
    exported->add_option("--format", options->format, "docx, odt, html, md, csv or xlsx (default: from FILE's extension)");
    exported->add_option("--group-by", options->group_by,
                         "code, stage (BIKVA), arranged, or an attribute (municipality, participant.role ...)")
        ->capture_default_str();
    exported->add_option("--attribution", options->attribution,
                         "Attribution template over {speaker}, {participant}, {document}, {code} and attributes, "
                         "e.g. \"({role}, {municipality})\"; a missing value is left out with its text "
                         "(default: the project's, as the workbench keeps it, else \"({speaker})\")");
    exported->add_flag("--drop-speakers", options->drop_speakers, "Leave speaker labels out of the quotations");
    exported->add_flag("--no-cut-marks", options->no_cut_marks, "Do not mark a quote cut from a longer turn with (...)");
    exported->add_flag("--with-codes", options->with_codes, "Add a line with each quote's codes");
    exported->add_flag("--with-comments", options->with_comments, "Add each quote's comment");
    exported->callback([&context, options] {
        const auto format = exporters::parse_quote_export_format(options->format.empty() ? extension_of(options->file)
                                                                                          : options->format);
        exporters::QuoteExportOptions export_options;
        export_options.grouping = exporters::parse_grouping(options->group_by);
        AttributionTemplate checked(options->attribution.empty() ? std::string("{speaker}") : options->attribution);
        export_options.text.keep_speakers = !options->drop_speakers;
        export_options.text.mark_cuts = !options->no_cut_marks;
        export_options.with_codes = options->with_codes;
        export_options.with_comments = options->with_comments;
        auto project = context.open(options->path, false);
        if (!options->attribution.empty()) {
            for (const auto& name : QuoteSetStore(project).unknown_placeholders(options->attribution)) {
                std::cerr << "Note: no document or participant has {" << name << "}; it is left out of every attribution\n";
            }
        }
        export_options.attribution =
            options->attribution.empty() ? QuoteSetStore(project).attribution_template() : options->attribution;
        const auto set = QuoteSetStore(project).resolve(options->set);
        exporters::export_quote_set(project, set.id, options->file, format, export_options);
        std::cout << "Wrote " << count_of(static_cast<std::size_t>(set.quotes), "quote", "quotes") << " to " << options->file << '\n';
    });
}

}  // namespace fokus::cli
