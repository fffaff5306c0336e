#include "workbench/passage_drag.h"

#include <wx/cursor.h>
#include <wx/stc/stc.h>

#include <memory>
#include <optional>

#include "workbench/code_tree.h"
#include "workbench/transcript_view.h"

namespace fokus::workbench {

void let_passages_drop_on_codes(TranscriptView& transcript, CodeTree& codes, std::function<void(Id code, Span span)> dropped) {
    struct Drag {
        std::optional<Span> passage;  // while a passage is being dragged
    };
    auto drag = std::make_shared<Drag>();
    auto* editor = transcript.editor();
    const auto finish = [drag, editor, &codes] {
        drag->passage.reset();
        if (editor->HasCapture()) editor->ReleaseMouse();
        editor->SetCursor(wxNullCursor);
        codes.show_drop_target(std::nullopt);
    };
    editor->Bind(wxEVT_STC_START_DRAG, [drag, editor, &transcript](wxStyledTextEvent& event) {
        const auto passage = transcript.selection();
        if (!passage) return;
        // No text leaves the transcript: the passage goes to a code instead.
        event.SetDragText(wxEmptyString);
        drag->passage = passage;
        if (!editor->HasCapture()) editor->CaptureMouse();
        editor->SetCursor(wxCursor(wxCURSOR_HAND));
    });
    editor->Bind(wxEVT_MOTION, [drag, editor, &codes](wxMouseEvent& event) {
        if (!drag->passage) {
            event.Skip();
            return;
        }
        codes.show_drop_target(editor->ClientToScreen(event.GetPosition()));
    });
    editor->Bind(wxEVT_LEFT_UP, [drag, editor, finish, &codes, &transcript, dropped](wxMouseEvent& event) {
        // The editor ends its own drag in its handling of the release.
        event.Skip();
        if (!drag->passage) return;
        const Span passage = *drag->passage;
        const auto code = codes.code_at(editor->ClientToScreen(event.GetPosition()));
        finish();
        // After the editor has let go of the click, which clears the selection.
        transcript.CallAfter([&transcript, passage, code, dropped] {
            transcript.select(passage);
            if (code) dropped(*code, passage);
        });
    });
    editor->Bind(wxEVT_MOUSE_CAPTURE_LOST, [drag, finish](wxMouseCaptureLostEvent& event) {
        event.Skip();
        if (drag->passage) finish();
    });
}

}  // namespace fokus::workbench
