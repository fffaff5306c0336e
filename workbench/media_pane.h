#pragma once
// The recording of the open document: play and pause, back and forward a few
// seconds, speed from half to double, volume, and a time bar to seek with.
// Played with wxMediaCtrl on GStreamer. The pane tells its owner where the
// recording is, several times a second, so that the transcript can follow.
#include <wx/panel.h>
#include <wx/timer.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

class wxMediaCtrl;
class wxMediaEvent;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxSlider;
class wxStaticText;

namespace fokus::workbench {

class MediaPane : public wxPanel {
public:
    explicit MediaPane(wxWindow* parent);

    // Loads a recording (video shows above the controls); false when it cannot be played.
    bool load(const wxString& path, bool video);
    // No recording: the controls are disabled and `why` is shown instead.
    void unload(const wxString& why);
    bool loaded() const { return loaded_; }
    bool playing() const;
    // Whether a time to play from is still being sought.
    bool seeking() const { return pending_seek_.has_value(); }

    void play();
    void pause();
    void toggle();
    // Plays from this time; before the recording has loaded, as soon as it has.
    void play_from(std::int64_t time_ms);
    void skip(std::int64_t milliseconds);
    // One step of the speeds offered (0.5× to 2×), slower or faster.
    void step_speed(int steps);
    double speed() const;
    std::int64_t position_ms() const;
    std::optional<std::int64_t> duration_ms() const;

    bool following() const;
    void set_following(bool following);

    // Several times a second while playing, and after every seek: the time heard.
    void on_position(std::function<void(std::int64_t)> callback) { position_changed_ = std::move(callback); }

private:
    void loaded(wxMediaEvent& event);
    void started(wxMediaEvent& event);
    void settle_seek();
    void tick(wxTimerEvent& event);
    void show_time();
    void show_playing(bool playing);
    void apply_speed();

    wxMediaCtrl* player_ = nullptr;
    wxButton* play_button_;
    wxButton* back_button_;
    wxButton* forward_button_;
    wxSlider* time_bar_;
    wxStaticText* time_text_;
    wxChoice* speed_;
    wxSlider* volume_;
    wxCheckBox* follow_;
    wxStaticText* note_;
    wxTimer timer_;
    bool loaded_ = false;
    bool video_ = false;
    std::optional<std::int64_t> pending_start_;  // asked for before the recording had loaded
    std::optional<std::int64_t> pending_seek_;  // to be played from, once the player has sought it
    std::optional<std::chrono::steady_clock::time_point> last_seek_;
    bool dragging_ = false;
    std::function<void(std::int64_t)> position_changed_;
};

}  // namespace fokus::workbench
