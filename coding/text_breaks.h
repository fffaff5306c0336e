#pragma once
// Danish words and sentences as ICU finds their boundaries, over NFC UTF-8
// text, with positions in code points. Search, agreement and frequencies all
// break text through this one helper, so that a word or a sentence is the same
// thing everywhere.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "types.h"

namespace fokus::text {

enum class BreakUnit { Word, Sentence };

// The stretch of text between two neighbouring boundaries.
struct TextPiece {
    Span span;              // code points from the text's start
    std::size_t byte = 0;   // where its bytes start in the text
    std::string_view utf8;  // its bytes
    // Word breaking: whether the piece is a word of letters or numbers
    // rather than spaces or punctuation. Sentence breaking: always true.
    bool is_word = false;
};

// A place in a UTF-8 text, as a byte offset and as a code point.
struct TextPlace {
    std::size_t byte = 0;
    std::int64_t code_point = 0;
};

// Owns one ICU break iterator for Danish, reused for every text it breaks,
// because making one is far dearer than running it. It reads the text where
// it lies: breaking a text of any length costs no copy of it.
class DanishBreaks {
    struct Impl;

public:
    // Error when ICU cannot break Danish text so.
    explicit DanishBreaks(BreakUnit unit);
    DanishBreaks(DanishBreaks&&) noexcept;
    DanishBreaks& operator=(DanishBreaks&&) noexcept;
    ~DanishBreaks();

    BreakUnit unit() const noexcept { return unit_; }

    // One pass over one text, piece by piece in order. The text must outlive
    // the walk, and a DanishBreaks serves one walk at a time.
    class Walk {
    public:
        ~Walk();
        Walk(const Walk&) = delete;
        Walk& operator=(const Walk&) = delete;

        // The next piece; none past the end of the text.
        std::optional<TextPiece> next();

    private:
        friend class DanishBreaks;
        Walk(Impl& breaks, std::string_view utf8);

        Impl& breaks_;
        std::string_view utf8_;
        TextPlace start_;
    };
    Walk walk(std::string_view utf8);

    // The spans of the words (letters or numbers) of a text; word breaking only.
    std::vector<Span> words(std::string_view utf8);
    // The spans of the sentences of a text, each without the white space that
    // trails it (a stretch of white space alone is no sentence); sentence
    // breaking only.
    std::vector<Span> sentences(std::string_view utf8);

private:
    BreakUnit unit_;
    std::unique_ptr<Impl> impl_;
};

// `end` moved back over the white space and line breaks before it, not below
// the code point `floor`.
TextPlace before_trailing_space(std::string_view utf8, TextPlace end, std::int64_t floor);

}  // namespace fokus::text
