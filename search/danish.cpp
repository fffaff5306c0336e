#include "search/danish.h"

#include <unicode/unistr.h>

#include "coding/text_breaks.h"
#include "search/terms.h"

namespace fokus::search {
namespace {

bool continues_character(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

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

}  // namespace

struct WordBreaker::Impl {
    text::DanishBreaks words{text::BreakUnit::Word};
};

WordBreaker::WordBreaker() : impl_(std::make_unique<Impl>()) {}

WordBreaker::WordBreaker(WordBreaker&&) noexcept = default;
WordBreaker& WordBreaker::operator=(WordBreaker&&) noexcept = default;
WordBreaker::~WordBreaker() = default;

template <class Each>
void WordBreaker::walk(std::string_view utf8, bool fold, Each&& each) {
    Token token;
    auto pieces = impl_->words.walk(utf8);
    while (const auto piece = pieces.next()) {
        if (!piece->is_word) continue;
        token.span = piece->span;
        if (fold) fold_into(token.lower, piece->utf8);
        if (!each(token)) break;
    }
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

std::string danish_stem(const std::string& lower) { return terms::stem_of(lower); }

std::vector<Token> tokenize(std::string_view utf8) {
    thread_local WordBreaker breaker;
    return breaker.words(utf8);
}

}  // namespace fokus::search
