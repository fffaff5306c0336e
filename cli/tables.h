#pragma once
// Printing tables: aligned text for people, CSV for spreadsheets.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace fokus::cli {

using Row = std::vector<std::string>;

// RFC 4180: fields with commas, quotes or line breaks are quoted.
void write_csv(std::ostream& out, const std::vector<Row>& rows);
// Columns padded to their widest cell, counted in code points.
void write_aligned(std::ostream& out, const std::vector<Row>& rows);

std::string format_number(double value, int decimals);

// "1 turn", "3 turns": the number with the word in the form it takes.
std::string count_of(std::size_t number, const std::string& one, const std::string& many);

}  // namespace fokus::cli
