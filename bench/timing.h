#pragma once
// Timing for benchmarks: the median of repeated runs, in milliseconds.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace fokus::bench {

inline double milliseconds_of(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

inline double median_milliseconds(int runs, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) times.push_back(milliseconds_of(work));
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace fokus::bench
