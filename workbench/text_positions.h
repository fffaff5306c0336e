#pragma once
// The one place where the core's code-point positions meet the UTF-8 byte
// positions of wxStyledTextCtrl. Nothing else in the workbench converts.
#include <cstdint>
#include <string>

#include "coding/text.h"
#include "coding/types.h"

namespace fokus::workbench {

class TextPositions {
public:
    // Keeps its own copy of the text, so the map (which views it) stays valid.
    explicit TextPositions(std::string utf8);
    TextPositions(const TextPositions&) = delete;
    TextPositions& operator=(const TextPositions&) = delete;

    int to_editor(std::int64_t code_point) const;
    // A byte inside a character maps to that character's start.
    std::int64_t to_core(int editor_position) const;
    Span to_core(int editor_start, int editor_end) const;
    const std::string& text() const { return text_; }

private:
    std::string text_;
    text::OffsetMap map_;
};

}  // namespace fokus::workbench
