#pragma once
// Checks of numbers on the command line that say what was wrong in words:
// CLI11's own give a range up to the largest double.
#include <CLI/CLI.hpp>

namespace fokus::cli {

// A whole number of at least `least` ("--limit: \"0\" is not a whole number of 1 or more").
CLI::Validator whole_number_from(long long least);

}  // namespace fokus::cli
