#pragma once
// The one place where the core's code-point positions meet the UTF-8 byte
// positions of wxStyledTextCtrl. Nothing else in the workbench converts.
#include <string>

#include "coding/text.h"
#include "coding/types.h"

namespace fokus::workbench {

class TextPositions {
public:
    // Keeps its own copy of the text, so the map stays valid.
    explicit TextPositions(std::string utf8) : text_(std::move(utf8)), map_(text_) {}
    TextPositions(const TextPositions&) = delete;
    TextPositions& operator=(const TextPositions&) = delete;

    int to_editor(std::int64_t code_point) const { return static_cast<int>(map_.byte_of(static_cast<std::size_t>(code_point))); }
    std::int64_t to_core(int editor_position) const {
        return static_cast<std::int64_t>(map_.code_point_of_byte(static_cast<std::size_t>(editor_position)));
    }
    Span to_core(int editor_start, int editor_end) const { return Span{to_core(editor_start), to_core(editor_end)}; }
    const std::string& text() const { return text_; }

private:
    std::string text_;
    text::OffsetMap map_;
};

}  // namespace fokus::workbench
