#include "analysis/contrast.h"

#include "coding/attributes.h"

namespace fokus {

Contrast contrast(Project& project, const CodeItem& item, const SegmentFilter& base, const AttributeCondition& left,
                  const AttributeCondition& right) {
    auto side = [&](const AttributeCondition& condition) {
        SegmentFilter filter = base;
        filter.attributes.push_back(condition);
        ContrastSide result;
        result.label = std::string(condition.of == AttributeCondition::Of::Participant ? participant_attribute_prefix : "") +
                       condition.name + "=";
        for (std::size_t i = 0; i < condition.values.size(); ++i) result.label += (i ? "," : "") + condition.values[i];
        for (auto& segment : load_segments(project, filter)) {
            if (item.holds(segment.code)) result.segments.push_back(std::move(segment));
        }
        return result;
    };
    return Contrast{item, side(left), side(right)};
}

}  // namespace fokus
