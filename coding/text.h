#pragma once
// Unicode text as the core sees it: UTF-8, normalised to NFC, with positions
// counted in code points (the REFI-QDA unit). Conversions to the UTF-8 byte
// offsets of editors and the UTF-16 units of ICU live here and nowhere else.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fokus::text {

// Byte position of the first invalid UTF-8 sequence, or npos when valid.
std::size_t find_invalid_utf8(std::string_view utf8);
bool is_valid_utf8(std::string_view utf8);

// Throws InputError naming `what` when the text is not valid UTF-8.
std::string to_nfc(std::string_view utf8, std::string_view what = "text");
bool is_nfc(std::string_view utf8);

std::size_t count_code_points(std::string_view utf8);
// The code points of valid UTF-8, one char32_t each.
std::u32string code_points(std::string_view utf8);

// Lower-cases with full Unicode case folding, for comparing names.
std::string fold_case(std::string_view utf8);

// Whether the text begins with an upper-case letter (Æ, Ø and Å included).
bool starts_upper(std::string_view utf8);

// The text in double quotes, as messages show names and values.
std::string quote(std::string_view utf8);

// Strips white space at both ends (Unicode-aware).
std::string trim(std::string_view utf8);

// Converts between code-point, UTF-8 byte and UTF-16 unit offsets of one text.
// Built once per text; each lookup costs at most one block scan.
class OffsetMap {
public:
    explicit OffsetMap(std::string_view utf8);

    std::size_t code_points() const noexcept { return code_points_; }
    std::size_t bytes() const noexcept { return text_.size(); }
    std::size_t utf16_units() const noexcept { return utf16_units_; }

    // Offsets past the end are clamped to the end.
    std::size_t byte_of(std::size_t code_point) const;
    std::size_t utf16_of(std::size_t code_point) const;
    // A byte or UTF-16 offset inside a character maps to that character's start.
    std::size_t code_point_of_byte(std::size_t byte) const;
    std::size_t code_point_of_utf16(std::size_t unit) const;

private:
    static constexpr std::size_t block = 64;
    struct Checkpoint {
        std::uint32_t byte;
        std::uint32_t utf16;
    };
    std::string_view text_;
    std::vector<Checkpoint> checkpoints_;  // at every block-th code point
    std::size_t code_points_ = 0;
    std::size_t utf16_units_ = 0;
};

}  // namespace fokus::text
