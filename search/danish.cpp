#include "search/danish.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "coding/error.h"

namespace fokus::search {
namespace {

// Case-folded as UTF-8. Most words of a Danish transcript are plain ASCII,
// folded here without ICU's round trip; the others go through ICU's full
// case folding.
std::string folded(const icu::UnicodeString& text, std::int32_t start, std::int32_t end) {
    std::string result;
    result.reserve(static_cast<std::size_t>(end - start));
    for (std::int32_t i = start; i < end; ++i) {
        const char16_t unit = text[i];
        if (unit >= 0x80) {
            result.clear();
            icu::UnicodeString word = text.tempSubStringBetween(start, end);
            word.foldCase();
            word.toUTF8String(result);
            return result;
        }
        result.push_back(static_cast<char>(unit >= u'A' && unit <= u'Z' ? unit + (u'a' - u'A') : unit));
    }
    return result;
}

}  // namespace

struct WordBreaker::Impl {
    std::unique_ptr<icu::BreakIterator> words;
};

WordBreaker::WordBreaker() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
    if (U_FAILURE(status) || !impl_->words) {
        throw Error(std::string("ICU word breaking for Danish is unavailable: ") + u_errorName(status));
    }
}

WordBreaker::WordBreaker(WordBreaker&&) noexcept = default;
WordBreaker& WordBreaker::operator=(WordBreaker&&) noexcept = default;
WordBreaker::~WordBreaker() = default;

std::vector<Token> WordBreaker::words(std::string_view utf8) {
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    auto& breaker = *impl_->words;
    breaker.setText(text);
    std::vector<Token> tokens;
    std::int64_t start_code_point = 0;
    std::int32_t start = breaker.first();
    for (std::int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
        const std::int64_t end_code_point = start_code_point + text.countChar32(start, end - start);
        // Letters, numbers, kana and ideographs have a rule status from
        // UBRK_WORD_NUMBER up; spaces and punctuation stay below it.
        if (breaker.getRuleStatus() >= UBRK_WORD_NUMBER) {
            tokens.push_back(Token{Span{start_code_point, end_code_point}, folded(text, start, end)});
        }
        start_code_point = end_code_point;
    }
    return tokens;
}

std::vector<Token> tokenize(std::string_view utf8) {
    thread_local WordBreaker breaker;
    return breaker.words(utf8);
}

}  // namespace fokus::search
