#include "text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "error.h"

namespace fokus::text {
namespace {

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFC normaliser unavailable: ") + u_errorName(status));
    return *normalizer;
}

std::size_t utf8_length_of_lead(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    return 4;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view utf8) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    std::int32_t i = 0;
    while (i < length) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view utf8) { return find_invalid_utf8(utf8) == std::string_view::npos; }

std::string to_nfc(std::string_view utf8, std::string_view what) {
    if (const auto bad = find_invalid_utf8(utf8); bad != std::string_view::npos) {
        throw InputError(std::string(what) + " is not valid UTF-8 (bad byte at offset " +
                         std::to_string(bad) + ")");
    }
    const auto& normalizer = nfc();
    UErrorCode status = U_ZERO_ERROR;
    if (normalizer.isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())), status) &&
        U_SUCCESS(status)) {
        return std::string(utf8);
    }
    std::string result;
    icu::StringByteSink<std::string> sink(&result, static_cast<std::int32_t>(utf8.size()));
    status = U_ZERO_ERROR;
    normalizer.normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())),
                             sink, nullptr, status);
    if (U_FAILURE(status)) {
        throw InputError(std::string(what) + " could not be normalised to NFC: " + u_errorName(status));
    }
    return result;
}

bool is_nfc(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) return false;
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized = nfc().isNormalizedUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())), status);
    return U_SUCCESS(status) && normalized;
}

std::size_t count_code_points(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::u32string code_points(std::string_view utf8) {
    const auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    std::u32string result;
    result.reserve(static_cast<std::size_t>(unicode.length()));
    for (std::int32_t at = 0; at < unicode.length(); at = unicode.moveIndex32(at, 1)) {
        result.push_back(static_cast<char32_t>(unicode.char32At(at)));
    }
    return result;
}

std::string fold_case(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    s.foldCase();
    std::string result;
    s.toUTF8String(result);
    return result;
}

bool starts_upper(std::string_view utf8) {
    if (utf8.empty()) return false;
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    std::int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, static_cast<std::int32_t>(utf8.size()), c);
    return c >= 0 && u_isupper(c);
}

std::string quote(std::string_view utf8) { return "\"" + std::string(utf8) + "\""; }

std::string trim(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    std::int32_t begin = 0;
    std::int32_t end = s.length();
    while (begin < end && u_isUWhiteSpace(s.char32At(begin))) begin = s.moveIndex32(begin, 1);
    while (end > begin) {
        const std::int32_t previous = s.moveIndex32(end, -1);
        if (!u_isUWhiteSpace(s.char32At(previous))) break;
        end = previous;
    }
    std::string result;
    s.tempSubStringBetween(begin, end).toUTF8String(result);
    return result;
}

OffsetMap::OffsetMap(std::string_view utf8) : text_(utf8) {
    std::size_t byte = 0;
    while (byte < utf8.size()) {
        if (code_points_ % block == 0) {
            checkpoints_.push_back({static_cast<std::uint32_t>(byte), static_cast<std::uint32_t>(utf16_units_)});
        }
        const std::size_t length = utf8_length_of_lead(static_cast<unsigned char>(utf8[byte]));
        utf16_units_ += length == 4 ? 2 : 1;
        byte += length;
        ++code_points_;
    }
}

std::size_t OffsetMap::byte_of(std::size_t code_point) const {
    if (code_point >= code_points_) return text_.size();
    std::size_t byte = checkpoints_[code_point / block].byte;
    for (std::size_t i = code_point % block; i > 0; --i) {
        byte += utf8_length_of_lead(static_cast<unsigned char>(text_[byte]));
    }
    return byte;
}

std::size_t OffsetMap::utf16_of(std::size_t code_point) const {
    if (code_point >= code_points_) return utf16_units_;
    const auto& checkpoint = checkpoints_[code_point / block];
    std::size_t byte = checkpoint.byte;
    std::size_t unit = checkpoint.utf16;
    for (std::size_t i = code_point % block; i > 0; --i) {
        const std::size_t length = utf8_length_of_lead(static_cast<unsigned char>(text_[byte]));
        unit += length == 4 ? 2 : 1;
        byte += length;
    }
    return unit;
}

std::size_t OffsetMap::code_point_of_byte(std::size_t byte) const {
    if (byte >= text_.size()) return code_points_;
    const auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                                        [](std::size_t b, const Checkpoint& c) { return b < c.byte; });
    const auto index = static_cast<std::size_t>(after - checkpoints_.begin()) - 1;
    std::size_t code_point = index * block;
    std::size_t position = checkpoints_[index].byte;
    while (true) {
        const std::size_t next = position + utf8_length_of_lead(static_cast<unsigned char>(text_[position]));
        if (next > byte) return code_point;
        position = next;
        ++code_point;
    }
}

std::size_t OffsetMap::code_point_of_utf16(std::size_t unit) const {
    if (unit >= utf16_units_) return code_points_;
    const auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), unit,
                                        [](std::size_t u, const Checkpoint& c) { return u < c.utf16; });
    const auto index = static_cast<std::size_t>(after - checkpoints_.begin()) - 1;
    std::size_t code_point = index * block;
    std::size_t byte = checkpoints_[index].byte;
    std::size_t position = checkpoints_[index].utf16;
    while (true) {
        const std::size_t length = utf8_length_of_lead(static_cast<unsigned char>(text_[byte]));
        const std::size_t next = position + (length == 4 ? 2 : 1);
        if (next > unit) return code_point;
        position = next;
        byte += length;
        ++code_point;
    }
}

}  // namespace fokus::text
