#pragma once
// What the importer tests compare: the paragraphs of a read file, one a line.
#include <string>

#include "importers/importer.h"

namespace fokus::testing {

inline std::string lines_of(const importers::ReadResult& result) {
    std::string joined;
    for (const auto& paragraph : result.paragraphs) joined += paragraph.text + "\n";
    return joined;
}

}  // namespace fokus::testing
