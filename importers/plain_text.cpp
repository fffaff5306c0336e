#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>

#include <memory>

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

std::size_t line_of(const std::string& bytes, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool has_multibyte_utf8(const std::string& bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const auto next = static_cast<unsigned char>(bytes[i + 1]);
        if (lead >= 0xC2 && lead <= 0xF4 && (next & 0xC0) == 0x80) return true;
    }
    return false;
}

// Converts with an ICU converter; measure, then fill.
std::string convert(const std::string& bytes, const char* charset, const std::string& source) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterDeleter> converter(ucnv_open(charset, &status));
    if (U_FAILURE(status)) throw FileError(source, std::string("no converter for ") + charset);
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    const auto length = ucnv_toUChars(converter.get(), nullptr, 0, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        throw FileError(source, std::string("is not valid ") + charset + " text (" + u_errorName(status) + ")");
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString text;
    auto* buffer = text.getBuffer(length + 1);
    ucnv_toUChars(converter.get(), buffer, length + 1, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    text.releaseBuffer(length);
    if (U_FAILURE(status)) throw FileError(source, std::string("is not valid ") + charset + " text (" + u_errorName(status) + ")");
    std::string utf8;
    text.toUTF8String(utf8);
    return utf8;
}

std::string normalise_line_ends(const std::string& text) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            result += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            result += text[i];
        }
    }
    return result;
}

// Invalid UTF-8 either fails, naming the line, or becomes U+FFFD with a warning per line.
std::string checked_utf8(const std::string& bytes, const std::string& source, const ReadOptions& options,
                         ReadResult& result) {
    auto bad = text::find_invalid_utf8(bytes);
    if (bad == std::string::npos) return bytes;
    if (!options.replace_invalid_bytes) {
        throw FileError(source, "has bytes that are not valid UTF-8 on line " + std::to_string(line_of(bytes, bad)) +
                                    "; fix the file, or import with invalid bytes replaced");
    }
    std::string repaired;
    std::size_t from = 0;
    std::size_t last_line = 0;
    while (bad != std::string::npos) {
        repaired += bytes.substr(from, bad - from);
        repaired += "\xEF\xBF\xBD";
        const auto line = line_of(bytes, bad);
        if (line != last_line) result.warnings.push_back("invalid bytes replaced on line " + std::to_string(line));
        last_line = line;
        from = bad + 1;
        const auto next = text::find_invalid_utf8(std::string_view(bytes).substr(from));
        bad = next == std::string::npos ? next : from + next;
    }
    return repaired + bytes.substr(from);
}

}  // namespace

std::string decode_text(const std::string& bytes, const std::string& source, const ReadOptions& options,
                        ReadResult& result) {
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        result.encoding = "UTF-8";
        return normalise_line_ends(checked_utf8(bytes.substr(3), source, options, result));
    }
    if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
        result.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        return normalise_line_ends(convert(bytes.substr(2), result.encoding.c_str(), source));
    }
    if (bytes.find('\0') != std::string::npos) {
        throw FileError(source, "looks like a binary file, not text (it contains NUL bytes)");
    }
    if (text::is_valid_utf8(bytes) || has_multibyte_utf8(bytes)) {
        result.encoding = "UTF-8";
        return normalise_line_ends(checked_utf8(bytes, source, options, result));
    }
    // No UTF-8 at all: a legacy 8-bit encoding, as older Windows tools write.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorDeleter> detector(ucsdet_open(&status));
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    std::string charset = match && U_SUCCESS(status) ? ucsdet_getName(match, &status) : "";
    // Danish text without the C1 range is the same in ISO-8859-1 and
    // windows-1252; the latter also has the typographic quotes Word writes.
    if (charset.empty() || charset == "ISO-8859-1" || charset.rfind("windows-125", 0) == 0 || charset == "ISO-8859-15") {
        charset = "windows-1252";
    }
    result.encoding = charset;
    return normalise_line_ends(convert(bytes, charset.c_str(), source));
}

std::vector<std::string> split_lines(std::string_view utf8) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= utf8.size()) {
        auto end = utf8.find_first_of("\n\f", start);
        if (end == std::string_view::npos) end = utf8.size();
        std::string line(utf8.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

std::vector<Paragraph> paragraphs_of_lines(std::string_view utf8) {
    std::vector<Paragraph> paragraphs;
    for (auto& line : split_lines(utf8)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
        if (!text::trim(line).empty()) paragraphs.push_back(Paragraph{line, 0, std::nullopt, {}, false});
    }
    return paragraphs;
}

void ParagraphBuilder::append(const std::string& text, bool bold) {
    if (in_bold_prefix_ && bold) {
        current_.bold_prefix += text::count_code_points(text);
    } else {
        in_bold_prefix_ = false;
    }
    current_.text += text;
}

void ParagraphBuilder::finish() {
    if (!text::trim(current_.text).empty()) out_.push_back(current_);
    current_ = Paragraph{};
    in_bold_prefix_ = true;
}

}  // namespace fokus::importers
