// The recording beside the transcript: loading the open document's
// recording, playing from a turn's time, following the recording in the
// transcript, marking sync points, and the keys that control it while typing.
#include <wx/config.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/textdlg.h>

#include <algorithm>

#include "coding/documents.h"
#include "coding/recordings.h"
#include "importers/recording_file.h"
#include "workbench/main_frame.h"
#include "workbench/media_pane.h"
#include "workbench/menu_ids.h"
#include "workbench/status_bar.h"
#include "workbench/strings.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {
namespace {

// A command's keys: the user's own from the settings ("/Keys/media.play-pause
// = F10", for a foot pedal that sends other keys), else the given one.
std::vector<wxAcceleratorEntry> keys_of(const char* command, int flags, int code) {
    wxString configured;
    if (wxConfig::Get()->Read(wxString("/Keys/") + command, &configured)) {
        wxAcceleratorEntry entry;
        if (configured.empty()) return {};
        if (entry.FromString(configured)) return {entry};
    }
    return {wxAcceleratorEntry(flags, code)};
}

}  // namespace

void MainFrame::register_media_commands() {
    auto& c = commands_;
    const auto loaded = [this] { return media_->loaded(); };
    c.add({"media.play-pause", _("&Play or pause"), _("Plays the recording, or pauses it"), keys_of("media.play-pause", wxACCEL_NORMAL, WXK_F9),
           loaded, [this] { media_->toggle(); }});
    c.add({"media.back", _("&Back 3 seconds"), {}, keys_of("media.back", wxACCEL_NORMAL, WXK_F7), loaded, [this] { media_->skip(-3000); }});
    c.add({"media.forward", _("&Forward 3 seconds"), {}, keys_of("media.forward", wxACCEL_NORMAL, WXK_F8), loaded,
           [this] { media_->skip(3000); }});
    c.add({"media.slower", _("&Slower"), {}, keys_of("media.slower", wxACCEL_NORMAL, WXK_F5), loaded, [this] { media_->step_speed(-1); }});
    c.add({"media.faster", _("F&aster"), {}, keys_of("media.faster", wxACCEL_NORMAL, WXK_F6), loaded, [this] { media_->step_speed(1); }});
    c.add({"media.play-selection", _("Play the &selection"), _("Plays the recording from the selected words to their end"),
           keys_of("media.play-selection", wxACCEL_SHIFT, WXK_F9), [this] { return media_->loaded() && transcript_->selection(); },
           [this] { play_selection(); }});
    c.add({"media.sync-point", _("&Mark the time here"), _("The place of the cursor is heard now: a sync point"),
           keys_of("media.sync-point", wxACCEL_NORMAL, WXK_F12), loaded, [this] { mark_sync_point_here(); }});
    c.add({"media.correct", _("&Correct the selected words…"),
           _("Type what was said instead; codings, quotes, turns and sync points keep to their words (one step)"),
           keys_of("media.correct", wxACCEL_NORMAL, WXK_F2), [this] { return transcript_->selection().has_value(); },
           [this] { ask_and_correct_selection(); }});
    c.add({"media.insert-time", _("&Insert the time here"), _("Writes the recording's time, [00:12:34], at the cursor"),
           keys_of("media.insert-time", wxACCEL_NORMAL, WXK_F11), loaded, [this] { insert_time_here(); }});
    c.add({"media.follow", _("F&ollow in the transcript"), _("Highlight the turn being played and keep it in view"), {}, {},
           [this] { media_->set_following(!media_->following()); }, true, [this] { return media_->following(); }});
    c.add({"media.link", _("&Link a recording…"), _("Link an audio or video file to the open document; it stays where it is"), {},
           [this] { return transcript_->document().has_value(); }, [this] { ask_and_link_recording(); }});
    c.add({"media.find", _("&Find moved recordings…"), _("Look for recordings that were moved, in a folder you choose"), {}, {},
           [this] { ask_and_find_recordings(); }});
}

wxMenu* MainFrame::build_media_menu() {
    auto* menu = new wxMenu;
    for (const char* name : {"media.play-pause", "media.back", "media.forward", "media.slower", "media.faster", "media.play-selection"}) {
        commands_.append(*menu, name);
    }
    menu->AppendSeparator();
    commands_.append(*menu, "media.follow");
    commands_.append(*menu, "media.sync-point");
    commands_.append(*menu, "media.insert-time");
    commands_.append(*menu, "media.correct");
    menu->AppendSeparator();
    commands_.append(*menu, "media.link");
    commands_.append(*menu, "media.find");
    return menu;
}

// The open document's recording, its times in the margin, and where each turn is.
void MainFrame::load_recording(Id document) {
    play_until_.reset();
    load_recording_times(document);
    RecordingStore recordings(project_);
    const auto recording = recordings.of(document);
    // The text changed (a correction, an undo): the recording plays on.
    const wxString location = recording ? to_wx(recordings.location(*recording).string()) : wxString();
    if (recording && media_->loaded() && loaded_recording_ == std::make_pair(document, location)) return;
    loaded_recording_.reset();
    if (!recording) {
        media_->unload(_("No recording is linked to this document (Recording ▸ Link a recording…)"));
        return;
    }
    if (!recordings.present(*recording)) {
        media_->unload(wxString::Format(_("The recording %s is not where it was linked (Recording ▸ Find moved recordings…)"),
                                        to_wx(recording->path)));
        return;
    }
    show_pane("media", true);
    // A video needs room above the controls; a sound recording only the controls.
    auto& pane = aui_.GetPane("media");
    const bool video = recording->kind == "video";
    pane.MinSize(220, video ? 320 : 150).BestSize(370, video ? 320 : 150);
    aui_.Update();
    pane.MinSize(220, 150);
    if (media_->load(location, recording->kind == "video")) loaded_recording_ = std::make_pair(document, location);
}

void MainFrame::follow_recording(std::int64_t time_ms) {
    if (!media_->following() || !timeline_ || timeline_->empty()) return;
    const auto position = timeline_->position_at(time_ms);
    if (!position) return;
    std::optional<Span> playing;
    for (const auto& turn : followed_turns_) {
        if (turn.span.start <= *position && *position < std::max(turn.span.end, turn.span.start + 1)) playing = turn.span;
    }
    transcript_->mark_playing(playing);
    if (play_until_ && time_ms >= *play_until_) {
        play_until_.reset();
        media_->pause();
    }
}

void MainFrame::play_from_position(std::int64_t position) {
    if (!timeline_ || timeline_->empty()) {
        SetStatusText(_("This document has no times yet: mark sync points while listening (F12)"), message_field);
        return;
    }
    play_until_.reset();
    media_->play_from(*timeline_->time_at(position));
}

bool MainFrame::play_from_turn(std::size_t number) {
    if (number == 0 || number > followed_turns_.size() || !media_->loaded() || !timeline_ || timeline_->empty()) return false;
    play_until_.reset();
    media_->play_from(*timeline_->time_at(followed_turns_[number - 1].span.start));
    return true;
}

std::optional<std::size_t> MainFrame::followed_turn() const {
    const auto playing = transcript_->playing();
    if (!playing) return std::nullopt;
    for (std::size_t i = 0; i < followed_turns_.size(); ++i) {
        if (followed_turns_[i].span == *playing) return i + 1;
    }
    return std::nullopt;
}

void MainFrame::play_selection() {
    const auto selection = transcript_->selection();
    if (!selection || !timeline_ || timeline_->empty()) return;
    const auto from = *timeline_->time_at(selection->start);
    const auto to = *timeline_->time_at(selection->end);
    media_->play_from(from);
    play_until_ = std::max(to, from + 500);
}

void MainFrame::mark_sync_point_here() {
    const auto document = transcript_->document();
    if (!document || !media_->loaded()) return;
    try {
        const auto time = media_->position_ms();
        RecordingStore(project_).mark_sync_point(*document, transcript_->caret(), time);
        load_recording_times(*document);
        refresh_after_change(Changed::codings, wxString::Format(_("Marked %s here"), to_wx(format_time(time))));
    } catch (const std::exception& error) {
        report(error);
    }
}

// After a sync point or an edit: the margin and the timeline anew, the recording left playing.
void MainFrame::load_recording_times(Id document) {
    RecordingStore recordings(project_);
    followed_turns_ = DocumentStore(project_).turns(document);
    std::vector<TranscriptView::TimeMark> marks;
    for (const auto& turn : followed_turns_) {
        if (turn.time_ms) marks.push_back({turn.span.start, *turn.time_ms});
    }
    for (const auto& point : recordings.sync_points(document)) marks.push_back({point.position, point.time_ms});
    std::sort(marks.begin(), marks.end(), [](const auto& a, const auto& b) { return a.position < b.position; });
    transcript_->show_times(marks);
    timeline_ = recordings.timeline(document);
}

bool MainFrame::correct_selection(const std::string& text) {
    const auto document = transcript_->document();
    const auto selection = transcript_->selection();
    if (!document || !selection) return false;
    try {
        DocumentStore(project_).edit_text(*document, *selection, text);
        refresh_after_change(Changed::history, _("Corrected; Ctrl+Z takes it back"));
        return true;
    } catch (const std::exception& error) {
        report(error);
        return false;
    }
}

void MainFrame::ask_and_correct_selection() {
    const auto document = transcript_->document();
    const auto selection = transcript_->selection();
    if (!document || !selection) return;
    try {
        const auto words = DocumentStore(project_).excerpt(*document, *selection);
        wxTextEntryDialog dialog(this, _("What was said:"), _("Correct the transcript"), to_wx(words));
        if (dialog.ShowModal() != wxID_OK || from_wx(dialog.GetValue()) == words) return;
        correct_selection(from_wx(dialog.GetValue()));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::insert_time_here() {
    const auto document = transcript_->document();
    if (!document || !media_->loaded()) return;
    try {
        const auto at = transcript_->caret();
        DocumentStore(project_).edit_text(*document, Span{at, at}, "[" + format_time(media_->position_ms()) + "] ");
        refresh_after_change(Changed::history, _("The time is written at the cursor; Ctrl+Z takes it back"));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::ask_and_link_recording() {
    const auto document = transcript_->document();
    if (!document) return;
    wxFileDialog dialog(this, _("Link a recording"), wxEmptyString, wxEmptyString,
                        _("Recordings") + " (*.wav;*.mp3;*.ogg;*.opus;*.m4a;*.mp4;*.webm;*.mkv;*.mov)|*.wav;*.mp3;*.ogg;*.opus;*.m4a;*.mp4;*.webm;*.mkv;*.mov",
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        importers::link_recording(project_, *document, from_wx(dialog.GetPath()));
        load_recording(*document);
        refresh_after_change(Changed::anything, _("The recording is linked; it stays where it is"));
    } catch (const std::exception& error) {
        report(error);
    }
}

void MainFrame::ask_and_find_recordings() {
    wxDirDialog dialog(this, _("Where are the recordings now?"));
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        const auto result = importers::find_moved_recordings(project_, from_wx(dialog.GetPath()));
        if (const auto document = transcript_->document()) load_recording(*document);
        refresh_after_change(Changed::anything, wxString::Format(_("Recordings found: %zu; still missing: %zu"), result.found.size(),
                                                                 result.still_missing.size()));
    } catch (const std::exception& error) {
        report(error);
    }
}

}  // namespace fokus::workbench
