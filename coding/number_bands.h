#pragma once
// Numeric ranges of an attribute, as researchers band ages and seniority:
// "20-29", "30-39", "60-" (60 and over), "-19" (up to 19), both ends included.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

struct NumberBand {
    std::string label;  // as given, e.g. "20-29"
    std::optional<double> low, high;
    bool holds(double value) const { return (!low || value >= *low) && (!high || value <= *high); }
    friend bool operator==(const NumberBand&, const NumberBand&) = default;
};

// "20-29", "20–29", "60-", "60+", "-19"; none when the text is not such a range.
std::optional<NumberBand> parse_band(std::string_view text);
// "20-29,30-39,40-" in order; InputError naming an entry that is no range.
std::vector<NumberBand> parse_bands(std::string_view list);
// The label of the first band holding the value's number; empty when the
// value is no number or no band holds it.
std::string band_of(const std::vector<NumberBand>& bands, std::string_view value);

}  // namespace fokus
