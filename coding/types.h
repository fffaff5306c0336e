#pragma once
#include <cstdint>

namespace fokus {

// Row identity of anything stored in a project.
using Id = std::int64_t;

// A half-open range [start, end) of code points in a document's NFC text.
struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t length() const noexcept { return end - start; }
    friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace fokus
