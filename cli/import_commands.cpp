// import and participants.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/context.h"
#include "cli/terminal.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/participants.h"
#include "importers/batch.h"
#include "search/follower.h"

namespace fokus::cli {
namespace {

// Rewrites the progress line in place.
constexpr std::string_view clear_line = "\r\033[K";

void add_import(CLI::App& app, Context& context) {
    struct Options {
        std::string path, manifest, participants;
        std::vector<std::string> files, speaker_patterns;
        bool only_patterns = false;
        std::string speakers = "auto";
        bool force = false, replace_invalid = false, json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "import", "Import transcripts (.docx .odt .txt .vtt .srt .pdf) or folders of them, and index them for search");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_option("FILES", options->files, "Files or folders to import")->required();
    command->add_option("--manifest", options->manifest,
                        "CSV of document attributes: file, municipality, bikva_stage, interview_form, ...");
    command->add_option("--participants", options->participants,
                        "CSV of speakers: file, speaker, participant, role, work_area, gender, seniority, age, ...");
    command->add_flag("--force", options->force, "Import files again even when already imported");
    command->add_flag("--replace-invalid", options->replace_invalid,
                      "Replace bytes that are not valid text with U+FFFD instead of refusing the file");
    command->add_option("--speaker-pattern", options->speaker_patterns,
                        "A further speaker label pattern: an ICU regular expression matched at the start of a paragraph, "
                        "group 1 being the label, e.g. \"^(Deltager [A-Z])\\s*:\" (repeat for several)");
    command->add_flag("--only-these-patterns", options->only_patterns, "Use only the given speaker patterns, not the defaults");
    command
        ->add_option("--speakers", options->speakers,
                     "auto: find speaker labels where a file reads as a transcript (default); off: import every file as a "
                     "document of unlabelled passages, without speakers")
        ->check(CLI::IsMember({"auto", "off"}));
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        auto project = context.open(options->path);
        importers::BatchOptions batch;
        batch.transcript.turns.extra_labels = options->speaker_patterns;
        batch.transcript.turns.only_these = options->only_patterns;
        batch.transcript.turns.detection =
            options->speakers == "off" ? importers::SpeakerDetection::Off : importers::SpeakerDetection::Auto;
        batch.manifest = options->manifest;
        batch.participants = options->participants;
        batch.force = options->force;
        batch.transcript.read.replace_invalid_bytes = options->replace_invalid;
        const bool terminal = isatty(STDERR_FILENO) != 0;
        // The search index takes in each file while the next is read.
        search::IndexFollower index(project.path());
        batch.progress = [terminal, &index](std::size_t number, std::size_t total, const std::string& file) {
            if (number > 1) index.committed();
            // One line, rewritten for each file, so a long batch shows where it is.
            if (!terminal) return;
            write_control(std::cerr, clear_line);
            std::cerr << "[" << number << "/" << total << "] " << file << std::flush;
        };
        std::vector<std::filesystem::path> inputs(options->files.begin(), options->files.end());
        const auto report = importers::import_files(project, inputs, batch);
        index.committed();
        try {
            index.finish();
        } catch (const Error& error) {
            // The import stands; the next search brings the index up to date.
            if (terminal) write_control(std::cerr, clear_line);
            std::cerr << "fokus-cli: the search index was not updated: " << error.what() << '\n';
        }
        if (terminal) write_control(std::cerr, clear_line);
        std::cerr << std::flush;
        if (options->json) {
            nlohmann::json failed = nlohmann::json::array();
            for (const auto& failure : report.failed) failed.push_back({{"file", failure.file}, {"reason", failure.reason}});
            nlohmann::json documents = nlohmann::json::array();
            for (const auto& document : report.documents) {
                documents.push_back({{"file", document.file},
                                     {"turns", document.turns},
                                     {"speakers", document.speakers},
                                     {"passages", document.passages},
                                     {"found", importers::describe(document)}});
            }
            nlohmann::json skipped = nlohmann::json::array();
            for (const auto& file : report.skipped) {
                skipped.push_back({{"file", file.file},
                                   {"reason", importers::describe(file)},
                                   {"same_as", file.same_as},
                                   {"in_project", file.why == importers::SkippedFile::Why::InProject}});
            }
            print_json({{"imported", report.imported}, {"documents", documents}, {"skipped", skipped},
                        {"failed", failed}, {"warnings", report.warnings}});
        } else {
            for (const auto& document : report.documents) {
                std::cout << "Imported " << document.file << ": " << importers::describe(document) << '\n';
            }
            for (const auto& file : report.skipped) {
                std::cout << "Skipped " << file.file << ": " << importers::describe(file)
                          << (file.why == importers::SkippedFile::Why::InProject ? " (--force imports it again)" : "") << '\n';
            }
            for (const auto& warning : report.warnings) std::cout << "Warning: " << warning << '\n';
            std::cout << report.imported.size() << " imported, " << report.skipped.size() << " skipped, "
                      << report.failed.size() << " failed\n";
            if (!report.failed.empty()) {
                std::cerr << "fokus-cli: " << report.failed.size() << (report.failed.size() == 1 ? " file was" : " files were")
                          << " not imported:\n";
            }
            for (const auto& failure : report.failed) {
                // Most reasons name their file already; the others get it put in front.
                const bool named = failure.reason.find(failure.file) != std::string::npos;
                std::cerr << "  " << (named ? "" : failure.file + ": ") << failure.reason << '\n';
            }
        }
        if (!report.failed.empty()) {
            // When nothing came in, the batch as a whole could not be read.
            throw ExitAfterReport{report.imported.empty() && report.skipped.empty() ? file_problem : partial};
        }
    });
}

void add_participants(CLI::App& app, Context& context) {
    struct Options {
        std::string path, document, label, participant;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("participants", "List participants with their attributes and where they speak");
    command->add_option("PROJECT", options->path, "The project file")->required();
    add_json_flag(*command, options->json);
    command->require_subcommand(0, 1);
    command->callback([&context, options, command] {
        if (!command->get_subcommands().empty()) return;
        auto project = context.open(options->path, false);
        DocumentStore documents(project);
        const auto all = ParticipantStore(project).all();
        if (options->json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& participant : all) {
                nlohmann::json speaks = nlohmann::json::array();
                for (const auto& [document, label] : participant.speaks_as) {
                    speaks.push_back({{"document", documents.get(document).name}, {"speaker", label}});
                }
                list.push_back({{"label", participant.label}, {"attributes", participant.attributes}, {"speaks_as", speaks}});
            }
            print_json(list);
            return;
        }
        for (const auto& participant : all) {
            std::cout << participant.label;
            for (const auto& [name, value] : participant.attributes) std::cout << "  " << name << "=" << value;
            std::cout << '\n';
            for (const auto& [document, label] : participant.speaks_as) {
                std::cout << "    " << label << " in " << documents.get(document).name << '\n';
            }
        }
        std::cout << all.size() << " participants\n";
    });
    auto* map = command->add_subcommand("map", "Say who a speaker label in a document is");
    map->add_option("DOCUMENT", options->document, "The document")->required();
    map->add_option("LABEL", options->label, "The speaker label, e.g. \"Borger 2\"")->required();
    map->add_option("PARTICIPANT", options->participant, "The participant, e.g. C-B2 (made when new)")->required();
    map->callback([&context, options] {
        auto project = context.open(options->path);
        const auto document = DocumentStore(project).resolve(options->document);
        project.act("map speaker \"" + options->label + "\"", [&] {
            ParticipantStore participants(project);
            participants.map_speaker(document.id, options->label, participants.ensure(options->participant));
        });
        std::cout << options->label << " in " << document.name << " is " << options->participant << '\n';
    });
}

}  // namespace

void add_import_commands(CLI::App& app, Context& context) {
    add_import(app, context);
    add_participants(app, context);
}

}  // namespace fokus::cli
