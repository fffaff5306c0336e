#pragma once
// Dragging the selected passage of the transcript onto a code in the code
// tree codes it with that code. The editor's own drag of text (which would
// carry the words to another program) is turned into this: a drag that
// starts inside the selection carries the selection, the code under the
// pointer is marked, and the release over a code applies it.
#include <functional>

#include "coding/types.h"

namespace fokus::workbench {

class CodeTree;
class TranscriptView;

void let_passages_drop_on_codes(TranscriptView& transcript, CodeTree& codes, std::function<void(Id code, Span span)> dropped);

}  // namespace fokus::workbench
