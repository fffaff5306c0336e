#include "search/danish.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include "coding/error.h"

namespace fokus::search {
namespace {

bool continues_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

std::int64_t code_points_in(std::string_view utf8) {
    std::int64_t count = 0;
    for (const char byte : utf8) count += continues_character(byte) ? 0 : 1;
    return count;
}

// The word case-folded as UTF-8 into `out`, cut to longest_word bytes at a
// character's start. Only the first longest_word characters are folded: none
// folds to less than one byte, so they make at least as many bytes as are
// kept. Most words of a Danish transcript are plain ASCII, folded here
// without ICU; the others go through ICU's full case folding.
void fold_into(std::string& out, std::string_view word) {
    std::size_t end = 0;
    bool ascii = true;
    for (std::size_t characters = 0; end < word.size() && characters < longest_word; ++characters) {
        ascii = ascii && static_cast<unsigned char>(word[end]) < 0x80;
        ++end;
        while (end < word.size() && continues_character(word[end])) ++end;
    }
    const auto head = word.substr(0, end);
    out.clear();
    if (ascii) {
        for (const char c : head) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
    } else {
        auto folded = icu::UnicodeString::fromUTF8(icu::StringPiece(head.data(), static_cast<std::int32_t>(head.size())));
        folded.foldCase();
        folded.toUTF8String(out);
    }
    if (out.size() > longest_word) {
        std::size_t cut = longest_word;
        while (cut > 0 && continues_character(out[cut])) --cut;
        out.resize(cut);
    }
}

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};

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

template <class Each>
void WordBreaker::walk(std::string_view utf8, bool fold, Each&& each) {
    UErrorCode status = U_ZERO_ERROR;
    // Boundaries are then byte offsets into utf8, which is never copied.
    std::unique_ptr<UText, UTextCloser> text(utext_openUTF8(nullptr, utf8.data(), static_cast<std::int64_t>(utf8.size()), &status));
    auto& breaker = *impl_->words;
    breaker.setText(text.get(), status);
    if (U_FAILURE(status)) throw Error(std::string("ICU cannot break the text into words: ") + u_errorName(status));
    Token token;
    std::int64_t start_code_point = 0;
    std::int32_t start = breaker.first();
    for (std::int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
        const auto word = utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        const std::int64_t end_code_point = start_code_point + code_points_in(word);
        // Letters, numbers, kana and ideographs have a rule status from
        // UBRK_WORD_NUMBER up; spaces and punctuation stay below it.
        if (breaker.getRuleStatus() >= UBRK_WORD_NUMBER) {
            token.span = Span{start_code_point, end_code_point};
            if (fold) fold_into(token.lower, word);
            if (!each(token)) break;
        }
        start_code_point = end_code_point;
    }
    // The breaker keeps a shallow copy of the text: leave it nothing to read.
    breaker.setText(icu::UnicodeString());
}

void WordBreaker::each_word(std::string_view utf8, const std::function<bool(const Token&)>& each) { walk(utf8, true, each); }

void WordBreaker::each_span(std::string_view utf8, const std::function<bool(const Span&)>& each) {
    walk(utf8, false, [&](const Token& token) { return each(token.span); });
}

std::vector<Token> WordBreaker::words(std::string_view utf8) {
    std::vector<Token> tokens;
    each_word(utf8, [&](const Token& token) {
        tokens.push_back(token);
        return true;
    });
    return tokens;
}

std::vector<Token> tokenize(std::string_view utf8) {
    thread_local WordBreaker breaker;
    return breaker.words(utf8);
}

}  // namespace fokus::search
