// Plain-text transcripts in the encodings they arrive in: UTF-8 with or
// without a byte-order mark, UTF-16, and the legacy 8-bit encodings of older
// Windows tools. Bytes that do not decode are never dropped silently.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>

#include "coding/error.h"
#include "coding/text.h"
#include "importers/readers.h"

namespace fokus::importers {
namespace {

struct DetectorDeleter {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
struct ConverterDeleter {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};

bool is_utf16(const std::string& encoding) { return encoding.rfind("UTF-16", 0) == 0; }

// The line (from 1) of a byte offset; UTF-16 counts its own line-feed units.
std::size_t line_of(const std::string& bytes, std::size_t offset, const std::string& encoding) {
    offset = std::min(offset, bytes.size());
    if (!is_utf16(encoding)) return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    const bool little_endian = encoding == "UTF-16LE";
    std::size_t line = 1;
    for (std::size_t i = 0; i + 1 < offset; i += 2) {
        const char low = little_endian ? bytes[i] : bytes[i + 1];
        const char high = little_endian ? bytes[i + 1] : bytes[i];
        if (low == '\n' && high == '\0') ++line;
    }
    return line;
}

// Fails naming the first bad line, or warns once for each line with replaced bytes.
void report_invalid(const std::vector<std::size_t>& offsets, const std::string& bytes, const std::string& encoding,
                    const std::string& source, const ReadOptions& options, ReadResult& result) {
    if (offsets.empty()) return;
    if (!options.replace_invalid_bytes) {
        throw FileError(source, "has bytes that are not valid " + encoding + " on line " +
                                    std::to_string(line_of(bytes, offsets.front(), encoding)) +
                                    "; fix the file, or import with invalid bytes replaced");
    }
    std::set<std::size_t> lines;
    for (const auto offset : offsets) lines.insert(line_of(bytes, offset, encoding));
    for (const auto line : lines) result.warnings.push_back("invalid bytes replaced on line " + std::to_string(line));
}

std::string checked_utf8(const std::string& bytes, const std::string& source, const ReadOptions& options,
                         ReadResult& result) {
    std::vector<std::size_t> offsets;
    std::string repaired;
    std::size_t from = 0;
    for (auto bad = text::find_invalid_utf8(bytes); bad != std::string::npos;) {
        offsets.push_back(bad);
        repaired.append(bytes, from, bad - from).append("\xEF\xBF\xBD");
        from = bad + 1;
        const auto next = text::find_invalid_utf8(std::string_view(bytes).substr(from));
        bad = next == std::string::npos ? next : from + next;
    }
    report_invalid(offsets, bytes, "UTF-8", source, options, result);
    return offsets.empty() ? bytes : repaired + bytes.substr(from);
}

// Where the converter met bytes it could not decode; each becomes U+FFFD.
struct InvalidBytes {
    const char* start = nullptr;
    std::vector<std::size_t> offsets;
};

void record_invalid(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t length,
                    UConverterCallbackReason reason, UErrorCode* error) {
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
    auto* invalid = static_cast<InvalidBytes*>(const_cast<void*>(context));
    invalid->offsets.push_back(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, args->source - invalid->start - length)));
    *error = U_ZERO_ERROR;
    const UChar replacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

std::string convert(const std::string& bytes, const std::string& encoding, const std::string& source,
                    const ReadOptions& options, ReadResult& result) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterDeleter> converter(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status)) throw FileError(source, "is in " + encoding + ", which cannot be read here");
    InvalidBytes invalid{bytes.data(), {}};
    ucnv_setToUCallBack(converter.get(), record_invalid, &invalid, nullptr, nullptr, &status);
    // One UTF-16 unit per byte is enough for the encodings read here; grow if not.
    std::u16string units(bytes.size() + 16, u'\0');
    const char* in = bytes.data();
    UChar* out = units.data();
    while (true) {
        status = U_ZERO_ERROR;
        UChar* out_end = units.data() + units.size();
        ucnv_toUnicode(converter.get(), &out, out_end, &in, bytes.data() + bytes.size(), nullptr, true, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
        const auto written = out - units.data();
        units.resize(units.size() * 2);
        out = units.data() + written;
    }
    if (U_FAILURE(status)) throw FileError(source, "cannot be decoded as " + encoding + " (" + u_errorName(status) + ")");
    units.resize(static_cast<std::size_t>(out - units.data()));
    // ICU maps the five bytes windows-1252 leaves undefined (0x81, 0x8D, ...)
    // to invisible C1 controls; they are as invalid as any other bad byte.
    // One byte is one unit in this encoding, so the offsets stay right.
    if (encoding == "windows-1252") {
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (units[i] < 0x80 || units[i] > 0x9F) continue;
            invalid.offsets.push_back(i);
            units[i] = 0xFFFD;
        }
        std::sort(invalid.offsets.begin(), invalid.offsets.end());
    }
    report_invalid(invalid.offsets, bytes, encoding, source, options, result);
    std::string utf8;
    icu::UnicodeString(false, units.data(), static_cast<int32_t>(units.size())).toUTF8String(utf8);
    return utf8;
}

// UTF-16 written without a byte-order mark: Danish text has a zero in every
// other byte, on the high side of each unit.
std::string utf16_without_bom(const std::string& bytes) {
    if (bytes.size() < 4 || bytes.size() % 2 != 0) return {};
    const auto sample = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t even_zeros = 0, odd_zeros = 0;
    for (std::size_t i = 0; i < sample; ++i) (i % 2 ? odd_zeros : even_zeros) += bytes[i] == '\0';
    const auto half = sample / 2;
    if (odd_zeros * 10 >= half * 8 && even_zeros * 20 <= half) return "UTF-16LE";
    if (even_zeros * 10 >= half * 8 && odd_zeros * 20 <= half) return "UTF-16BE";
    return {};
}

// Text has few control characters; images, archives and executables have many.
bool looks_binary(const std::string& bytes) {
    if (bytes.find('\0') != std::string::npos) return true;
    const auto controls = std::count_if(bytes.begin(), bytes.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' && byte != '\v' && byte != 0x1A) ||
               byte == 0x7F;
    });
    return controls > 4 && static_cast<std::size_t>(controls) * 50 > bytes.size();
}

// A file with no UTF-8 in it at all: ICU guesses the encoding. Any Western
// European guess reads as windows-1252, which holds æ, ø, å like ISO-8859-1
// and also the typographic quotes Word writes.
std::string legacy_encoding(const std::string& bytes, const std::string& source) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorDeleter> detector(ucsdet_open(&status));
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status) || count == 0) throw FileError(source, "does not look like text in any known encoding");
    static const std::set<std::string> western = {"ISO-8859-1", "ISO-8859-15", "windows-1252", "ISO-8859-9", "windows-1254"};
    for (int32_t i = 0; i < count; ++i) {
        if (western.count(ucsdet_getName(matches[i], &status))) return "windows-1252";
    }
    if (ucsdet_getConfidence(matches[0], &status) < 10) {
        throw FileError(source, "does not look like text in any known encoding (is it a binary file?)");
    }
    return ucsdet_getName(matches[0], &status);
}

std::string normalise_line_ends(const std::string& text) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            result += text[i];
            continue;
        }
        result += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return result;
}

// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence,
// so that stray bad bytes are errors in a UTF-8 file, not a legacy encoding.
bool has_multibyte_utf8(const std::string& bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0xC2 || lead > 0xF4) continue;
        const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i + length <= bytes.size() && text::is_valid_utf8(std::string_view(bytes).substr(i, length))) return true;
    }
    return false;
}

}  // namespace

std::string decode_text(const std::string& bytes, const std::string& source, const ReadOptions& options,
                        ReadResult& result) {
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        result.encoding = "UTF-8";
        return normalise_line_ends(checked_utf8(bytes.substr(3), source, options, result));
    }
    if (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0) {
        result.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        return normalise_line_ends(convert(bytes.substr(2), result.encoding, source, options, result));
    }
    if (const auto utf16 = utf16_without_bom(bytes); !utf16.empty()) {
        result.encoding = utf16;
        return normalise_line_ends(convert(bytes, utf16, source, options, result));
    }
    if (looks_binary(bytes)) {
        throw FileError(source, "looks like a binary file, not text (it contains NUL bytes or many control characters)");
    }
    if (text::is_valid_utf8(bytes) || has_multibyte_utf8(bytes)) {
        result.encoding = "UTF-8";
        return normalise_line_ends(checked_utf8(bytes, source, options, result));
    }
    result.encoding = legacy_encoding(bytes, source);
    return normalise_line_ends(convert(bytes, result.encoding, source, options, result));
}

}  // namespace fokus::importers
