#pragma once
// The transcript: read-only text with speaker labels in bold, timestamps
// dimmed, codings as coloured highlights, and the coding stripes beside it.
#include <wx/panel.h>
#include <wx/stc/stc.h>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "coding/codes.h"
#include "coding/codings.h"
#include "coding/documents.h"
#include "workbench/coding_stripes.h"
#include "workbench/text_positions.h"

namespace fokus::workbench {

// The editor, which can be kept from repainting while the view changes
// highlights, so that the view repaints only the lines it changed.
class TranscriptEditor : public wxStyledTextCtrl {
public:
    explicit TranscriptEditor(wxWindow* parent) : wxStyledTextCtrl(parent, wxID_ANY) {}
    void Refresh(bool erase_background = true, const wxRect* rect = nullptr) override;
    void hold_repaints(bool held) { held_ = held; }

private:
    bool held_ = false;
};

class TranscriptView : public wxPanel {
public:
    explicit TranscriptView(wxWindow* parent);

    // Shows a document with its turns and codings; codes give colours and names.
    void show(const Document& document, const std::string& text, const std::vector<Turn>& turns,
              const std::vector<Coding>& codings, const std::vector<Code>& codes);
    void update_codings(const std::vector<Coding>& codings, const std::vector<Code>& codes);
    // After the codings `changed_codings` changed, as they are `now` (those
    // still in this document), all within `changed` (code points): only that
    // stretch of the text is repainted.
    void update_codings_within(const std::set<Id>& changed_codings, std::vector<Coding> now, Span changed);
    void clear();

    // The selected span in code points; empty when nothing is selected.
    std::optional<Span> selection() const;
    void select(Span span);
    std::int64_t caret() const;
    // The coding under the caret, if any (the shortest one).
    std::optional<Coding> coding_at_caret() const;
    // Every coding under the caret, shortest first.
    std::vector<Coding> codings_at_caret() const;
    std::size_t coding_count() const { return codings_.size(); }
    const std::vector<Coding>& codings() const { return codings_; }
    // Whether the view shows exactly this text (the core's UTF-8).
    bool shows_text(const std::string& text) const;
    std::optional<Id> document() const { return document_; }

    wxStyledTextCtrl* editor() { return editor_; }
    // Marks the hits of the last search in this document, as a highlighter would.
    void mark_hits(const std::vector<Span>& spans);
    // Where on the screen the middle of the character at `position` (code points) is drawn.
    std::optional<wxPoint> screen_point_of(std::int64_t position) const;
    void on_caret_moved(std::function<void()> callback) { caret_moved_ = std::move(callback); }
    // The times of the recording at these places (code points): each is shown,
    // dimmed, in the margin beside its line; a click on one plays from there.
    struct TimeMark {
        std::int64_t position = 0;
        std::int64_t time_ms = 0;
    };
    void show_times(const std::vector<TimeMark>& marks);
    void on_time_clicked(std::function<void(std::int64_t position)> callback) { time_clicked_ = std::move(callback); }
    // Highlights the turn being played (none: no highlight), and scrolls to it.
    void mark_playing(std::optional<Span> turn);
    std::optional<Span> playing() const { return playing_; }
    // Right click: the caret has moved to the click unless it fell inside the selection.
    void on_context_menu(std::function<void()> callback) { context_menu_ = std::move(callback); }

private:
    // A labelled turn in editor positions; every second one is tinted.
    struct PlacedTurn {
        int start;
        int body_start;
        int end;
        bool tinted;
    };
    // The text is prepared (styled and highlighted) in blocks of this many bytes.
    static constexpr int block_bytes = 32 * 1024;
    void place_turns(const std::vector<Turn>& turns);
    void style_turn(const PlacedTurn& turn);
    void prepare_block(std::size_t block);
    void prepare(int from, int to);
    void prepare_shown_lines();
    void prepare_when_idle(wxIdleEvent& event);
    void isolate_wide_punctuation(int from, int to);
    void paint_codings();
    // Highlights between these editor positions; stripes are laid out anew.
    void paint_codings_within(int from, int to);
    // Repaints the text and the margin from the line of `from` to that of `to` (editor positions).
    void repaint_lines(int from, int to);
    void lay_out_stripes();
    void colour_indicators();
    void snap_to_words();

    TranscriptEditor* editor_;
    CodingStripes* stripes_;
    std::unique_ptr<TextPositions> positions_;
    std::optional<Id> document_;
    std::vector<PlacedTurn> turns_;
    std::vector<bool> prepared_;  // by block
    std::vector<Coding> codings_;
    // Each coding's place in the editor and its stripe column, by start.
    std::vector<Stripe> stripes_laid_out_;
    std::array<wxColour, 24> indicator_colours_;
    std::map<Id, Code> codes_;
    std::function<void()> caret_moved_;
    std::function<void()> context_menu_;
    std::function<void(std::int64_t)> time_clicked_;
    std::optional<Span> playing_;
};

}  // namespace fokus::workbench
