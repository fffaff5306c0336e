#pragma once
// Danish words as a reader sees them: ICU word breaking splits
// "rådgiver/sagsbehandler", "(griner)" and "Borger 2:" into the words and
// numbers a reader would point at; punctuation, brackets and spaces are not
// words. Each word comes with its code-point span and its case-folded form.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coding/types.h"

namespace fokus::search {

struct Token {
    Span span;          // code points in the text tokenised
    std::string lower;  // case-folded, NFC
};

// One ICU word-break iterator for Danish, reused across texts because making
// one is far dearer than running it.
class WordBreaker {
public:
    WordBreaker();
    WordBreaker(WordBreaker&&) noexcept;
    WordBreaker& operator=(WordBreaker&&) noexcept;
    ~WordBreaker();

    std::vector<Token> words(std::string_view utf8);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The words of a text, with a word breaker kept per thread.
std::vector<Token> tokenize(std::string_view utf8);

}  // namespace fokus::search
