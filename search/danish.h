#pragma once
// Danish words as a reader sees them: ICU word breaking splits
// "rådgiver/sagsbehandler", "(griner)" and "Borger 2:" into the words and
// numbers a reader would point at; punctuation, brackets and spaces are not
// words. Each word comes with its code-point span and its case-folded form.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coding/types.h"

namespace fokus::search {

// Bytes of a word's case-folded form that are kept: a longer word (a run of
// one letter, a pasted hash) is known by its first letters, the same way in
// the index and in a query, so it is still found. Xapian refuses terms over
// 245 bytes and each term adds a prefix letter; no Danish word comes near
// (the longest compounds in the spelling dictionary have about 50 letters),
// while 120 bytes keep 60 letters even of æ, ø and å.
constexpr std::size_t longest_word = 120;

struct Token {
    Span span;          // code points in the text tokenised: the whole word
    std::string lower;  // case-folded, NFC, at most longest_word bytes
};

// One ICU word-break iterator for Danish, reused across texts because making
// one is far dearer than running it. It reads the UTF-8 text where it lies,
// so a text of any length costs no memory beyond one word's folded form.
class WordBreaker {
public:
    WordBreaker();
    WordBreaker(WordBreaker&&) noexcept;
    WordBreaker& operator=(WordBreaker&&) noexcept;
    ~WordBreaker();

    // Hands each word to `each` in order, until `each` returns false; the
    // token is reused for the next word.
    void each_word(std::string_view utf8, const std::function<bool(const Token&)>& each);
    // The same words' spans alone, not folded: for finding words by their number.
    void each_span(std::string_view utf8, const std::function<bool(const Span&)>& each);
    std::vector<Token> words(std::string_view utf8);

private:
    template <class Each>
    void walk(std::string_view utf8, bool fold, Each&& each);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The Snowball Danish stem of a case-folded word, as the index stems it.
std::string danish_stem(const std::string& lower);

// The words of a text, with a word breaker kept per thread.
std::vector<Token> tokenize(std::string_view utf8);

}  // namespace fokus::search
