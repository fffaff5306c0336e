#include "attribute_types.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "collation.h"
#include "error.h"
#include "project.h"
#include "sqlite.h"
#include "text.h"

namespace fokus {
namespace {

std::string lower_ascii(std::string_view value) {
    std::string result(value);
    std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
    int value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

bool valid_date(int year, int month, int day) {
    static constexpr int days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in[month - 1]) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month != 2 || day <= 28 || leap;
}

// A date as ISO 8601, from ISO or day-first forms; empty when it is none.
std::string iso_date(std::string_view value) {
    std::string_view date = value, time;
    if (const auto cut = value.find_first_of(" T"); cut != std::string_view::npos) {
        date = value.substr(0, cut);
        time = value.substr(cut + 1);
    }
    std::vector<std::string_view> parts;
    char separator = 0;
    for (const char c : {'-', '.', '/'}) {
        if (date.find(c) != std::string_view::npos) separator = c;
    }
    if (!separator) return {};
    for (std::size_t start = 0;;) {
        const auto end = date.find(separator, start);
        parts.push_back(date.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (parts.size() != 3 || !std::all_of(parts.begin(), parts.end(), all_digits)) return {};
    int year = 0, month = 0, day = 0;
    if (parts[0].size() == 4) {
        year = to_int(parts[0]), month = to_int(parts[1]), day = to_int(parts[2]);
    } else if (parts[2].size() == 4) {
        day = to_int(parts[0]), month = to_int(parts[1]), year = to_int(parts[2]);
    } else {
        return {};
    }
    if (!valid_date(year, month, day)) return {};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    std::string result = buffer;
    // A time of day stays as written, without midnight's zeros.
    std::string clock(time);
    while (clock.size() > 5 && (clock.ends_with(":00") || clock.ends_with(".000"))) clock.resize(clock.size() - (clock.ends_with(":00") ? 3 : 4));
    if (!clock.empty() && clock != "00:00") result += " " + clock;
    return result;
}

}  // namespace

AttributeType parse_attribute_type(std::string_view name) {
    const auto wanted = lower_ascii(name);
    if (wanted == "text") return AttributeType::Text;
    if (wanted == "number") return AttributeType::Number;
    if (wanted == "date") return AttributeType::Date;
    if (wanted == "yesno" || wanted == "yes/no" || wanted == "boolean") return AttributeType::YesNo;
    if (wanted == "ordered") return AttributeType::Ordered;
    throw InputError(text::quote(name) + " is not an attribute type; use text, number, date, yesno or ordered");
}

const char* attribute_type_name(AttributeType type) {
    switch (type) {
        case AttributeType::Text: return "text";
        case AttributeType::Number: return "number";
        case AttributeType::Date: return "date";
        case AttributeType::YesNo: return "yesno";
        case AttributeType::Ordered: return "ordered";
    }
    return "text";
}

std::optional<double> number_value(std::string_view value) {
    std::string cleaned;
    for (const char c : value) {
        if (c != ' ') cleaned += c;
    }
    // A Danish decimal comma, when no point is there to be the decimal.
    if (cleaned.find('.') == std::string::npos) std::replace(cleaned.begin(), cleaned.end(), ',', '.');
    if (cleaned.empty()) return std::nullopt;
    double number = 0;
    const auto [end, error] = std::from_chars(cleaned.data(), cleaned.data() + cleaned.size(), number);
    if (error != std::errc() || end != cleaned.data() + cleaned.size() || !std::isfinite(number)) return std::nullopt;
    return number;
}

std::string typed_value(const AttributeKind& kind, std::string_view value) {
    const std::string cleaned = text::trim(text::to_nfc(value, "an attribute value"));
    if (cleaned.empty()) return cleaned;
    switch (kind.type) {
        case AttributeType::Text: return cleaned;
        case AttributeType::Number: {
            const auto number = number_value(cleaned);
            if (!number) throw InputError(text::quote(cleaned) + " is not a number");
            if (*number == 0) return "0";
            char buffer[64];
            const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *number);
            return std::string(buffer, end);
        }
        case AttributeType::Date: {
            auto date = iso_date(cleaned);
            if (date.empty()) throw InputError(text::quote(cleaned) + " is not a date (2024-03-01 or 1-3-2024, day first)");
            return date;
        }
        case AttributeType::YesNo: {
            static const std::set<std::string> yes = {"ja", "j", "yes", "y", "true", "sand", "1"};
            static const std::set<std::string> no = {"nej", "n", "no", "false", "falsk", "0"};
            const auto folded = text::fold_case(cleaned);
            if (yes.count(folded)) return "ja";
            if (no.count(folded)) return "nej";
            throw InputError(text::quote(cleaned) + " is neither yes nor no (ja/nej, yes/no, true/false, 1/0)");
        }
        case AttributeType::Ordered: {
            const auto folded = text::fold_case(cleaned);
            for (const auto& category : kind.categories) {
                if (text::fold_case(category) == folded) return category;
            }
            std::string listed;
            for (const auto& category : kind.categories) listed += (listed.empty() ? "" : ", ") + text::quote(category);
            throw InputError(text::quote(cleaned) + " is not one of the categories " + listed);
        }
    }
    return cleaned;
}

std::optional<AttributeKind> AttributeTypes::of(std::string_view attribute) const {
    auto query = project_.db().prepare("SELECT type, categories FROM attribute_types WHERE attribute = ?");
    query.bind_all(attribute);
    if (!query.step()) return std::nullopt;
    AttributeKind kind{parse_attribute_type(query.text(0)), {}};
    const auto categories = query.text(1);
    for (std::size_t start = 0; start < categories.size();) {
        const auto end = categories.find('\n', start);
        kind.categories.push_back(categories.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return kind;
}

std::map<std::string, AttributeKind> AttributeTypes::all() const {
    std::vector<std::string> names;
    auto query = project_.db().prepare("SELECT attribute FROM attribute_types");
    while (query.step()) names.push_back(query.text(0));
    std::map<std::string, AttributeKind> kinds;
    for (const auto& name : names) kinds.emplace(name, *of(name));
    return kinds;
}

void AttributeTypes::set(std::string_view attribute, const AttributeKind& kind) {
    const std::string name = text::trim(text::to_nfc(attribute, "the attribute name"));
    if (name.empty()) throw InputError("an attribute name cannot be empty");
    if (kind.type == AttributeType::Ordered && kind.categories.empty()) {
        throw InputError("the ordered attribute " + text::quote(name) + " needs its categories in order");
    }
    std::string categories;
    for (const auto& category : kind.categories) {
        const auto cleaned = text::trim(text::to_nfc(category, "a category"));
        if (cleaned.empty() || cleaned.find('\n') != std::string::npos) {
            throw InputError("a category of " + text::quote(name) + " is empty or spans lines");
        }
        categories += (categories.empty() ? "" : "\n") + cleaned;
    }
    project_.act("set the type of " + text::quote(name), [&] {
        project_.db()
            .prepare("INSERT INTO attribute_types(attribute, type, categories) VALUES (?, ?, ?) "
                     "ON CONFLICT(attribute) DO UPDATE SET type = excluded.type, categories = excluded.categories")
            .bind_all(name, attribute_type_name(kind.type), categories)
            .run();
    });
}

std::vector<std::string> AttributeTypes::sorted(std::string_view attribute, std::vector<std::string> values) const {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    text::sort_danish(values);
    const auto kind = of(attribute);
    if (!kind) return values;
    if (kind->type == AttributeType::Number) {
        std::stable_sort(values.begin(), values.end(), [](const std::string& a, const std::string& b) {
            const auto x = number_value(a), y = number_value(b);
            if (x && y) return *x < *y;
            return x.has_value() && !y.has_value();
        });
    } else if (kind->type == AttributeType::Date) {
        std::stable_sort(values.begin(), values.end());
    } else if (kind->type == AttributeType::Ordered) {
        const auto& order = kind->categories;
        const auto rank = [&](const std::string& value) {
            return static_cast<std::size_t>(std::find(order.begin(), order.end(), value) - order.begin());
        };
        std::stable_sort(values.begin(), values.end(), [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    }
    return values;
}

}  // namespace fokus
