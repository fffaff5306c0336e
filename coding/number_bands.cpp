#include "number_bands.h"

#include "attribute_types.h"
#include "error.h"
#include "text.h"

namespace fokus {

std::optional<NumberBand> parse_band(std::string_view text) {
    std::string band = text::trim(text);
    for (const std::string dash : {"–", "—"}) {
        for (auto at = band.find(dash); at != std::string::npos; at = band.find(dash)) band.replace(at, dash.size(), "-");
    }
    NumberBand result{text::trim(text), std::nullopt, std::nullopt};
    if (!band.empty() && band.back() == '+') {
        result.low = number_value(band.substr(0, band.size() - 1));
        return result.low ? std::optional(result) : std::nullopt;
    }
    // The dash between the ends: not a sign at the start.
    const auto dash = band.find('-', 1);
    if (band.rfind('-', 0) == 0 && dash == std::string::npos) {
        result.high = number_value(band.substr(1));
        return result.high ? std::optional(result) : std::nullopt;
    }
    if (dash == std::string::npos) return std::nullopt;
    const auto low = band.substr(0, dash), high = band.substr(dash + 1);
    result.low = number_value(low);
    if (!result.low) return std::nullopt;
    if (!text::trim(high).empty()) {
        result.high = number_value(high);
        if (!result.high || *result.high < *result.low) return std::nullopt;
    }
    return result;
}

std::vector<NumberBand> parse_bands(std::string_view list) {
    std::vector<NumberBand> bands;
    for (std::size_t start = 0; start <= list.size();) {
        const auto comma = list.find(',', start);
        const auto entry = text::trim(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (!entry.empty()) {
            auto band = parse_band(entry);
            if (!band) throw InputError(text::quote(entry) + " is not a range of numbers; give bands as 20-29,30-39,60-");
            bands.push_back(std::move(*band));
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (bands.empty()) throw InputError("no bands given; give them as 20-29,30-39,60-");
    return bands;
}

std::string band_of(const std::vector<NumberBand>& bands, std::string_view value) {
    const auto number = number_value(value);
    if (!number) return {};
    for (const auto& band : bands) {
        if (band.holds(*number)) return band.label;
    }
    return {};
}

}  // namespace fokus
