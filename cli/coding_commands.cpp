// code, codings and memo.
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/analysis_options.h"
#include "cli/context.h"
#include "cli/number_checks.h"
#include "cli/spans.h"
#include "coding/attributes.h"
#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "coding/recordings.h"
#include "coding/error.h"
#include "coding/in_vivo.h"
#include "coding/memos.h"
#include "coding/segments.h"

namespace fokus::cli {
namespace {

std::optional<Id> coder_id(Project& project, const std::string& name) {
    return CoderDirectory(project).id_of(name);
}

std::string one_line(std::string text, std::size_t limit) {
    for (auto& c : text) {
        if (c == '\n' || c == '\t') c = ' ';
    }
    if (text.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "…";
    }
    return text;
}

MemoTarget memo_target(Project& project, const std::string& document, const std::string& code, Id coding) {
    if (!document.empty()) return {MemoTarget::Kind::Document, DocumentStore(project).resolve(document).id};
    if (!code.empty()) return {MemoTarget::Kind::Code, CodeStore(project).resolve(code).id};
    if (coding > 0) return {MemoTarget::Kind::Coding, CodingStore(project).get(coding).id};
    return {MemoTarget::Kind::Project, 0};
}

}  // namespace

void add_coding_commands(CLI::App& app, Context& context) {
    {
        struct Options {
            std::string path, document, code, span, text, comment;
            bool all = false;
            int occurrence = 0;
            bool json = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand("code", "Apply a code to a span of a document, or to text in it");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("DOCUMENT", options->document, "The document (name or id)")->required();
        command->add_option("CODE", options->code, "The code (name, id or GUID)")->required();
        auto* span = command->add_option("--span", options->span, "The span as START-END, in characters from 0");
        auto* text = command->add_option("--text", options->text, "Code where this exact text occurs");
        span->excludes(text);
        auto* all = command->add_flag("--all", options->all, "With --text: code every occurrence")->needs(text);
        command->add_option("--occurrence", options->occurrence, "With --text: code only the N-th occurrence (from 1)")
            ->needs(text)
            ->excludes(all)
            ->check(whole_number_from(1));
        command->add_option("--comment", options->comment, "A comment on the coding");
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            if (options->span.empty() && options->text.empty()) throw InputError("give --span START-END or --text TEXT");
            auto project = context.open(options->path);
            const auto document = DocumentStore(project).resolve(options->document);
            const auto code = CodeStore(project).resolve(options->code);
            CodingStore codings(project);
            std::vector<Span> spans;
            if (!options->span.empty()) {
                spans.push_back(parse_span(options->span));
            } else {
                spans = codings.find_text(document.id, options->text);
                if (spans.empty()) {
                    throw InputError("\"" + options->text + "\" does not occur in \"" + document.name + "\"");
                }
                if (options->occurrence > 0) {
                    if (static_cast<std::size_t>(options->occurrence) > spans.size()) {
                        throw InputError("\"" + options->text + "\" occurs only " + std::to_string(spans.size()) +
                                         " times in \"" + document.name + "\"");
                    }
                    spans = {spans[static_cast<std::size_t>(options->occurrence) - 1]};
                } else if (spans.size() > 1 && !options->all) {
                    throw InputError("\"" + options->text + "\" occurs " + std::to_string(spans.size()) +
                                     " times in \"" + document.name + "\"; use --all or --occurrence N");
                }
            }
            std::vector<Id> added;
            if (spans.size() == 1) {
                added.push_back(codings.add(document.id, code.id, spans.front(), options->comment));
            } else {
                std::vector<CodingRequest> requests;
                for (const auto& each : spans) requests.push_back({document.id, each});
                project.act("code " + std::to_string(spans.size()) + " passages with \"" + code.name + "\"", [&] {
                    added = codings.add_all(code.id, requests, {});
                    if (!options->comment.empty()) {
                        for (const Id id : added) codings.set_comment(id, options->comment);
                    }
                });
            }
            if (options->json) {
                nlohmann::json list = nlohmann::json::array();
                for (const Id id : added) {
                    const auto coding = codings.get(id);
                    list.push_back({{"id", id}, {"start", coding.span.start}, {"end", coding.span.end}});
                }
                print_json({{"code", code.name}, {"document", document.name}, {"codings", list}});
                return;
            }
            for (const Id id : added) {
                const auto coding = codings.get(id);
                std::cout << "Coded " << document.name << " " << coding.span.start << "-" << coding.span.end
                          << " with \"" << code.name << "\" (coding " << id << ")\n";
            }
            if (added.size() < spans.size()) {
                std::cout << spans.size() - added.size() << " passages were already coded so\n";
            }
        });
    }
    {
        struct Options {
            std::string path, document, passage;
            bool json = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "code-in-vivo", "Code a passage with a code named by its own words (made when there is none), as one step");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("DOCUMENT", options->document, "The document (name or id)")->required();
        command->add_option("PASSAGE", options->passage, "START-END, or its text (occurring once)")->required();
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            auto project = context.open(options->path);
            const auto document = DocumentStore(project).resolve(options->document);
            const auto made = code_in_vivo(project, document.id, locate(project, document.id, options->passage));
            const auto span = CodingStore(project).get(made.coding).span;
            if (options->json) {
                print_json({{"code", made.name}, {"new_code", made.new_code}, {"document", document.name},
                            {"coding", {{"id", made.coding}, {"start", span.start}, {"end", span.end}}}});
                return;
            }
            std::cout << "Coded " << document.name << " " << span.start << "-" << span.end << " with "
                      << (made.new_code ? "the new code \"" : "\"") << made.name << "\" (coding " << made.coding << ")\n";
        });
    }
    {
        struct Options {
            std::string path, document;
            std::vector<std::string> codes, coders;
            bool json = false, without_interviewers = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand("codings", "List codings with their text, filtered by code, document or coder");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("--code", options->codes, "Only this code (repeat for several)");
        command->add_option("--document", options->document, "Only this document");
        command->add_option("--coder", options->coders, "Only this coder (repeat for several)");
        command->add_flag("--without-interviewers", options->without_interviewers, std::string(without_interviewers_help));
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            auto project = context.open(options->path, false);
            CodeStore codes(project);
            DocumentStore documents(project);
            CodingFilter filter;
            for (const auto& code : options->codes) filter.codes.push_back(codes.resolve(code).id);
            for (const auto& coder : options->coders) filter.coders.push_back(*coder_id(project, coder));
            if (!options->document.empty()) filter.document = documents.resolve(options->document).id;
            std::map<Id, std::string> code_names;
            for (const auto& code : codes.all()) code_names[code.id] = code.name;
            std::map<Id, std::string> document_names;
            for (const auto& document : documents.all()) document_names[document.id] = document.name;
            auto found = CodingStore(project).list(filter);
            if (options->without_interviewers) {
                SegmentFilter participants_only;
                participants_only.without_interviewers = true;
                std::set<Id> kept;
                for (const auto& segment : load_segments(project, participants_only)) kept.insert(segment.coding);
                std::erase_if(found, [&](const Coding& coding) { return !kept.count(coding.id); });
            }
            if (options->json) {
                // Each coding's time in its document's recording, where the document has times.
                std::map<Id, Timeline> timelines;
                RecordingStore recordings(project);
                const auto time_of = [&](const Coding& coding) -> nlohmann::json {
                    auto found_timeline = timelines.find(coding.document);
                    if (found_timeline == timelines.end()) found_timeline = timelines.emplace(coding.document, recordings.timeline(coding.document)).first;
                    const auto time = found_timeline->second.time_at(coding.span.start);
                    return time ? nlohmann::json(*time) : nlohmann::json();
                };
                nlohmann::json list = nlohmann::json::array();
                for (const auto& coding : found) {
                    list.push_back({{"id", coding.id},
                                    {"time_ms", time_of(coding)},
                                    {"document", document_names[coding.document]},
                                    {"code", code_names[coding.code]},
                                    {"start", coding.span.start},
                                    {"end", coding.span.end},
                                    {"coder", coding.coder_name},
                                    {"created_at", coding.created_at},
                                    {"comment", coding.comment},
                                    {"text", documents.excerpt(coding.document, coding.span)}});
                }
                print_json(list);
                return;
            }
            for (const auto& coding : found) {
                std::cout << coding.id << "  " << document_names[coding.document] << "  " << coding.span.start << "-"
                          << coding.span.end << "  " << code_names[coding.code] << "  [" << coding.coder_name << "]  "
                          << one_line(documents.excerpt(coding.document, coding.span), 100) << '\n';
                if (!coding.comment.empty()) std::cout << "      comment: " << coding.comment << '\n';
            }
            std::cout << found.size() << " codings\n";
        });
    }
    {
        struct Options {
            std::string path, text, title, document, code;
            Id coding = 0;
            Id edit = 0;
            Id remove = 0;
            bool json = false;
        };
        auto options = std::make_shared<Options>();
        auto* command = app.add_subcommand(
            "memo", "Write a memo on the project, a document, a code or a coding; without TEXT, list memos");
        command->add_option("PROJECT", options->path, "The project file")->required();
        command->add_option("TEXT", options->text, "The memo's text");
        command->add_option("--title", options->title, "A title for the memo");
        auto* document = command->add_option("--document", options->document, "On this document");
        auto* code = command->add_option("--code", options->code, "On this code")->excludes(document);
        command->add_option("--coding", options->coding, "On this coding (its id)")->excludes(document)->excludes(code);
        auto* edit = command->add_option("--edit", options->edit, "Replace the text of memo ID with TEXT");
        command->add_option("--delete", options->remove, "Delete memo ID")->excludes(edit);
        add_json_flag(*command, options->json);
        command->callback([&context, options] {
            const bool listing = options->text.empty() && options->edit == 0 && options->remove == 0;
            auto project = context.open(options->path, !listing);
            MemoStore memos(project);
            if (options->remove > 0) {
                memos.remove(options->remove);
                std::cout << "Deleted memo " << options->remove << '\n';
                return;
            }
            if (options->edit > 0) {
                if (options->text.empty()) throw InputError("give the memo's new TEXT");
                const auto memo = memos.get(options->edit);
                memos.edit(memo.id, options->title.empty() ? memo.title : options->title, options->text);
                std::cout << "Edited memo " << memo.id << '\n';
                return;
            }
            const auto target = memo_target(project, options->document, options->code, options->coding);
            if (!listing) {
                const Id id = memos.add(target, options->title, options->text);
                std::cout << "Wrote memo " << id << " on the " << kind_name(target.kind) << '\n';
                return;
            }
            const bool targeted = !options->document.empty() || !options->code.empty() || options->coding > 0;
            const auto found = memos.list(targeted ? std::optional<MemoTarget>(target) : std::nullopt);
            if (options->json) {
                nlohmann::json list = nlohmann::json::array();
                for (const auto& memo : found) {
                    list.push_back({{"id", memo.id},
                                    {"on", kind_name(memo.target.kind)},
                                    {"target", memo.target.id},
                                    {"title", memo.title},
                                    {"text", memo.text},
                                    {"author", memo.author},
                                    {"modified_at", memo.modified_at}});
                }
                print_json(list);
                return;
            }
            for (const auto& memo : found) {
                std::cout << memo.id << "  on " << kind_name(memo.target.kind);
                if (memo.target.kind != MemoTarget::Kind::Project) std::cout << " " << memo.target.id;
                std::cout << "  [" << memo.author << ", " << memo.modified_at << "]";
                if (!memo.title.empty()) std::cout << "  " << memo.title;
                std::cout << "\n    " << memo.text << '\n';
            }
            std::cout << found.size() << " memos\n";
        });
    }
}

}  // namespace fokus::cli
