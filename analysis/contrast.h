#pragma once
// One code or theme in two groups side by side: the segments where, say,
// leaders and caseworkers speak of it, so that a group can read them together.
#include <string>
#include <vector>

#include "coding/segments.h"

namespace fokus {

struct ContrastSide {
    std::string label;  // the condition, as "participant.role=Leder"
    std::vector<Segment> segments;
};
struct Contrast {
    CodeItem item;
    ContrastSide left;
    ContrastSide right;
};

// The item's segments passing `base` and `left`, beside those passing `base` and `right`.
Contrast contrast(Project& project, const CodeItem& item, const SegmentFilter& base, const AttributeCondition& left,
                  const AttributeCondition& right);

}  // namespace fokus
