#include "workbench/media_pane.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/mediactrl.h>
#include <wx/sizer.h>
#include <wx/slider.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "coding/timeline.h"
#include "workbench/strings.h"

namespace fokus::workbench {
namespace {

constexpr std::array<double, 7> speeds = {0.5, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0};
constexpr int normal_speed = 3;
constexpr int tick_ms = 100;

wxString time_text(std::int64_t ms) { return to_wx(format_time(ms)); }

}  // namespace

MediaPane::MediaPane(wxWindow* parent) : wxPanel(parent, wxID_ANY), timer_(this) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    player_ = new wxMediaCtrl();
    // GStreamer's own sink choice: a sound card when there is one, otherwise
    // a sink that keeps time without sound (as on a build machine).
    if (!player_->Create(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(-1, 0), 0, wxMEDIABACKEND_GSTREAMER)) {
        delete player_;
        player_ = nullptr;
    }
    if (player_) column->Add(player_, 1, wxEXPAND);
    note_ = new wxStaticText(this, wxID_ANY, _("No recording is linked to this document"));
    note_->SetForegroundColour(wxColour(110, 110, 110));
    column->Add(note_, 0, wxALL, 6);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    back_button_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("−3 s"), wxDefaultPosition, wxSize(52, -1));
    back_button_->SetToolTip(_("Back 3 seconds (F7)"));
    play_button_ = new wxButton(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(52, -1));
    play_button_->SetName("media-play");
    play_button_->SetToolTip(_("Play or pause (F9)"));
    forward_button_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("+3 s"), wxDefaultPosition, wxSize(52, -1));
    forward_button_->SetToolTip(_("Forward 3 seconds (F8)"));
    time_bar_ = new wxSlider(this, wxID_ANY, 0, 0, 1000);
    time_bar_->SetName("media-time");
    time_text_ = new wxStaticText(this, wxID_ANY, "00:00:00 / 00:00:00");
    bar->Add(back_button_, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(play_button_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 2);
    bar->Add(forward_button_, 0, wxALIGN_CENTER_VERTICAL);
    bar->AddStretchSpacer();
    bar->Add(time_text_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 6);
    column->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    column->Add(time_bar_, 0, wxEXPAND | wxLEFT | wxRIGHT, 2);
    show_playing(false);

    auto* settings = new wxWrapSizer(wxHORIZONTAL);
    speed_ = new wxChoice(this, wxID_ANY);
    for (const double speed : speeds) speed_->Append(wxString::Format(wxString::FromUTF8("%g×"), speed));
    speed_->SetSelection(normal_speed);
    speed_->SetToolTip(_("Speed (F5 slower, F6 faster)"));
    volume_ = new wxSlider(this, wxID_ANY, 80, 0, 100, wxDefaultPosition, wxSize(110, -1));
    volume_->SetToolTip(_("Volume"));
    follow_ = new wxCheckBox(this, wxID_ANY, _("Follow in the transcript"));
    follow_->SetValue(true);
    follow_->SetToolTip(_("Highlight the turn being played and keep it in view"));
    settings->Add(new wxStaticText(this, wxID_ANY, _("Speed")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    settings->Add(speed_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    settings->Add(new wxStaticText(this, wxID_ANY, _("Volume")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    settings->Add(volume_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    column->Add(settings, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    column->Add(follow_, 0, wxALL, 6);
    SetSizer(column);

    play_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle(); });
    back_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { skip(-3000); });
    forward_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { skip(3000); });
    speed_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { apply_speed(); });
    volume_->Bind(wxEVT_SLIDER, [this](wxCommandEvent&) {
        if (player_ && loaded_) player_->SetVolume(volume_->GetValue() / 100.0);
    });
    time_bar_->Bind(wxEVT_SCROLL_THUMBTRACK, [this](wxScrollEvent&) { dragging_ = true; });
    time_bar_->Bind(wxEVT_SCROLL_CHANGED, [this](wxScrollEvent&) {
        dragging_ = false;
        if (!loaded_) return;
        player_->Seek(time_bar_->GetValue());
        if (position_changed_) position_changed_(position_ms());
    });
    if (player_) {
        player_->Bind(wxEVT_MEDIA_LOADED, &MediaPane::loaded, this);
        player_->Bind(wxEVT_MEDIA_PLAY, &MediaPane::started, this);
        player_->Bind(wxEVT_MEDIA_STATECHANGED, &MediaPane::started, this);
    }
    Bind(wxEVT_TIMER, &MediaPane::tick, this);
    unload(_("No recording is linked to this document"));
}

bool MediaPane::load(const wxString& path, bool video) {
    loaded_ = false;
    pending_start_.reset();
    pending_seek_.reset();
    video_ = video;
    if (!player_ || !player_->Load(path)) {
        unload(wxString::Format(_("The recording %s cannot be played"), path));
        return false;
    }
    note_->Hide();
    player_->SetMinSize(wxSize(-1, video ? 220 : 0));
    player_->Show(video);
    Layout();
    return true;
}

void MediaPane::unload(const wxString& why) {
    timer_.Stop();
    if (player_ && loaded_) player_->Stop();
    loaded_ = false;
    pending_start_.reset();
    if (player_) player_->Hide();
    note_->SetLabel(why);
    note_->Show();
    for (wxWindow* control : std::initializer_list<wxWindow*>{play_button_, back_button_, forward_button_, time_bar_, speed_, volume_}) {
        control->Disable();
    }
    time_bar_->SetValue(0);
    time_text_->SetLabel("00:00:00 / 00:00:00");
    show_playing(false);
    Layout();
}

// The play button shows what a press will do.
void MediaPane::show_playing(bool playing) { play_button_->SetLabel(wxString::FromUTF8(playing ? "❚❚" : "▶")); }

void MediaPane::loaded(wxMediaEvent&) {
    loaded_ = true;
    for (wxWindow* control : std::initializer_list<wxWindow*>{play_button_, back_button_, forward_button_, time_bar_, speed_, volume_}) {
        control->Enable();
    }
    const auto length = player_->Length();
    time_bar_->SetRange(0, static_cast<int>(std::max<wxFileOffset>(1, length)));
    player_->SetVolume(volume_->GetValue() / 100.0);
    show_time();
    if (pending_start_) {
        const auto start = *pending_start_;
        pending_start_.reset();
        play_from(start);
    }
}

bool MediaPane::playing() const { return player_ && loaded_ && player_->GetState() == wxMEDIASTATE_PLAYING; }

void MediaPane::play() {
    if (!loaded_) return;
    player_->Play();
    apply_speed();
    show_playing(true);
    timer_.Start(tick_ms);
}

void MediaPane::pause() {
    if (!loaded_) return;
    player_->Pause();
    show_playing(false);
    show_time();
}

void MediaPane::toggle() {
    if (playing()) {
        pause();
    } else {
        play();
    }
}

// GStreamer's player lets a seek pass unheeded while it is still starting,
// and meanwhile reports the time asked for as its position. So playing from a
// time is done in steps: paused, seek, and once a later look finds the
// recording still at that time, play.
void MediaPane::play_from(std::int64_t time_ms) {
    time_ms = std::max<std::int64_t>(0, time_ms);
    if (!loaded_) {
        pending_start_ = time_ms;
        return;
    }
    pending_seek_ = time_ms;
    last_seek_.reset();
    if (player_->GetState() != wxMEDIASTATE_PAUSED) player_->Pause();
    timer_.Start(tick_ms);
    settle_seek();
    if (position_changed_) position_changed_(time_ms);
}

void MediaPane::started(wxMediaEvent& event) {
    event.Skip();
    settle_seek();
}

void MediaPane::settle_seek() {
    if (!pending_seek_ || player_->GetState() != wxMEDIASTATE_PAUSED) return;
    const auto wanted = *pending_seek_;
    const auto now = std::chrono::steady_clock::now();
    if (last_seek_ && now - *last_seek_ < std::chrono::milliseconds(150)) return;
    const auto position = position_ms();
    if (last_seek_ && position >= wanted - 50 && position <= wanted + 50) {
        pending_seek_.reset();
        last_seek_.reset();
        play();
        return;
    }
    player_->Seek(static_cast<wxFileOffset>(wanted));
    last_seek_ = now;
}

void MediaPane::skip(std::int64_t milliseconds) {
    if (!loaded_) return;
    const auto length = static_cast<std::int64_t>(player_->Length());
    const auto target = std::clamp<std::int64_t>(position_ms() + milliseconds, 0, std::max<std::int64_t>(0, length));
    player_->Seek(static_cast<wxFileOffset>(target));
    show_time();
    if (position_changed_) position_changed_(target);
}

void MediaPane::step_speed(int steps) {
    const int chosen = std::clamp(speed_->GetSelection() + steps, 0, static_cast<int>(speeds.size()) - 1);
    speed_->SetSelection(chosen);
    apply_speed();
}

double MediaPane::speed() const { return speeds[static_cast<std::size_t>(std::max(0, speed_->GetSelection()))]; }

void MediaPane::apply_speed() {
    if (player_ && loaded_) player_->SetPlaybackRate(speed());
}

std::int64_t MediaPane::position_ms() const { return player_ && loaded_ ? static_cast<std::int64_t>(player_->Tell()) : 0; }

std::optional<std::int64_t> MediaPane::duration_ms() const {
    if (!player_ || !loaded_) return std::nullopt;
    return static_cast<std::int64_t>(player_->Length());
}

bool MediaPane::following() const { return follow_->GetValue(); }
void MediaPane::set_following(bool following) { follow_->SetValue(following); }

void MediaPane::tick(wxTimerEvent&) {
    settle_seek();
    show_time();
    show_playing(playing() || pending_seek_.has_value());
    if (!playing()) {
        if (player_ && loaded_ && !pending_seek_ && player_->GetState() == wxMEDIASTATE_STOPPED) timer_.Stop();
        return;
    }
    if (position_changed_) position_changed_(position_ms());
}

void MediaPane::show_time() {
    if (!loaded_) return;
    const auto position = position_ms();
    const auto length = static_cast<std::int64_t>(player_->Length());
    // GStreamer may learn the length only as it plays.
    if (length > 0 && time_bar_->GetMax() != static_cast<int>(length)) time_bar_->SetRange(0, static_cast<int>(length));
    if (!dragging_) time_bar_->SetValue(static_cast<int>(std::clamp<std::int64_t>(position, 0, std::max<std::int64_t>(1, length))));
    time_text_->SetLabel(time_text(position) + " / " + time_text(length));
}

}  // namespace fokus::workbench
