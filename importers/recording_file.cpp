#include "importers/recording_file.h"

#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "coding/error.h"
#include "coding/identity.h"
#include "coding/project.h"
#include "coding/text.h"

namespace fokus::importers {
namespace {

const char* const audio_endings[] = {".wav", ".mp3", ".ogg", ".opus", ".oga", ".m4a", ".aac", ".flac", ".wma"};
const char* const video_endings[] = {".mp4", ".webm", ".mkv", ".mov", ".avi", ".ogv", ".m4v"};

std::string lower_ending(const std::filesystem::path& file) {
    std::string ending = file.extension().string();
    std::transform(ending.begin(), ending.end(), ending.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ending;
}

bool is_audio_name(const std::filesystem::path& file) {
    const auto ending = lower_ending(file);
    return std::any_of(std::begin(audio_endings), std::end(audio_endings), [&](const char* e) { return ending == e; });
}

struct Unref {
    void operator()(void* object) const { g_object_unref(object); }
};

struct Discovered {
    std::optional<std::int64_t> duration_ms;
    bool audio = false;
    bool video = false;
};

Discovered discover(const std::filesystem::path& file) {
    static std::once_flag started;
    std::call_once(started, [] { gst_init(nullptr, nullptr); });
    GError* error = nullptr;
    std::unique_ptr<GstDiscoverer, Unref> discoverer(
        gst_discoverer_new(30 * GST_SECOND, &error));
    if (!discoverer) {
        const std::string message = error ? error->message : "GStreamer could not be started";
        if (error) g_error_free(error);
        throw FileError(file.string(), "cannot be read: " + message);
    }
    gchar* uri = gst_filename_to_uri(file.c_str(), &error);
    if (!uri) {
        if (error) g_error_free(error);
        throw FileError(file.string(), "cannot be named as a URI");
    }
    GstDiscovererInfo* info = gst_discoverer_discover_uri(discoverer.get(), uri, &error);
    g_free(uri);
    if (!info || gst_discoverer_info_get_result(info) != GST_DISCOVERER_OK) {
        std::string message = error ? error->message : "GStreamer found no audio or video in it";
        if (error) g_error_free(error);
        if (info) g_object_unref(info);
        throw FormatError(file.string(), "is not a recording GStreamer can play: " + message);
    }
    Discovered found;
    const GstClockTime duration = gst_discoverer_info_get_duration(info);
    if (GST_CLOCK_TIME_IS_VALID(duration)) found.duration_ms = static_cast<std::int64_t>((duration + GST_MSECOND / 2) / GST_MSECOND);
    GList* audio = gst_discoverer_info_get_audio_streams(info);
    GList* video = gst_discoverer_info_get_video_streams(info);
    found.audio = audio != nullptr;
    // A cover picture in an MP3 or M4A is a "video" stream that is a single image.
    for (GList* item = video; item; item = item->next) {
        if (!gst_discoverer_video_info_is_image(static_cast<GstDiscovererVideoInfo*>(item->data))) found.video = true;
    }
    gst_discoverer_stream_info_list_free(audio);
    gst_discoverer_stream_info_list_free(video);
    g_object_unref(info);
    return found;
}

}  // namespace

bool is_recording_name(const std::filesystem::path& file) {
    const auto ending = lower_ending(file);
    return is_audio_name(file) || std::any_of(std::begin(video_endings), std::end(video_endings), [&](const char* e) { return ending == e; });
}

RecordingFile read_recording(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) throw FileError(file.string(), "cannot be read: " + error.message());
    const auto found = discover(file);
    if (!found.audio && !found.video) throw FormatError(file.string(), "holds neither audio nor video");
    RecordingFile result;
    result.path = std::filesystem::absolute(file).lexically_normal();
    result.checksum = sha256_file_hex(file.string());
    result.size = static_cast<std::int64_t>(size);
    result.duration_ms = found.duration_ms;
    result.kind = found.video ? "video" : "audio";
    return result;
}

std::optional<std::filesystem::path> recording_beside(const std::filesystem::path& transcript) {
    std::error_code error;
    const auto folder = transcript.parent_path().empty() ? std::filesystem::path(".") : transcript.parent_path();
    std::vector<std::filesystem::path> candidates;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const auto& path = entry.path();
        if (!entry.is_regular_file(error) || !is_recording_name(path)) continue;
        if (text::fold_case(path.stem().string()) == text::fold_case(transcript.stem().string())) candidates.push_back(path);
    }
    if (candidates.empty()) return std::nullopt;
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        const bool a_audio = is_audio_name(a), b_audio = is_audio_name(b);
        return a_audio != b_audio ? a_audio : a.filename() < b.filename();
    });
    return candidates.front();
}

void link_recording(Project& project, Id document, const std::filesystem::path& file) {
    RecordingStore(project).link(document, read_recording(file));
}

FoundRecordings find_moved_recordings(Project& project, const std::filesystem::path& folder) {
    RecordingStore recordings(project);
    FoundRecordings result;
    std::map<std::int64_t, std::vector<const Recording*>> missing_by_size;
    const auto all = recordings.all();
    for (const auto& recording : all) {
        if (!recordings.present(recording)) missing_by_size[recording.size].push_back(&recording);
    }
    if (missing_by_size.empty()) return result;
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) throw FileError(folder.string(), "is not a folder");
    std::map<const Recording*, std::filesystem::path> found;
    for (auto entry = std::filesystem::recursive_directory_iterator(folder, std::filesystem::directory_options::skip_permission_denied, error);
         entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
        if (error) break;
        if (!entry->is_regular_file(error)) continue;
        const auto size = static_cast<std::int64_t>(entry->file_size(error));
        const auto same_size = missing_by_size.find(size);
        if (error || same_size == missing_by_size.end()) continue;
        std::string checksum;
        for (const auto* recording : same_size->second) {
            if (found.count(recording)) continue;
            if (checksum.empty()) checksum = sha256_file_hex(entry->path().string());
            if (checksum == recording->checksum) found[recording] = entry->path();
        }
    }
    for (const auto& [size, waiting] : missing_by_size) {
        for (const auto* recording : waiting) {
            const auto place = found.find(recording);
            if (place == found.end()) {
                result.still_missing.push_back(recording->document);
                continue;
            }
            recordings.relocate(recording->document, place->second);
            result.found.push_back(recording->document);
        }
    }
    return result;
}

}  // namespace fokus::importers
