#include "words.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

#include "error.h"

namespace fokus::text {

std::vector<Span> word_spans(std::string_view utf8) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU word breaking unavailable: ") + u_errorName(status));
    words->setText(text);
    std::vector<Span> spans;
    std::int32_t start = words->first();
    std::int64_t start_code_point = 0;
    for (std::int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
        const std::int64_t end_code_point = start_code_point + text.countChar32(start, end - start);
        if (words->getRuleStatus() >= UBRK_WORD_NUMBER) spans.push_back(Span{start_code_point, end_code_point});
        start_code_point = end_code_point;
    }
    return spans;
}

}  // namespace fokus::text
