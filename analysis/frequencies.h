#pragma once
// How much each code (or theme) is used: codings, documents, speakers,
// participants, and the share of words coded, overall or per value of a
// document or participant attribute.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coding/segments.h"

namespace fokus {

struct Frequency {
    std::int64_t codings = 0;
    std::int64_t documents = 0;
    std::int64_t speakers = 0;      // distinct speaker labels of documents
    std::int64_t participants = 0;  // distinct participants, where speakers are mapped
    std::int64_t words_coded = 0;
    std::int64_t words = 0;         // in the documents (or participants' turns) counted
    double share_of_words() const { return words == 0 ? 0.0 : static_cast<double>(words_coded) / static_cast<double>(words); }
};

struct FrequencyRow {
    CodeItem item;
    Frequency overall;
    std::vector<Frequency> by_value;  // parallel to FrequencyTable::values
};

struct FrequencyTable {
    std::optional<AttributeCondition> breakdown;  // name and kind; values below
    std::vector<std::string> values;
    std::vector<FrequencyRow> rows;
};

// `breakdown`: an attribute to break the figures down by (its values are
// found in the project), or none.
FrequencyTable frequencies(Project& project, const std::vector<CodeItem>& items, const SegmentFilter& filter,
                           const std::optional<AttributeCondition>& breakdown);

}  // namespace fokus
