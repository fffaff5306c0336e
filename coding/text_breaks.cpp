#include "text_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string>

#include "error.h"

namespace fokus::text {
namespace {

bool continues_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

std::int64_t code_points_in(std::string_view utf8) {
    std::int64_t count = 0;
    for (const char byte : utf8) count += continues_character(byte) ? 0 : 1;
    return count;
}

const char* unit_name(BreakUnit unit) { return unit == BreakUnit::Word ? "words" : "sentences"; }

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};

}  // namespace

struct DanishBreaks::Impl {
    BreakUnit unit;
    std::unique_ptr<icu::BreakIterator> iterator;
    // The text of the walk under way, read where it lies.
    std::unique_ptr<UText, UTextCloser> text;
};

DanishBreaks::DanishBreaks(BreakUnit unit) : unit_(unit), impl_(std::make_unique<Impl>()) {
    impl_->unit = unit;
    UErrorCode status = U_ZERO_ERROR;
    impl_->iterator.reset(unit == BreakUnit::Word ? icu::BreakIterator::createWordInstance(icu::Locale("da"), status)
                                                  : icu::BreakIterator::createSentenceInstance(icu::Locale("da"), status));
    if (U_FAILURE(status) || !impl_->iterator) {
        throw Error(std::string("ICU cannot break Danish text into ") + unit_name(unit) + ": " + u_errorName(status));
    }
}

DanishBreaks::DanishBreaks(DanishBreaks&&) noexcept = default;
DanishBreaks& DanishBreaks::operator=(DanishBreaks&&) noexcept = default;
DanishBreaks::~DanishBreaks() = default;

DanishBreaks::Walk DanishBreaks::walk(std::string_view utf8) { return Walk(*impl_, utf8); }

DanishBreaks::Walk::Walk(Impl& breaks, std::string_view utf8) : breaks_(breaks), utf8_(utf8) {
    UErrorCode status = U_ZERO_ERROR;
    // Boundaries are then byte offsets into the text, which is never copied.
    breaks_.text.reset(utext_openUTF8(nullptr, utf8.data(), static_cast<std::int64_t>(utf8.size()), &status));
    breaks_.iterator->setText(breaks_.text.get(), status);
    if (U_FAILURE(status)) {
        breaks_.text.reset();
        throw Error(std::string("ICU cannot break the text into ") + unit_name(breaks_.unit) + ": " + u_errorName(status));
    }
    breaks_.iterator->first();
}

DanishBreaks::Walk::~Walk() {
    // The iterator keeps a shallow copy of the text: leave it nothing to read.
    breaks_.iterator->setText(icu::UnicodeString());
    breaks_.text.reset();
}

std::optional<TextPiece> DanishBreaks::Walk::next() {
    const std::int32_t end = breaks_.iterator->next();
    if (end == icu::BreakIterator::DONE) return std::nullopt;
    TextPiece piece;
    piece.byte = start_.byte;
    piece.utf8 = utf8_.substr(start_.byte, static_cast<std::size_t>(end) - start_.byte);
    piece.span = Span{start_.code_point, start_.code_point + code_points_in(piece.utf8)};
    // Letters, numbers, kana and ideographs have a rule status from
    // UBRK_WORD_NUMBER up; spaces and punctuation stay below it.
    piece.is_word = breaks_.unit == BreakUnit::Sentence || breaks_.iterator->getRuleStatus() >= UBRK_WORD_NUMBER;
    start_ = TextPlace{static_cast<std::size_t>(end), piece.span.end};
    return piece;
}

std::vector<Span> DanishBreaks::words(std::string_view utf8) {
    if (unit_ != BreakUnit::Word) throw std::logic_error("words asked of a sentence breaker");
    std::vector<Span> spans;
    auto pieces = walk(utf8);
    while (const auto piece = pieces.next()) {
        if (piece->is_word) spans.push_back(piece->span);
    }
    return spans;
}

std::vector<Span> DanishBreaks::sentences(std::string_view utf8) {
    if (unit_ != BreakUnit::Sentence) throw std::logic_error("sentences asked of a word breaker");
    std::vector<Span> spans;
    auto pieces = walk(utf8);
    while (const auto piece = pieces.next()) {
        const auto end = before_trailing_space(utf8, TextPlace{piece->byte + piece->utf8.size(), piece->span.end}, piece->span.start);
        if (end.code_point > piece->span.start) spans.push_back(Span{piece->span.start, end.code_point});
    }
    return spans;
}

TextPlace before_trailing_space(std::string_view utf8, TextPlace end, std::int64_t floor) {
    while (end.code_point > floor && end.byte > 0) {
        auto before = static_cast<std::int32_t>(end.byte);
        UChar32 character = 0;
        U8_PREV(reinterpret_cast<const std::uint8_t*>(utf8.data()), 0, before, character);
        if (!u_isUWhiteSpace(character)) break;
        end = TextPlace{static_cast<std::size_t>(before), end.code_point - 1};
    }
    return end;
}

}  // namespace fokus::text
