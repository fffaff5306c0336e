// media: the recordings linked to documents, their turn times and sync points.
#include <iostream>
#include <memory>

#include "cli/context.h"
#include "coding/documents.h"
#include "coding/error.h"
#include "coding/recordings.h"
#include "coding/text.h"
#include "importers/recording_file.h"

namespace fokus::cli {
namespace {

nlohmann::json duration_json(const std::optional<std::int64_t>& ms) { return ms ? nlohmann::json(*ms) : nlohmann::json(); }

void list_recordings(Project& project, bool json) {
    RecordingStore recordings(project);
    DocumentStore documents(project);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& document : documents.all()) {
        const auto recording = recordings.of(document.id);
        if (!recording) continue;
        const bool present = recordings.present(*recording);
        if (json) {
            out.push_back({{"document", document.name}, {"path", recording->path}, {"kind", recording->kind},
                           {"duration_ms", duration_json(recording->duration_ms)}, {"checksum", recording->checksum},
                           {"present", present}, {"sync_points", recordings.sync_points(document.id).size()}});
            continue;
        }
        std::cout << document.name << '\t' << recording->path << '\t' << recording->kind << '\t'
                  << (recording->duration_ms ? format_time(*recording->duration_ms) : std::string("?")) << '\t'
                  << (present ? "found" : "missing: run media PROJECT --find FOLDER") << '\n';
    }
    if (json) print_json(out);
}

void list_times(Project& project, const Document& document, bool json) {
    DocumentStore documents(project);
    RecordingStore recordings(project);
    nlohmann::json out{{"document", document.name}, {"turns", nlohmann::json::array()}, {"sync_points", nlohmann::json::array()}};
    for (const auto& turn : documents.turns(document.id)) {
        if (!turn.time_ms) continue;
        if (json) {
            out["turns"].push_back({{"start", turn.span.start}, {"speaker", speaker_json(turn.speaker_label)}, {"time_ms", *turn.time_ms}});
        } else {
            std::cout << "turn\t" << turn.span.start << '\t' << speaker_text(turn.speaker_label) << '\t' << format_time(*turn.time_ms) << '\t'
                      << *turn.time_ms << '\n';
        }
    }
    for (const auto& point : recordings.sync_points(document.id)) {
        if (json) {
            out["sync_points"].push_back({{"position", point.position}, {"time_ms", point.time_ms}});
        } else {
            std::cout << "sync\t" << point.position << "\t\t" << format_time(point.time_ms) << '\t' << point.time_ms << '\n';
        }
    }
    if (json) print_json(out);
}

}  // namespace

void add_media_commands(CLI::App& app, Context& context) {
    struct Options {
        std::string path, document, file, find, sync, time_at;
        bool unlink = false, times = false, json = false;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("media", "Link a recording to a document, or list the linked recordings");
    command->add_option("PROJECT", options->path, "The project file")->required();
    command->add_option("DOCUMENT", options->document, "The document (name or id)");
    command->add_option("FILE", options->file, "The recording (WAV, MP3, OGG, M4A, MP4, WebM...), linked where it lies, never copied");
    command->add_flag("--unlink", options->unlink, "Unlink the document's recording (the file stays where it is)");
    command->add_option("--find", options->find, "Look for moved recordings in this folder and below, by their checksum");
    command->add_flag("--times", options->times, "List the document's timed turns and sync points");
    command->add_option("--sync", options->sync, "Mark a sync point: POSITION@TIME, e.g. 1204@00:12:34.5");
    command->add_option("--time-at", options->time_at, "The time in the recording at this position (interpolated)");
    add_json_flag(*command, options->json);
    command->callback([&context, options] {
        const bool changes = !options->file.empty() || options->unlink || !options->find.empty() || !options->sync.empty();
        auto project = context.open(options->path, changes);
        if (!options->find.empty()) {
            const auto result = importers::find_moved_recordings(project, options->find);
            DocumentStore documents(project);
            for (const auto id : result.found) std::cout << "Found the recording of " << text::quote(documents.get(id).name) << '\n';
            for (const auto id : result.still_missing) std::cout << "Still missing: the recording of " << text::quote(documents.get(id).name) << '\n';
            if (!result.still_missing.empty()) throw ExitAfterReport{refused};
            return;
        }
        if (options->document.empty()) {
            if (options->unlink || options->times || !options->sync.empty()) throw InputError("name the document");
            list_recordings(project, options->json);
            return;
        }
        const auto document = DocumentStore(project).resolve(options->document);
        RecordingStore recordings(project);
        if (options->unlink) {
            recordings.unlink(document.id);
            std::cout << "Unlinked the recording of " << text::quote(document.name) << '\n';
        } else if (!options->file.empty()) {
            importers::link_recording(project, document.id, options->file);
            const auto linked = *recordings.of(document.id);
            std::cout << "Linked " << linked.path << " (" << linked.kind << ", "
                      << (linked.duration_ms ? format_time(*linked.duration_ms) : std::string("length unknown")) << ") to "
                      << text::quote(document.name) << '\n';
        } else if (!options->sync.empty()) {
            const auto at = options->sync.find('@');
            const auto time = at == std::string::npos ? std::nullopt : parse_time(options->sync.substr(at + 1));
            std::int64_t position = -1;
            try {
                position = at == std::string::npos ? -1 : std::stoll(options->sync.substr(0, at));
            } catch (const std::exception&) {
            }
            if (!time || position < 0) throw InputError("--sync " + text::quote(options->sync) + " is not POSITION@TIME, e.g. 1204@00:12:34");
            recordings.mark_sync_point(document.id, position, *time);
            std::cout << "Marked " << format_time(*time) << " at " << position << " in " << text::quote(document.name) << '\n';
        } else if (!options->time_at.empty()) {
            std::int64_t position = 0;
            try {
                position = std::stoll(options->time_at);
            } catch (const std::exception&) {
                throw InputError("--time-at " + text::quote(options->time_at) + " is not a position");
            }
            const auto time = recordings.timeline(document.id).time_at(position);
            if (!time) throw InputError(text::quote(document.name) + " has no times: no timed turns and no sync points");
            if (options->json) {
                print_json({{"position", position}, {"time_ms", *time}});
            } else {
                std::cout << format_time(*time) << '\t' << *time << '\n';
            }
        } else {
            list_times(project, document, options->json);
        }
    });
}

}  // namespace fokus::cli
