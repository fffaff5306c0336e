#pragma once
// The types of attributes, as a survey's closed questions have them: text,
// number, date, yes/no and ordered categories. A type says how values are
// written (one way for every spreadsheet: "43.5", "2024-03-01", "ja"), how
// analyses order them (numbers by size, categories in their order) and what
// REFI-QDA calls them. Attributes without a type are text.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fokus {

class Project;

enum class AttributeType { Text, Number, Date, YesNo, Ordered };

struct AttributeKind {
    AttributeType type = AttributeType::Text;
    std::vector<std::string> categories;  // of Ordered, in their order
    friend bool operator==(const AttributeKind&, const AttributeKind&) = default;
};

// "text", "number", "date", "yesno" (also "yes/no", "boolean"), "ordered";
// InputError listing them otherwise.
AttributeType parse_attribute_type(std::string_view name);
const char* attribute_type_name(AttributeType type);

// `value` written as its type writes it: a number as the shortest decimal
// with a point ("43,5" -> "43.5", "43.0" -> "43"), a date as ISO 8601 (from
// "2024-03-01", "1-3-2024", "01.03.2024" or "1/3/2024", day first), yes/no as
// "ja" or "nej" (from ja/nej, yes/no, true/false, sand/falsk, 1/0, j/n, y/n in
// any case), an ordered category as the category is spelt. Text is trimmed.
// InputError saying what was expected when the value is not of the type.
std::string typed_value(const AttributeKind& kind, std::string_view value);

// The number of a number attribute's value; none when it is not one.
std::optional<double> number_value(std::string_view value);

class AttributeTypes {
public:
    explicit AttributeTypes(Project& project) : project_(project) {}

    // By attribute name as analyses give it ("participant.alder"); none for text
    // attributes that were never given a type.
    std::optional<AttributeKind> of(std::string_view attribute) const;
    std::map<std::string, AttributeKind> all() const;
    // Joins the caller's action, or is one of its own.
    void set(std::string_view attribute, const AttributeKind& kind);

    // Values in the order the type gives them: numbers and dates by size,
    // ordered categories in their order (values outside them after, in Danish
    // order), others in Danish order. Each once.
    std::vector<std::string> sorted(std::string_view attribute, std::vector<std::string> values) const;

private:
    Project& project_;
};

}  // namespace fokus
