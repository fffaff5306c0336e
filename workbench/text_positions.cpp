#include "workbench/text_positions.h"

#include <algorithm>

namespace fokus::workbench {

TextPositions::TextPositions(std::string utf8) : text_(std::move(utf8)), map_(text_) {}

int TextPositions::to_editor(std::int64_t code_point) const {
    return static_cast<int>(map_.byte_of(static_cast<std::size_t>(std::max<std::int64_t>(code_point, 0))));
}

std::int64_t TextPositions::to_core(int editor_position) const {
    return static_cast<std::int64_t>(map_.code_point_of_byte(static_cast<std::size_t>(std::max(editor_position, 0))));
}

Span TextPositions::to_core(int editor_start, int editor_end) const { return Span{to_core(editor_start), to_core(editor_end)}; }

}  // namespace fokus::workbench
